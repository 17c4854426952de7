import fp from 'fastify-plugin';
import { DomainError } from '#domain/errors.ts';

/**
 * No Partnerdesk request nests more than a handful of levels (an onboarding: body → billingProfile →
 * defaultAddress; a draft's form data a few more). 32 leaves room for any client and keeps every walk
 * over a body (prototype-poisoning check, case-insensitive matching, validation) shallow.
 */
export const MAX_JSON_DEPTH = 32;

/** The only body type the API reads (SPEC §5); 415 names it. */
export const ACCEPTED_CONTENT_TYPES = ['application/json'] as const;

/**
 * Whether JSON text opens more than `limit` objects and arrays inside one another, in one pass over
 * the characters (brackets inside strings do not count). Malformed text is left to JSON.parse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * application/json, with the nesting depth checked on the raw text before anything parses or walks it:
 * a body 10,000 levels deep is a 400 naming the limit, not a stack overflow. Parsing is Fastify's own
 * (secure-json-parse: `__proto__` and `constructor.prototype` are refused). No other type is read.
 */
export const jsonBodyPlugin = fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
        const message = `The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; no request needs that many. Send it flatter.`;
        done(new DomainError('invalid_input', message, [{ field: 'body', code: 'too_deep', message }]), undefined);
        return;
      }
      void parseJson(request, text, done); // callback-style: it calls done
    });
  },
  { name: 'json-body' },
);
