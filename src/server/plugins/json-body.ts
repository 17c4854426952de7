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
 * A Partnerdesk body holds a few dozen objects and arrays (an order: at most 50 line items). Parsing is
 * allocation: 1 MB of tiny arrays (half a million of them) takes V8 a long moment to build, so a body
 * is also refused past this many, before it is parsed.
 */
export const MAX_JSON_CONTAINERS = 10_000;

/** Why JSON text would be refused before parsing: nested too deep, or too many objects and arrays. */
export type JsonShapeProblem = 'too_deep' | 'too_many';

/**
 * Whether JSON text opens more than `limits.depth` objects and arrays inside one another, or more than
 * `limits.containers` in all, in one pass over the characters (brackets inside strings do not count).
 * Malformed text is left to JSON.parse.
 */
export function jsonShapeProblem(text: string, limits: { depth: number; containers: number }): JsonShapeProblem | undefined {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.depth) return 'too_deep';
      if (++containers > limits.containers) return 'too_many';
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

const shapeMessages: Record<JsonShapeProblem, string> = {
  too_deep: `The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; no request needs that many. Send it flatter.`,
  too_many: `The body holds more than ${MAX_JSON_CONTAINERS} objects and arrays; no request needs that many.`,
};

/**
 * application/json, with its shape checked on the raw text before anything parses or walks it: a body
 * 10,000 levels deep, or of half a million tiny arrays, is a 400 naming the limit, not a stalled server. Parsing is Fastify's own
 * (secure-json-parse: `__proto__` and `constructor.prototype` are refused). No other type is read.
 */
export const jsonBodyPlugin = fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      const problem = jsonShapeProblem(text, { depth: MAX_JSON_DEPTH, containers: MAX_JSON_CONTAINERS });
      if (problem !== undefined) {
        const message = shapeMessages[problem];
        done(new DomainError('invalid_input', message, [{ field: 'body', code: problem, message }]), undefined);
        return;
      }
      void parseJson(request, text, done); // callback-style: it calls done
    });
  },
  { name: 'json-body' },
);
