/**
 * Issue 3, test 7 (SPEC §3 "an unfinished wizard is kept as a draft", ours): drafts are a user's
 * own, versioned (If-Match → 412 when stale), deleted by the submission that completes them in the
 * same transaction; a resubmission after that still gets the first answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, countCustomersWithDomain, createTemplate, customerBody, expectError, newCaller, onboardingBody, userOf, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  caller = await newCaller(t);
});
afterAll(() => t.close());

const DRAFTS = '/v1/onboardings/drafts';

async function newDraft(headers: Record<string, string>, data: Record<string, unknown> = { companyName: 'Draft Co' }, requestId?: string) {
  const response = await api(t, headers).post(DRAFTS, { step: 'account', data, ...(requestId ? { requestId } : {}) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; requestId: string | null };
}

describe('draft lifecycle', () => {
  it('creates, reads, updates with a version, lists and deletes a draft', async () => {
    const a = api(t, caller.headers);
    const created = await a.post(DRAFTS, { step: 'account', data: { companyProfile: { domain: 'half' } } });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toEqual({
      id: expect.any(String),
      step: 'account',
      data: { companyProfile: { domain: 'half' } },
      requestId: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      expiresAt: expect.any(String),
      summary: { companyName: null, domain: 'half.onmicrosoft.com', country: null },
      attributes: { objectType: 'OnboardingDraft' },
    });
    expect((await a.get(`${DRAFTS}/${draft.id}`)).json()).toEqual(draft);

    const updated = await a.put(`${DRAFTS}/${draft.id}`, { step: 'subscriptions', data: { companyProfile: { domain: 'whole' } } }, { 'If-Match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: draft.id, step: 'subscriptions', data: { companyProfile: { domain: 'whole' } }, version: 2 });
    // Without If-Match the update is unconditional.
    expect((await a.put(`${DRAFTS}/${draft.id}`, { step: 'review', data: {} })).json().version).toBe(3);

    const list = await a.get(DRAFTS);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ totalCount: 1, items: [{ id: draft.id, version: 3, step: 'review' }] });

    const deleted = await a.delete(`${DRAFTS}/${draft.id}`);
    expect(deleted.statusCode).toBe(204);
    expectError(await a.get(`${DRAFTS}/${draft.id}`), 404, 1000);
    expectError(await a.delete(`${DRAFTS}/${draft.id}`), 404, 1000);
    expect((await a.get(DRAFTS)).json().items).toEqual([]);
  });

  it('refuses a stale If-Match with 412 and keeps the newer version', async () => {
    const a = api(t, caller.headers);
    const draft = await newDraft(caller.headers, { v: 1 });
    expect((await a.put(`${DRAFTS}/${draft.id}`, { step: 'account', data: { v: 2 } }, { 'If-Match': '"1"' })).statusCode).toBe(200);
    const stale = await a.put(`${DRAFTS}/${draft.id}`, { step: 'account', data: { v: 'lost' } }, { 'If-Match': '"1"' });
    expectError(stale, 412, 412000);
    expect((await a.get(`${DRAFTS}/${draft.id}`)).json()).toMatchObject({ version: 2, data: { v: 2 } });
    // A weak etag of the current version is accepted.
    expect((await a.put(`${DRAFTS}/${draft.id}`, { step: 'account', data: { v: 3 } }, { 'If-Match': 'W/"2"' })).statusCode).toBe(200);
    expectError(await a.put(`${DRAFTS}/${draft.id}`, { step: 'account', data: {} }, { 'If-Match': 'yesterday' }), 400, 3000);
  });

  it('lets only one of several concurrent updates from the same version win (no lost update)', async () => {
    const a = api(t, caller.headers);
    // Several rounds: the first may find the connection pool cold and run nearly one at a time.
    for (let round = 0; round < 3; round++) {
      const draft = await newDraft(caller.headers, { v: 0 });
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => a.put(`${DRAFTS}/${draft.id}`, { step: 'account', data: { v: i } }, { 'If-Match': '"1"' })));
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((s) => s === 200), `round ${round}: ${statuses.join(',')}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(11);
      expect((await a.get(`${DRAFTS}/${draft.id}`)).json().version).toBe(2);
    }
  });

  it('keeps each user’s drafts to that user: another user, even of the same partner, gets 404', async () => {
    const draft = await newDraft(caller.headers);
    const colleague = await userOf(t, caller.partner.id, ['admin_agent']);
    const b = api(t, colleague.headers);
    expect((await b.get(DRAFTS)).json().items).toEqual([]);
    expectError(await b.get(`${DRAFTS}/${draft.id}`), 404, 1000);
    expectError(await b.put(`${DRAFTS}/${draft.id}`, { step: 'review', data: { stolen: true } }), 404, 1000);
    expectError(await b.delete(`${DRAFTS}/${draft.id}`), 404, 1000);
    const mine = (await api(t, caller.headers).get(`${DRAFTS}/${draft.id}`)).json();
    expect(mine).toMatchObject({ version: 1, data: { companyName: 'Draft Co' } });
  });

  it('validates the draft body: step, size, request id', async () => {
    const a = api(t, caller.headers);
    expectError(await a.post(DRAFTS, { step: 'payment', data: {} }), 400, 3000, 'step');
    expectError(await a.post(DRAFTS, { step: 'account', data: { blob: 'x'.repeat(70_000) } }), 400, 3000, 'data');
    expectError(await a.post(DRAFTS, { step: 'account', data: {}, requestId: 'has spaces' }), 400, 3000, 'requestId');
    expectError(await a.get(`${DRAFTS}/not-a-guid`), 400, 3000, 'draftId');
  });
});

describe('submitting a draft', () => {
  it('deletes the draft with the customer’s creation; a resubmission with the same MS-RequestId gets the first answer', async () => {
    const a = api(t, caller.headers);
    const draft = await newDraft(caller.headers);
    const requestId = randomUUID();
    const body = { ...onboardingBody(), draftId: draft.id };
    const first = await a.post('/v1/onboardings', body, { 'MS-RequestId': requestId });
    expect(first.statusCode, first.body).toBe(201);
    expectError(await a.get(`${DRAFTS}/${draft.id}`), 404, 1000);

    const again = await a.post('/v1/onboardings', body, { 'MS-RequestId': requestId });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.json().userCredentials.password).toBe(first.json().userCredentials.password);
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(1);
  });

  it('finds the first answer through the draft’s request id when the resubmission has no MS-RequestId', async () => {
    const a = api(t, caller.headers);
    const requestId = randomUUID();
    const draft = await newDraft(caller.headers, { any: 'thing' }, requestId);
    expect(draft.requestId).toBe(requestId);
    const body = { ...onboardingBody(), draftId: draft.id };
    const first = await a.post('/v1/onboardings', body);
    expect(first.statusCode, first.body).toBe(201);
    // The submission was keyed by the draft's request id: a retry with it is a replay.
    const replay = await a.post('/v1/onboardings', body, { 'MS-RequestId': requestId });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().customer.id).toBe(first.json().customer.id);
  });

  it('keeps the draft when the submission is refused', async () => {
    const a = api(t, caller.headers);
    const draft = await newDraft(caller.headers);
    const body = { ...onboardingBody(), billingProfile: { ...customerBody().billingProfile, email: 'bad' }, draftId: draft.id };
    expectError(await a.post('/v1/onboardings', body, { 'MS-RequestId': randomUUID() }), 400, 3000, 'billingProfile.email');
    expect((await a.get(`${DRAFTS}/${draft.id}`)).statusCode).toBe(200);
  });

  it('does not delete another user’s draft named in a submission', async () => {
    const colleague = await userOf(t, caller.partner.id, ['admin_agent']);
    const theirs = await newDraft(colleague.headers);
    const response = await api(t, caller.headers).post('/v1/onboardings', { ...onboardingBody(), draftId: theirs.id }, { 'MS-RequestId': randomUUID() });
    expect(response.statusCode, response.body).toBe(201);
    expect((await api(t, colleague.headers).get(`${DRAFTS}/${theirs.id}`)).statusCode).toBe(200);
  });
});
