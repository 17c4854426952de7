/**
 * Issue 8 §3, SPEC §1, §5, §9 "A partner never sees or changes another partner's data; each role can do
 * exactly what §1 says": an access matrix generated from the app's own route list and the route table
 * (route-table.ts). (a) Every route that takes an id, called by partner B with partner A's ids, answers
 * as it does for an id that exists nowhere: 404 (code 1000) for a caller who may take the action, never
 * data, never a refusal that tells the id exists. (b) Each role (and a user left with none) × each route
 * in each kind of organisation: allowed by `denialOf` → not a 403; refused → 403 with the refusal's code.
 * (access.test.ts and onboarding-access.test.ts keep the particular cases: scoped lists, resellers.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denialOf, roles, type Role } from '#domain/roles.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { routeCollector, routeKey, type RouteInfo } from '#test/helpers/routes.ts';
import { createTemplate } from './onboarding-fixtures.ts';
import { buildWorld, entryOf, newUser, ownResources, routeTable, send, type Caller, type ParamKind, type RouteEntry, type SampleContext, type Standing, type World } from './route-table.ts';

let t: TestApp;
let routes: RouteInfo[];
let templates: Record<'public' | 'usgov', string>;

beforeAll(async () => {
  const collector = routeCollector();
  // The US Government instance with its optional features on, so that no refusal there is the instance's.
  t = await createTestApp({ USGOV_RELATIONSHIP_REQUESTS: 'true', USGOV_INDIRECT_MODEL: 'true', API_RATE_LIMIT_PER_MINUTE: '0' }, { onRoute: collector.onRoute });
  routes = collector.routes;
  templates = { public: (await createTemplate(t.db)).id, usgov: (await createTemplate(t.db, { instance: 'usgov' })).id };
}, 120_000);
afterAll(() => t.close());

const classified = () => routes.map((route) => ({ route, entry: entryOf(route, routes)! }));
const ERROR_BODY = { code: expect.any(Number), description: expect.any(String), source: 'Partnerdesk' };

describe('the route table', () => {
  it('classifies every route of the app, and names each path parameter', () => {
    const unclassified = routes.filter((route) => entryOf(route, routes) === undefined).map(routeKey);
    expect(unclassified, 'add these routes to test/integration/route-table.ts').toEqual([]);
    for (const { route, entry } of classified()) expect(Object.keys(entry.params ?? {}).sort(), routeKey(route)).toEqual(route.params.filter((name) => name !== '*').sort());
    // And lists no route the app no longer has.
    const stale = Object.keys(routeTable).filter((key) => !routes.some((route) => routeKey(route) === key));
    expect(stale).toEqual([]);
  });

  it('holds real requests: the global admin of a direct partner gets a 2xx from every route', async () => {
    const world = await buildWorld(t, { label: 'direct', kind: 'direct', instance: 'public', usgovValidated: false }, templates);
    const failures: string[] = [];
    for (const { route, entry } of classified()) {
      // A customer admin's routes need its own session: test/integration/tenant-relationships.test.ts.
      if (entry.action === 'tenant' || entry.usgovOnly) continue;
      // An indirect provider's own route (a customer's reseller) is not a direct partner's: matrix (b) holds it.
      if (entry.action !== 'public' && entry.action !== 'signed_in' && denialOf({ kind: 'direct', instanceId: 'public', usgovValidated: false }, ['global_admin'], entry.action) === 'partner_kind') continue;
      const response = await send(t, route.method, await entry.sample({ world, caller: world.owner, ...ownResources(t, world.owner, world) }), world.owner);
      if (response.statusCode >= 300) failures.push(`${routeKey(route)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

/** The routes whose path names a resource (not a value such as a domain or a country). */
const idKinds = (entry: RouteEntry): ParamKind[] => Object.values(entry.params ?? {}).filter((kind) => kind !== 'value');

