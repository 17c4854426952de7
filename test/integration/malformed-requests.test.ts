/**
 * Issue 8 §3, SPEC §9 "Bad input never causes a 5xx": a corpus of malformed requests and property-based
 * ones (fast-check, a fixed seed) against every route the app registers, signed in as a real partner
 * user (bearer token or portal session). Every answer is below 500, every 4xx is in the error shape
 * (`{ code, description, data, source, errors }`, src/server/lib/error-body.ts), nothing pollutes
 * Object.prototype, and the server still answers /healthz afterwards.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { routeCollector, routeKey, type RouteInfo } from '#test/helpers/routes.ts';
import { createTemplate, type Headers } from './onboarding-fixtures.ts';
import { buildWorld, entryOf, ownResources, type Sample, type World } from './route-table.ts';

/** A fixed seed keeps each run the same (and a failure reproducible); the runs keep the suite short. */
const SEED = 20_260_801;
const RUNS = 80;

let t: TestApp;
let routes: RouteInfo[];
let world: World;
/** Each route with a valid request of its own, which the cases below spoil one way or another. */
let seeds: { route: RouteInfo; sample: Sample }[];
let callers: { label: string; headers: Headers }[];

beforeAll(async () => {
  const collector = routeCollector();
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0' }, { onRoute: collector.onRoute });
  routes = collector.routes;
  const templates = { public: (await createTemplate(t.db)).id, usgov: (await createTemplate(t.db, { instance: 'usgov' })).id };
  world = await buildWorld(t, { label: 'indirect provider', kind: 'indirect_provider', instance: 'public', usgovValidated: false }, templates);
  const session = await signIn(t.app, world.owner.email, world.owner.password);
  callers = [
    { label: 'bearer', headers: world.owner.headers },
    { label: 'session', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } },
  ];
  const resources = ownResources(t, world.owner, world);
  seeds = [];
  for (const route of routes) {
    const entry = entryOf(route, routes);
    if (!entry) throw new Error(`${routeKey(route)} is not in test/integration/route-table.ts`);
    if (routeKey(route) === 'POST /api/account/password') {
      // Sent as it is, a password change would end the session caller's session (and change the password
      // the sign-in seeds send): here the current password is wrong, which goes through the same parsing.
      const sample = await entry.sample({ world, caller: { ...world.owner }, ...resources });
      seeds.push({ route, sample: { ...sample, payload: { ...(sample.payload as object), currentPassword: 'Not-the-current-1' } } });
      continue;
    }
    seeds.push({ route, sample: await entry.sample({ world, caller: world.owner, ...resources }) });
  }
}, 120_000);
afterAll(() => t.close());

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const withBody = () => seeds.filter(({ route }) => WRITES.has(route.method));
const withParams = () => seeds.filter(({ route }) => route.params.length > 0);

interface Attempt { method: string; url: string; headers?: Headers; payload?: string }

/** What is wrong with an answer, or undefined: a 5xx, or a 4xx that is not in the one error shape. */
function problemOf(attempt: Attempt, response: LightMyRequestResponse): string | undefined {
  const status = response.statusCode;
  const what = () => `${attempt.method} ${attempt.url.slice(0, 120)} ${JSON.stringify(attempt.headers ?? {}).slice(0, 160)} ${(attempt.payload ?? '').slice(0, 120)}`;
  if (status >= 500) return `${status} for ${what()}: ${response.body.slice(0, 200)}`;
  if (status < 400 || attempt.method === 'HEAD') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `${status} not JSON for ${what()}: ${response.body.slice(0, 120)}`;
  }
  const shape = body as Record<string, unknown>;
  // The token endpoint answers as the identity platform does (its shape, not ours), or in ours for what Fastify refuses first.
  const identityShape = /^\/[^/?]+\/oauth2\/v2\.0\/token/.test(attempt.url) && typeof shape.error === 'string' && typeof shape.error_description === 'string' && Array.isArray(shape.error_codes);
  if (identityShape) return undefined;
  const ok = typeof shape.code === 'number' && typeof shape.description === 'string' && shape.description.length > 0 && Array.isArray(shape.data) && shape.source === 'Partnerdesk' && Array.isArray(shape.errors);
  return ok ? undefined : `${status} not in the error shape for ${what()}: ${response.body.slice(0, 200)}`;
}

