import fp from 'fastify-plugin';
import type { z } from 'zod';
import { DomainError } from '#domain/errors.ts';
import { unstorableText } from '#domain/text.ts';

/**
 * SPEC §5 Input: request property names, and query parameter names, are matched case-insensitively
 * against the route's schema (`CompanyProfile`, `addressline1`, `Size`), two keys differing only in case
 * are a 400, and read-only fields
 * that Partner Center clients send back (`id`, `attributes`, `links`, `userCredentials`...) are dropped.
 * Text PostgreSQL cannot store (a NUL character, a lone surrogate), in a value or a property name, is
 * refused, naming the field.
 */
const READ_ONLY = new Set([
  'id',
  'attributes',
  'links',
  'usercredentials',
  'commerceid',
  'tenantid',
  'relationshiptopartner',
  'allowdelegatedaccess',
  'customdomains',
  'etag',
  'creationdate',
]);

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** The object or array schema under optional/nullable/default/pipe wrappers. */
function unwrap(schema: z.ZodType | undefined): Def | undefined {
  let def = defOf(schema);
  for (let depth = 0; def && depth < 10; depth++) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return def;
    def = defOf(inner);
  }
  return def;
}

/** The canonical key of each lower-cased key of an object schema, made once per schema. */
const canonicalKeys = new WeakMap<Record<string, z.ZodType>, Map<string, string>>();

function canonicalOf(shape: Record<string, z.ZodType>): Map<string, string> {
  let canonical = canonicalKeys.get(shape);
  if (!canonical) {
    canonical = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
    canonicalKeys.set(shape, canonical);
  }
  return canonical;
}

/**
 * The body with its property names as the schema spells them. One pass over the body: `path` is the
 * one stack of the keys above the value (pushed and popped, never copied), read only to name a field
 * in an error. The body's depth is bounded by the JSON parser (`json-body.ts`).
 */
export function matchKeys(value: unknown, schema: z.ZodType | undefined, path: string[] = []): unknown {
  const def = unwrap(schema);
  if (!def) return value;
  if (def.type === 'array' && Array.isArray(value)) {
    const element = def.element;
    return value.map((item, index) => {
      path.push(String(index));
      const matched = matchKeys(item, element, path);
      path.pop();
      return matched;
    });
  }
  if (def.type !== 'object' || !def.shape || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const shape = def.shape;
  const canonical = canonicalOf(shape);
  const result: Record<string, unknown> = {};
  const from = new Map<string, string>();
  for (const [key, item] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const name = canonical.get(lower);
    if (!name) {
      if (READ_ONLY.has(lower)) continue;
      result[key] = item; // unknown: the schema reports it, naming it
      continue;
    }
    const earlier = from.get(name);
    if (earlier !== undefined) {
      const field = [...path, name].join('.');
      const message = `"${earlier}" and "${key}" differ only in case; send the property once.`;
      throw new DomainError('invalid_input', `${field}: ${message}`, [{ field, code: 'duplicate_property', message }]);
    }
    from.set(name, key);
    path.push(name);
    result[name] = matchKeys(item, shape[name], path);
    path.pop();
  }
  return result;
}

/** The first string (value or property name) PostgreSQL cannot store: its path and why. One pass, as matchKeys. */
function findUnstorable(value: unknown, path: string[]): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    return message === undefined ? undefined : { field: path.join('.') || 'value', message };
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyMessage = unstorableText(key);
      // The name as its JSON escapes (a\ud800), so that the answer shows which one.
      if (keyMessage !== undefined) return { field: [...path, JSON.stringify(key).slice(1, -1)].join('.'), message: `The property name: ${keyMessage}` };
      path.push(key);
      const found = findUnstorable(item, path);
      path.pop();
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export const caseInsensitiveBodyPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const bad = findUnstorable(request.params, []) ?? findUnstorable(request.query, []) ?? findUnstorable(request.body, []);
      if (bad !== undefined) {
        throw new DomainError('invalid_input', `${bad.field}: ${bad.message}`, [{ field: bad.field, code: 'invalid_character', message: bad.message }]);
      }
      const schema = request.routeOptions.schema?.body as z.ZodType | undefined;
      if (schema && request.body && typeof request.body === 'object') request.body = matchKeys(request.body, schema);
      // Query parameter names too (`Size`, `Filter`, `AgreementType`), as Partner Center reads them.
      const querySchema = request.routeOptions.schema?.querystring as z.ZodType | undefined;
      if (querySchema && request.query && typeof request.query === 'object') request.query = matchKeys(request.query, querySchema);
    });
  },
  { name: 'case-insensitive-body' },
);
