/**
 * Issue 7 (drafts): a draft expires DRAFT_TTL_DAYS after its last save (every save renews it) and is
 * then gone for every call and for the purge; the list carries each draft's summary; users who may
 * not add customers never get a draft, refused with the submission's own reason. The clock is fixed
 * through buildApp's adapters.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import type { Clock } from '#server/lib/adapters.ts';
import { purgeExpired } from '#server/bootstrap.ts';
import { createPartner, createUser, bearerFor } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, createTemplate, expectError, newCaller, onboardingBody, type Caller, type Headers } from './onboarding-fixtures.ts';

const DAY = 86_400_000;
const start = new Date('2031-05-10T08:00:00.000Z');
let now = start;
const clock: Clock = { now: () => now };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  await createTemplate(t.db);
});
afterAll(() => t.close());

const DRAFTS = '/v1/onboardings/drafts';

/** Moves the fixed clock; the caller's bearer token (an hour long) is fetched again at the new time. */
async function advance(caller: Caller, ms: number): Promise<Headers> {
  now = new Date(now.getTime() + ms);
  return bearerFor(t, caller.user.email);
}

async function rowExists(id: string) {
  return (await t.db.selectFrom('onboarding_drafts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

describe('draft expiry (DRAFT_TTL_DAYS, default 30)', () => {
  it('expires 30 days after the last save: renewed by each save, then neither listed, read, updated nor deleted, and purged', async () => {
    now = start;
    const caller = await newCaller(t);
    let headers = caller.headers;
    const created = await api(t, headers).post(DRAFTS, { step: 'account', data: { companyName: 'Expiring Ltd' } });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft.expiresAt).toBe(new Date(start.getTime() + 30 * DAY).toISOString());
    // Another draft, left alone from the start: it expires first.
    const idle = (await api(t, headers).post(DRAFTS, { step: 'account', data: { companyName: 'Idle Ltd' } })).json();

    headers = await advance(caller, 29 * DAY);
    const saved = await api(t, headers).put(`${DRAFTS}/${draft.id}`, { step: 'subscriptions', data: { companyName: 'Expiring Ltd' } }, { 'If-Match': '"1"' });
    expect(saved.statusCode, saved.body).toBe(200);
    const renewedUntil = new Date(start.getTime() + 59 * DAY).toISOString();
    expect(saved.json()).toMatchObject({ version: 2, updatedAt: new Date(start.getTime() + 29 * DAY).toISOString(), expiresAt: renewedUntil });
    expect((await api(t, headers).get(`${DRAFTS}/${draft.id}`)).json().expiresAt).toBe(renewedUntil);

    // Day 30: the idle draft is gone, the saved one is not.
    headers = await advance(caller, DAY);
    const a = api(t, headers);
    expectError(await a.get(`${DRAFTS}/${idle.id}`), 404, 1000);
    expectError(await a.put(`${DRAFTS}/${idle.id}`, { step: 'account', data: { companyName: 'Revived?' } }), 404, 1000);
    expectError(await a.put(`${DRAFTS}/${idle.id}`, { step: 'account', data: {} }, { 'If-Match': '"1"' }), 404, 1000);
    expectError(await a.delete(`${DRAFTS}/${idle.id}`), 404, 1000);
    expect((await a.get(DRAFTS)).json()).toMatchObject({ totalCount: 1, items: [{ id: draft.id, expiresAt: renewedUntil }] });

    await purgeExpired(t.db, now, t.config);
    expect(await rowExists(idle.id)).toBe(false);
    expect(await rowExists(draft.id)).toBe(true);

    // One millisecond before its expiry it is still there; at its expiry it is gone.
    headers = await advance(caller, 29 * DAY - 1);
    expect((await api(t, headers).get(`${DRAFTS}/${draft.id}`)).statusCode).toBe(200);
    headers = await advance(caller, 1);
    expectError(await api(t, headers).get(`${DRAFTS}/${draft.id}`), 404, 1000);
    expect((await api(t, headers).get(DRAFTS)).json()).toEqual({ totalCount: 0, items: [] });
    await purgeExpired(t.db, now, t.config);
    expect(await rowExists(draft.id)).toBe(false);
  });

  it('does not let the submission’s MS-RequestId renew the expiry (it is not a change of the entries)', async () => {
    now = start;
    const caller = await newCaller(t);
    const draft = (await api(t, caller.headers).post(DRAFTS, { step: 'review', data: { companyName: 'Kept As Is' } })).json();
    const refused = await api(t, caller.headers).post('/v1/onboardings', { ...onboardingBody(), billingProfile: { ...onboardingBody().billingProfile, email: 'bad' }, draftId: draft.id }, { 'MS-RequestId': randomUUID() });
    expect(refused.statusCode).toBe(400);
    const read = (await api(t, caller.headers).get(`${DRAFTS}/${draft.id}`)).json();
    expect(read.requestId).toEqual(expect.any(String));
    expect(read.expiresAt).toBe(draft.expiresAt);
  });
});

describe('the drafts list', () => {
  it('carries each draft’s summary: company name, full domain, country (wizard values or Partner Center’s shape)', async () => {
    now = start;
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    expect((await a.post(DRAFTS, { step: 'subscriptions', data: { companyName: 'Northwind Traders', domain: 'northwind', country: 'US', lineItems: [] } })).statusCode).toBe(201);
    now = new Date(start.getTime() + 1000);
    expect((await a.post(DRAFTS, { step: 'account', data: { companyProfile: { companyName: 'Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com' }, billingProfile: { defaultAddress: { country: 'gb' } } } })).statusCode).toBe(201);
    now = new Date(start.getTime() + 2000);
    expect((await a.post(DRAFTS, { step: 'account', data: {} })).statusCode).toBe(201);
    const list = await a.get(DRAFTS);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { step: string; summary: unknown }) => ({ step: item.step, summary: item.summary }))).toEqual([
      { step: 'account', summary: { companyName: null, domain: null, country: null } },
      { step: 'account', summary: { companyName: 'Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com', country: 'GB' } },
      { step: 'subscriptions', summary: { companyName: 'Northwind Traders', domain: 'northwind.onmicrosoft.com', country: 'US' } },
    ]);
  });
});