/**
 * Defects in other helpers' areas, seen by this suite and left to them (issue 8). An answer showing one
 * is not counted by the other cases; the it.fails cases below keep each in view: once it is fixed, its
 * case passes, it.fails reports that, and the entry here and the it.fails marker go.
 */
const knownDefects = [
  {
    owner: 'edge',
    defect: "Fastify's own router errors bypass the error handler: FST_ERR_BAD_URL (400, a malformed %-escape in the path), FST_ERR_MAX_PARAM_LENGTH (414)",
    matches: (response: LightMyRequestResponse) => /"code":"FST_ERR_/.test(response.body),
  },
];

async function attempt(request: Attempt, caller = callers[0]!, { strict = false } = {}): Promise<string | undefined> {
  const response = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { ...caller.headers, ...request.headers },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  const problem = problemOf(request, response);
  if (problem && !strict && knownDefects.some((known) => known.matches(response))) return undefined;
  return problem;
}

/** The seed's request as it was, with its JSON body as text. */
const asAttempt = ({ route, sample }: { route: RouteInfo; sample: Sample }): Attempt => ({
  method: route.method,
  url: sample.url,
  headers: { ...(sample.payload !== undefined ? { 'content-type': 'application/json' } : {}), ...sample.headers },
  ...(sample.payload !== undefined ? { payload: typeof sample.payload === 'string' && sample.headers?.['content-type'] ? sample.payload : JSON.stringify(sample.payload) } : {}),
});

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