describe("(a) another partner's ids", () => {
  let a: World;
  let b: World;
  let bUsers: Caller[];
  beforeAll(async () => {
    const direct: Standing = { label: 'direct', kind: 'direct', instance: 'public', usgovValidated: false };
    a = await buildWorld(t, direct, templates);
    b = await buildWorld(t, direct, templates);
    bUsers = [b.owner, ...(await Promise.all((['helpdesk_agent', 'billing_admin', 'sales_agent'] as Role[]).map((role) => newUser(t, b.partnerId, [role]))))];
  }, 120_000);

  /** A's ids, or ids that exist nowhere, in the request of `caller` (of B). */
  function contexts(caller: Caller): { theirs: SampleContext; nowhere: SampleContext } {
    const aResources = ownResources(t, a.owner, a);
    const nowhere = { ...a, customerId: randomUUID(), orderId: randomUUID(), subscriptionId: randomUUID(), invitationId: randomUUID(), appId: randomUUID(), memberId: randomUUID(), customerUserId: randomUUID() };
    const none = async () => randomUUID();
    return {
      theirs: { world: a, caller, draft: aResources.draft, token: aResources.token, app: aResources.app, grant: aResources.grant },
      nowhere: { world: nowhere, caller, draft: none, token: none, app: async () => ({ appId: randomUUID(), secretId: randomUUID() }), grant: none },
    };
  }

  it('answers B exactly as for ids that exist nowhere: 404 to whoever may take the action, never data', async () => {
    const idRoutes = classified().filter(({ entry }) => idKinds(entry).length > 0);
    expect(idRoutes.length).toBeGreaterThanOrEqual(14);
    const before = await t.db.selectFrom('customers').select('admin_password_hash').where('id', '=', a.customerId).executeTakeFirstOrThrow();
    const failures: string[] = [];
    for (const { route, entry } of idRoutes) {
      for (const caller of bUsers) {
        const { theirs, nowhere } = contexts(caller);
        const [onTheirs, onNowhere] = [await send(t, route.method, await entry.sample(theirs), caller), await send(t, route.method, await entry.sample(nowhere), caller)];
        const who = `${routeKey(route)} as B's ${caller.roles.join()}`;
        const code = (body: string) => (body ? (JSON.parse(body) as { code?: number }).code : undefined);
        if (onTheirs.statusCode !== onNowhere.statusCode || code(onTheirs.body) !== code(onNowhere.body)) {
          failures.push(`${who}: ${onTheirs.statusCode} ${code(onTheirs.body)} for A's ids, ${onNowhere.statusCode} ${code(onNowhere.body)} for none`);
        }
        const allowed = entry.action === 'signed_in' || entry.action === 'public' || entry.action === 'tenant' || denialOf({ kind: 'direct', instanceId: 'public', usgovValidated: false }, caller.roles, entry.action) === null;
        // A caller refused the action may be told so (the same for any id), or find nothing.
        const expected: [number, number | undefined][] = allowed ? [[404, 1000]] : [[404, 1000], [403, 900308]];
        const answer = code(onTheirs.body);
        if (!expected.some(([status, pcCode]) => onTheirs.statusCode === status && (route.method === 'HEAD' || answer === pcCode))) {
          failures.push(`${who}: ${onTheirs.statusCode} ${onTheirs.body.slice(0, 160)} (expected ${expected.map(([status]) => status).join(' or ')})`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // Nothing of A's changed: its customer's password, its order list, its draft and token still there.
    expect(await t.db.selectFrom('customers').select('admin_password_hash').where('id', '=', a.customerId).executeTakeFirstOrThrow()).toEqual(before);
    expect(await t.db.selectFrom('orders').select('id').where('customer_id', '=', a.customerId).execute()).toEqual([{ id: a.orderId }]);
    expect(await t.db.selectFrom('agreement_confirmations').select('partner_id').where('customer_id', '=', a.customerId).execute()).toEqual([{ partner_id: a.partnerId }]);
  });

  it("shows B, when A's customer is also B's, none of A's orders and subscriptions", async () => {
    await t.db.insertInto('customer_relationships').values({ customer_id: a.customerId, partner_id: b.partnerId, origin: 'invited' }).execute();
    const failures: string[] = [];
    for (const { route, entry } of classified().filter(({ entry }) => idKinds(entry).some((kind) => kind === 'order' || kind === 'subscription'))) {
      const response = await send(t, route.method, await entry.sample(contexts(b.owner).theirs), b.owner);
      if (response.statusCode !== 404) failures.push(`${routeKey(route)}: ${response.statusCode} ${response.body.slice(0, 160)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    for (const list of ['orders', 'subscriptions']) {
      const response = await send(t, 'GET', { url: `/v1/customers/${a.customerId}/${list}` }, b.owner);
      expect(response.statusCode).toBe(200);
      expect(response.body, list).not.toContain(a.orderId);
      expect(response.body, list).not.toContain(a.subscriptionId);
    }
  });

  it("does not let another user of the same partner at a user's own draft or token", async () => {
    const colleague = await newUser(t, a.partnerId, ['global_admin']);
    for (const { route, entry } of classified().filter(({ entry }) => idKinds(entry).some((kind) => kind === 'draft' || kind === 'token'))) {
      const response = await send(t, route.method, await entry.sample({ ...contexts(colleague).theirs }), colleague);
      expect(response.statusCode, routeKey(route)).toBe(404);
      if (route.method !== 'HEAD') expect(response.json(), routeKey(route)).toMatchObject({ ...ERROR_BODY, code: 1000 });
    }
  });
});

describe('(b) each role × each action, in each kind of organisation', () => {
  const standings: Standing[] = [
    { label: 'direct', kind: 'direct', instance: 'public', usgovValidated: false },
    { label: 'indirect provider', kind: 'indirect_provider', instance: 'public', usgovValidated: false },
    { label: 'indirect reseller', kind: 'indirect_reseller', instance: 'public', usgovValidated: false },
    { label: 'US Government, not validated', kind: 'direct', instance: 'usgov', usgovValidated: false },
  ];
  // Every role alone, and a user whose roles were all taken away.
  const roleSets: Role[][] = [...roles.map((role) => [role]), []];

  /**
   * Cells the API gets wrong today, in another helper's area (sign-in and tokens: helper `signin`): a
   * user left with no role still manages API tokens, which `denialOf` refuses (the session's `actions`
   * leave it out). Kept out of the matrix and checked below with it.fails, to re-enable once fixed.
   */
  const knownDefects = (key: string, userRoles: Role[]) => userRoles.length === 0 && key.includes('/api/tokens');

  async function cells(filter: (key: string, userRoles: Role[]) => boolean) {
    const failures: string[] = [];
    let checked = 0;
    for (const standing of standings) {
      const world = await buildWorld(t, standing, templates);
      const partner = { kind: standing.kind, instanceId: standing.instance, usgovValidated: standing.usgovValidated };
      for (const userRoles of roleSets) {
        const caller = await newUser(t, world.partnerId, userRoles);
        for (const { route, entry } of classified()) {
          const key = routeKey(route);
          if (!filter(key, userRoles)) continue;
          // A public route is the same for everyone: asked once per organisation. Fastify's HEAD of a GET
          // runs that GET's handler: asked in the first organisation only.
          if (entry.action === 'public' && userRoles.length > 0) continue;
          // A customer admin's routes are not a partner user's: the tenant suites test them.
          if (entry.action === 'tenant') continue;
          if (route.method === 'HEAD' && !routeTable[key] && standing !== standings[0]) continue;
          checked++;
          const denial = entry.action === 'public' || entry.action === 'signed_in' ? null : denialOf(partner, userRoles, entry.action);
          // Relationship requests are off in US Government unless the operator turns them on (SPEC §8): 403002 for whoever may otherwise.
          const featureOff = denial === null && ((standing.instance === 'usgov' && entry.action === 'relationships.request' && !t.config.instances.usgov.relationshipRequests) || (standing.instance === 'public' && entry.usgovOnly === true));
          const response = await send(t, route.method, await entry.sample({ world, caller, ...ownResources(t, caller, world) }), caller);
          const cell = `${standing.label} × ${userRoles.join() || 'no role'} × ${key} (${entry.action})`;
          if (featureOff) {
            if (response.statusCode !== 403 || (response.json() as { code?: number }).code !== 403002) failures.push(`${cell}: off in this instance, got ${response.statusCode} ${response.body.slice(0, 160)}`);
          } else if (denial === null) {
            if (response.statusCode === 403 || response.statusCode === 401 || response.statusCode >= 500) failures.push(`${cell}: allowed, got ${response.statusCode} ${response.body.slice(0, 160)}`);
          } else {
            const code = denial === 'partner_not_validated' ? 403003 : 900308;
            const body = route.method === 'HEAD' ? undefined : (response.json() as { code?: number });
            if (response.statusCode !== 403 || (body && body.code !== code)) failures.push(`${cell}: refused (${denial}), got ${response.statusCode} ${response.body.slice(0, 160)}`);
          }
        }
      }
    }
    return { failures, checked };
  }

  it('answers 401 to a caller who is not signed in on every route but the public ones, which serve it', async () => {
    const world = await buildWorld(t, standings[0]!, templates);
    const failures: string[] = [];
    for (const { route, entry } of classified()) {
      const sample = await entry.sample({ world, caller: world.owner, ...ownResources(t, world.owner, world) });
      const response = await send(t, route.method, sample, { headers: {} });
      const isPublic = entry.action === 'public';
      if (entry.action === 'tenant') {
        // Public to the partner's authentication; without the customer admin's session or a real link: a 4xx.
        if (!route.isPublic || response.statusCode < 400 || response.statusCode >= 500) failures.push(`${routeKey(route)} (tenant): ${route.isPublic ? '' : 'not public, '}${response.statusCode}`);
        continue;
      }
      // The API documentation's routes are made public inside its plugin, after the route list saw them.
      if (isPublic !== route.isPublic && !route.url.startsWith('/docs')) failures.push(`${routeKey(route)}: the table says ${entry.action}, the route ${route.isPublic ? 'is' : 'is not'} public`);
      if (isPublic ? response.statusCode >= 400 : response.statusCode !== 401) failures.push(`${routeKey(route)} (${entry.action}): ${response.statusCode}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('allows exactly what denialOf allows, and refuses the rest with 403 and its code', async () => {
    const { failures, checked } = await cells((key, userRoles) => !knownDefects(key, userRoles));
    expect(failures, failures.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  }, 180_000);

  it.fails('refuses a user with no role its API tokens (tokens.manage_own) — helper signin, /api/tokens', async () => {
    const { failures, checked } = await cells(knownDefects);
    expect(checked).toBeGreaterThan(0);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