describe('a draft id chosen by the client (so the portal can name the draft before the first save returns)', () => {
  it('creates the draft with it once; a second create with it is a 409; an id in a PUT body is ignored', async () => {
    now = start;
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const id = randomUUID();
    const created = await a.post(DRAFTS, { id, step: 'account', data: { companyName: 'Chosen Id' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id, version: 1 });
    expectError(await a.post(DRAFTS, { id, step: 'account', data: {} }), 409, 409000, 'id');
    // Someone else's id is refused the same way, and their draft stays theirs.
    const other = await newCaller(t);
    expectError(await api(t, other.headers).post(DRAFTS, { id, step: 'account', data: { stolen: true } }), 409, 409000, 'id');
    const put = await a.put(`${DRAFTS}/${id}`, { id: randomUUID(), step: 'review', data: { companyName: 'Chosen Id' } }, { 'If-Match': '"1"' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ id, version: 2, step: 'review' });
    expectError(await a.post(DRAFTS, { id: 'not-a-guid', step: 'account', data: {} }), 400, 3000, 'id');
  });
});

describe('who never gets a draft: those who may not add customers, told the submission’s reason', () => {
  async function userIn(partner: { id: string }, roles: Role[]) {
    const user = await createUser(t.db, { partnerId: partner.id, roles });
    return { id: user.id, headers: await bearerFor(t, user.email) };
  }
  /** A draft left from before (say, a role change): updating it is refused too, and it stays as it was. */
  async function oldDraftOf(userId: string, partnerId: string) {
    const id = randomUUID();
    await t.db.insertInto('onboarding_drafts').values({ id, user_id: userId, partner_id: partnerId, step: 'account', data: JSON.stringify({ companyName: 'Before' }), created_at: now, updated_at: now }).execute();
    return id;
  }

  const cases: { who: string; make(): Promise<{ id: string; partnerId: string; headers: Headers }>; status: number; code: number }[] = [
    {
      who: 'a helpdesk agent',
      async make() {
        const partner = await createPartner(t.db, { kind: 'direct' });
        return { ...(await userIn(partner, ['helpdesk_agent'])), partnerId: partner.id };
      },
      status: 403,
      code: 900308,
    },
    {
      who: 'a billing admin',
      async make() {
        const partner = await createPartner(t.db, { kind: 'direct' });
        return { ...(await userIn(partner, ['billing_admin'])), partnerId: partner.id };
      },
      status: 403,
      code: 900308,
    },
    {
      who: 'an indirect reseller’s global admin',
      async make() {
        const partner = await createPartner(t.db, { kind: 'indirect_reseller' });
        return { ...(await userIn(partner, ['global_admin'])), partnerId: partner.id };
      },
      status: 403,
      code: 900308,
    },
    {
      who: 'a US Government partner not yet validated (partner_not_validated)',
      async make() {
        const partner = await createPartner(t.db, { kind: 'direct', instance: 'usgov', usgovValidated: false });
        return { ...(await userIn(partner, ['global_admin'])), partnerId: partner.id };
      },
      status: 403,
      code: 403003,
    },
  ];

  for (const { who, make, status, code } of cases) {
    it(`refuses ${who} a draft, create and update, with the reason the submission gives`, async () => {
      now = start;
      const user = await make();
      const a = api(t, user.headers);
      const submission = expectError(await a.post('/v1/onboardings', onboardingBody()), status, code);

      const create = expectError(await a.post(DRAFTS, { step: 'account', data: { companyName: 'Never Saved' } }), status, code);
      expect(create.description).toBe(submission.description);
      const mine = await oldDraftOf(user.id, user.partnerId);
      const update = expectError(await a.put(`${DRAFTS}/${mine}`, { step: 'review', data: { companyName: 'Changed' } }, { 'If-Match': '"1"' }), status, code);
      expect(update.description).toBe(submission.description);

      const rows = await t.db.selectFrom('onboarding_drafts').select(['id', 'data', 'version']).where('user_id', '=', user.id).execute();
      expect(rows).toEqual([{ id: mine, data: { companyName: 'Before' }, version: 1 }]);
      // What is theirs they may still read and discard.
      expect((await a.get(`${DRAFTS}/${mine}`)).statusCode).toBe(200);
      expect((await a.delete(`${DRAFTS}/${mine}`)).statusCode).toBe(204);
    });
  }

  it('gives a draft to a validated US Government partner', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: true, roles: ['global_admin'] });
    const created = await api(t, partner.headers).post(DRAFTS, { step: 'account', data: { companyName: 'Gov Draft', domain: 'govdraft' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().summary).toEqual({ companyName: 'Gov Draft', domain: 'govdraft.onmicrosoft.us', country: null });
  });
});