/** Runs every attempt, collecting the problems. */
async function problemsOf(attempts: Attempt[], options: { strict?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const request of attempts) {
    const problem = await attempt(request, callers[0], options);
    if (problem) problems.push(problem);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// The corpus: fixed malformed requests, each against every route it applies to.

const nested = (depth: number, open: string, close: string, leaf = '1') => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
const malformedBodies = [
  '', ' ', 'null', 'true', '0', '-0', '"text"', '[]', '{}', '[[]]', '{', '{"a":', '[1,2', '{"a":1}}', '{a:1}', "{'a':1}", '{"a":1,}', '\u0000',
  '\uFEFF{}', '{"a":"\\ud800"}', '{"\\udfff":1}', '{"a":"\\u0000"}', '{"a\\u0000b":1}', '{"a":"\u202Eevil\u200B"}', '{"a":"line\\r\\nbreak"}',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"a":{"__proto__":{"polluted":true}}}',
  '1e400', '{"n":1e400}', '{"n":-1e400}', '{"n":123456789012345678901234567890}', '{"n":1e-400}', '{"n":0.1e99999}',
  '{"data":' + nested(60, '{"a":', '}') + '}', nested(200, '[', ']'),
  JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))),
  JSON.stringify({ a: 'x'.repeat(500_000) }),
];
/** Deep nesting: helper `edge` bounds the depth of JSON bodies (issue 8, "Deep JSON stalls the server"). */
const deepBodies = [nested(10_000, '[', ']'), `{"data":${nested(5000, '{"a":', '}')}}`];
const contentTypes = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=latin1',
  'application/jsonx', 'application/json;', ';;', 'APPLICATION/JSON', 'application/*', '*/*', 'application/merge-patch+json', 'application/json, text/plain',
];
const badHeaders: Headers[] = [
  ...['', ' ', 'a b', 'x'.repeat(129), 'é', '../../etc/passwd', '%00', 'a,b', '{}'].map((value) => ({ 'MS-RequestId': value })),
  ...['', '"', 'W/', '*', '"-1"', '"1.5"', '"2147483648"', 'W/"99999999999999999999"', '"0x10"', 'abc', '"1", "2"'].map((value) => ({ 'If-Match': value })),
  ...['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(10_000)}`, 'bearer  x y', 'Bearer pdp_é', 'Bearer \u0000', 'Negotiate abc'].map((value) => ({ authorization: value })),
  ...['', '%%%', 'A'.repeat(3000), Buffer.from('["x",null]').toString('base64url'), Buffer.from('{"__proto__":1}').toString('base64url'), 'é'].map((value) => ({ 'MS-ContinuationToken': value })),
  { 'MS-CorrelationId': 'x'.repeat(500) }, { 'X-Locale': 'x'.repeat(100) }, { 'X-Locale': '\u0000' }, { accept: 'application/xml' }, { 'accept-language': '*;q=x' },
  { cookie: 'pd_session=garbage' }, { cookie: `pd_session=${'a'.repeat(5000)}` }, { cookie: 'pd_session' }, { 'x-csrf-token': 'wrong' }, { 'x-forwarded-for': 'not an address' },
];
const queryKeys = ['size', 'offset', 'filter', 'country', 'sort', 'category', 'q', 'agreementType', 'relationship_type', 'locale', 'seekOperation', 'indirectResellerId', 'continuationToken'];
const badQueryValues = ['', '%', '%zz', '%00', 'a%00b', '%ED%A0%80', '%C0%AF', '-1', '1e309', '99999999999999999999', '%7B', '%5B%5D', 'x'.repeat(5000), '__proto__', 'null', 'NaN'];
const badQueries = [
  '%', '%%', 'a=%zz', '%00=1', '&&&', '=', '==', 'a=1&a=2', `${'a=1&'.repeat(2000)}`, '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'filter[Field]=CompanyName',
  ...queryKeys.flatMap((key, i) => badQueryValues.filter((_, j) => (i + j) % 3 === 0).map((value) => `${key}=${value}`)),
  ...queryKeys.map((key) => `${key}=1&${key}=2`),
];
const badParams = [
  '%', '%00', '%ED%A0%80', '%C0%AF', '..', '%2e%2e', 'a%2Fb', 'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', ' ', '%20', '%F0%9F%98%80', '-1', '1e400', 'null',
  '__proto__', 'constructor', '%E2%80%AE', '{}', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '*',
];

/**
 * Case × route, striped to bound the run: case j goes to route i when (i + j) % stride is 0, so that every
 * route gets cases/stride of them and every case reaches routes/stride routes (the properties below mix the rest).
 */
function striped<S, T>(list: S[], cases: T[], stride: number): [S, T][] {
  return list.flatMap((seed, i) => cases.flatMap((item, j) => ((i + j) % stride === 0 ? [[seed, item] as [S, T]] : [])));
}

/** The seed's URL with one path parameter's value replaced (the value as it is written in the URL). */
function withParam(route: RouteInfo, url: string, index: number, raw: string): string {
  const pattern = route.url.split('/');
  const actual = url.split('?')[0]!.split('/');
  let seen = -1;
  const parts = pattern.map((segment, position) => {
    if (!segment.startsWith(':') && segment !== '*') return actual[position] ?? segment;
    seen++;
    return seen === index ? raw : (actual[position] ?? segment);
  });
  return parts.join('/');
}

// Generous timeouts: the cases are bounded in number; a busy machine only makes them slower.
describe('a corpus of malformed requests against every route', { timeout: 180_000 }, () => {
  it('covers every route of the app', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(seeds.map(({ route }) => routeKey(route))).toEqual(routes.map(routeKey));
  });

  it('answers malformed bodies (JSON syntax, odd text, prototype keys, huge numbers) with a 4xx in the error shape, or a 2xx', async () => {
    const attempts = striped(withBody(), malformedBodies, 3).map(([seed, payload]) => ({ ...asAttempt(seed), headers: { 'content-type': 'application/json' }, payload }));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it('answers bodies nested 5,000 and 10,000 levels deep with a 400 in the error shape (helper edge: the depth limit)', async () => {
    const targets = withBody().filter(({ route }) => ['POST /v1/onboardings', 'POST /v1/onboardings/drafts'].includes(routeKey(route)));
    const attempts = targets.flatMap((seed) => deepBodies.map((payload) => ({ ...asAttempt(seed), headers: { 'content-type': 'application/json' }, payload })));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it('answers a valid body under odd content types', async () => {
    const attempts = striped(withBody(), contentTypes, 4).map(([seed, type]) => ({ ...asAttempt(seed), headers: { ...asAttempt(seed).headers, 'content-type': type } }));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it('answers malformed headers (MS-RequestId, If-Match, Authorization, MS-ContinuationToken, cookies...) on every route', async () => {
    const attempts = striped(seeds, badHeaders, 10).map(([seed, headers]) => ({ ...asAttempt(seed), headers: { ...asAttempt(seed).headers, ...headers } }));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it('answers bad query strings on every route', async () => {
    const attempts = striped(seeds, badQueries, 20).map(([seed, query]) => ({ ...asAttempt(seed), url: withQuery(seed.sample.url, query) }));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it('answers bad path parameters on every route that has them', async () => {
    const slots = withParams().flatMap((seed) => seed.route.params.map((_, index) => ({ ...seed, index })));
    const attempts = striped(slots, badParams, 3).map(([seed, raw]) => ({ ...asAttempt(seed), url: withParam(seed.route, seed.sample.url, seed.index, raw) }));
    expect(await problemsOf(attempts)).toEqual([]);
  });

  it("answers a malformed %-escape or an overlong path parameter in the error shape (helper edge: Fastify's own errors)", async () => {
    const seed = seeds.find(({ route }) => routeKey(route) === 'GET /v1/customers/:customerId')!;
    const attempts = ['%', '%ED%A0%80', '%C0%AF', 'x'.repeat(5000)].map((raw) => ({ ...asAttempt(seed), url: withParam(seed.route, seed.sample.url, 0, raw) }));
    expect(await problemsOf(attempts, { strict: true })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties: arbitrary values where the corpus has fixed ones.

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const oddChar = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), surrogate, control, fc.constantFrom('\u0000', '\u202E', '\u200B', '\uFEFF', '\r', '\n', '%', '"', '\\'));
const oddString = fc.oneof(fc.string({ unit: oddChar, maxLength: 30 }), fc.constantFrom('', ' ', '__proto__', 'constructor', 'x'.repeat(10_000), '9'.repeat(400), '2147483648', 'null', 'true', '00000000-0000-0000-0000-000000000000'));
const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 64, 1e308, -0, 5e-324, 0.5, -1));
const oddKey = fc.oneof(fc.string({ unit: oddChar, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'companyProfile', 'CompanyProfile', 'COMPANYPROFILE', 'lineItems', 'data', 'step', 'email', 'password', 'id', 'attributes'));
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.array(tie('json'), { maxLength: 6 }),
    fc.dictionary(oddKey, tie('json'), { maxKeys: 8 }),
  ),
}));
/** A deep or wide value: nested arrays and objects a few hundred levels down, or thousands of keys. */
const bulky = fc.oneof(
  fc.integer({ min: 1, max: 800 }).map((depth) => nested(depth, '{"a":[', ']}')),
  fc.integer({ min: 1, max: 20_000 }).map((width) => JSON.stringify(Object.fromEntries(Array.from({ length: width }, (_, i) => [`k${i}`, [i]])))),
);

/** Every place in a JSON value where another value can go: each existing property or item, and a new property of each object. */
function slots(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => slots(item, [...path, index]))];
  if (value && typeof value === 'object') {
    return [...here, [...path, '\u0001new'], ...Object.entries(value).flatMap(([key, item]) => slots(item, [...path, key]))];
  }
  return here;
}
function replaced(value: unknown, path: (string | number)[], by: unknown, newKey: string): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, by, newKey) : item));
  const object = { ...(value as Record<string, unknown>) };
  const key = head === '\u0001new' ? newKey : String(head);
  Object.defineProperty(object, key, { value: replaced(object[key], rest, by, newKey), enumerable: true, configurable: true, writable: true });
  return object;
}

/** A string as it may appear in a URL: percent-encoded text (lone surrogates as U+FFFD), or raw bytes (invalid UTF-8 too). */
const urlPart = fc.oneof(
  oddString.map((text) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'))),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%z', '..', '%2F', '+', '&', '='),
);
/** Header values as HTTP can carry them (visible ASCII and Latin-1, no CR/LF). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom('', 'W/"1"', '"2147483648"', 'Bearer', `Bearer ${'x'.repeat(3000)}`, 'application/json; charset=utf-7', 'A'.repeat(2100)),
);
const headerName = fc.constantFrom('content-type', 'MS-RequestId', 'If-Match', 'authorization', 'MS-ContinuationToken', 'MS-CorrelationId', 'X-Locale', 'cookie', 'x-csrf-token', 'accept', 'content-encoding');

const run = (property: fc.IAsyncPropertyWithHooks<never> | fc.IAsyncProperty<never>) => fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: false });
/** The seed at `index` (wrapped); a session caller is never sent DELETE /api/session, which would end its session. */
const seedOf = (index: number, list: { route: RouteInfo; sample: Sample }[], who = 0) => {
  const usable = who === 0 ? list : list.filter(({ route }) => routeKey(route) !== 'DELETE /api/session');
  return usable[index % usable.length]!;
};
const pass = (problem: string | undefined) => {
  if (problem) throw new Error(problem);
};

describe('properties (fast-check, fixed seed)', { timeout: 180_000 }, () => {
  it('answers any JSON body on every write route without a 5xx, 4xx in the error shape', async () => {
    await run(
      fc.asyncProperty(fc.nat(), fc.oneof({ weight: 4, arbitrary: json.map((value) => JSON.stringify(value) ?? 'null') }, { weight: 1, arbitrary: bulky }), fc.nat(1), async (index, payload, who) => {
        const seed = seedOf(index, withBody(), who);
        pass(await attempt({ ...asAttempt(seed), headers: { 'content-type': 'application/json' }, payload }, callers[who]));
      }) as never,
    );
  });

  it('answers a valid request with any one value replaced or added, anywhere in its body', async () => {
    const bodies = withBody().filter(({ sample }) => sample.payload !== undefined);
    await run(
      fc.asyncProperty(fc.nat(), fc.nat(), json, oddKey, async (index, slotIndex, value, newKey) => {
        const seed = seedOf(index, bodies);
        const places = slots(seed.sample.payload);
        const payload = JSON.stringify(replaced(seed.sample.payload, places[slotIndex % places.length]!, value, newKey)) ?? 'null';
        pass(await attempt({ ...asAttempt(seed), payload }));
      }) as never,
    );
  });

  it('answers any value in the headers that matter, on every route', async () => {
    await run(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(headerName, headerValue), { minLength: 1, maxLength: 3 }), fc.nat(1), async (index, headers, who) => {
        const seed = seedOf(index, seeds, who);
        pass(await attempt({ ...asAttempt(seed), headers: { ...asAttempt(seed).headers, ...Object.fromEntries(headers) } }, callers[who]));
      }) as never,
    );
  });

  it('answers any query string on every route', async () => {
    const key = fc.oneof(fc.constantFrom(...queryKeys), urlPart);
    await run(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(key, urlPart), { minLength: 1, maxLength: 4 }), async (index, pairs) => {
        const seed = seedOf(index, seeds);
        pass(await attempt({ ...asAttempt(seed), url: withQuery(seed.sample.url, pairs.map(([k, v]) => `${k}=${v}`).join('&')) }));
      }) as never,
    );
  });

  it('answers any path parameter on every route that has them', async () => {
    await run(
      fc.asyncProperty(fc.nat(), fc.nat(), urlPart, async (index, param, raw) => {
        const seed = seedOf(index, withParams());
        pass(await attempt({ ...asAttempt(seed), url: withParam(seed.route, seed.sample.url, param % seed.route.params.length, raw) }));
      }) as never,
    );
  });
});

describe('afterwards', () => {
  it('answers /healthz, and nothing reached Object.prototype', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And still serves the partner's data.
    expect((await t.app.inject({ method: 'GET', url: `/v1/customers/${world.customerId}`, headers: world.owner.headers })).statusCode).toBe(200);
  });
});
