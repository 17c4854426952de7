/**
 * Issue 3, tests 4 and 5 (SPEC §3 step 4–5, §5 Idempotency): a retried submission never creates a
 * second customer and gets the first answer, password included; the stored answer is encrypted and
 * the customer keeps only a hash; concurrent claims of one domain make exactly one customer.
 * Concurrency only means something on PostgreSQL (PGlite runs one query at a time); it passes on both.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import {
  api,
  countCustomersWithDomain,
  createOffer,
  createTemplate,
  customerBody,
  expectError,
  newCaller,
  onboardingBody,
  uniquePrefix,
  userOf,
  type Caller,
} from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  caller = await newCaller(t);
});
afterAll(() => t.close());

type Submitted = { customer: { id: string; companyProfile: { domain: string } }; userCredentials: { password: string }; order: { id: string } | null };

const submit = (body: unknown, requestId: string | undefined, headers = caller.headers) =>
  api(t, headers).post('/v1/onboardings', body, requestId ? { 'MS-RequestId': requestId } : {});

async function rowsFor(table: 'orders' | 'subscriptions' | 'agreement_confirmations', customerId: string) {
  return (await t.db.selectFrom(table).select('id').where('customer_id', '=', customerId).execute()).length;
}

describe('a retried submission (same MS-RequestId, same body)', () => {
  it('gets the first answer, status and body, and makes one customer, agreement and order', async () => {
    const offer = await createOffer(t.db);
    const body = onboardingBody([{ offerId: offer.id, quantity: 2 }]);
    const requestId = randomUUID();
    const first = await submit(body, requestId);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await submit(body, requestId);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // The same body with its keys in another order and another case is the same request.
    const { billingProfile, companyProfile, ...rest } = body;
    const reordered = await submit({ ...rest, BillingProfile: billingProfile, CompanyProfile: companyProfile }, requestId);
    expect(reordered.statusCode, reordered.body).toBe(201);
    expect(reordered.json()).toEqual(first.json());

    const created = first.json<Submitted>();
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(1);
    expect(await rowsFor('orders', created.customer.id)).toBe(1);
    expect(await rowsFor('subscriptions', created.customer.id)).toBe(1);
    expect(await rowsFor('agreement_confirmations', created.customer.id)).toBe(1);
  });

  it('20 at once make one customer, and every answer has its id and password', async () => {
    const offer = await createOffer(t.db);
    const body = onboardingBody([{ offerId: offer.id, quantity: 2 }]);
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(body, requestId)));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    const bodies = answers.map((answer) => answer.json<Submitted>());
    expect(new Set(bodies.map((b) => b.customer.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.userCredentials.password)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.order?.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(1);
    expect(await rowsFor('orders', bodies[0]!.customer.id)).toBe(1);
  });

  it('works the same for POST /v1/customers', async () => {
    const body = customerBody();
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => api(t, caller.headers).post('/v1/customers', body, { 'MS-RequestId': requestId })));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    expect(new Set(answers.map((a) => a.json().userCredentials.password)).size).toBe(1);
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(1);
  });

  it('is keyed by the route and the resolved ids, not the raw URL: upper case or percent-encoding is the same order', async () => {
    const offer = await createOffer(t.db);
    const created = await submit(onboardingBody(), randomUUID());
    expect(created.statusCode, created.body).toBe(201);
    const customerId = (created.json() as Submitted).customer.id;
    const order = { lineItems: [{ lineItemNumber: 0, offerId: offer.id, quantity: 1 }] };
    const requestId = randomUUID();
    const place = (path: string) => api(t, caller.headers).post(path, order, { 'MS-RequestId': requestId });
    const first = await place(`/v1/customers/${customerId}/orders`);
    expect(first.statusCode, first.body).toBe(201);
    const upper = await place(`/v1/customers/${customerId.toUpperCase()}/orders`);
    const encoded = await place(`/v1/customers/${[...customerId].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('')}/orders`);
    for (const retry of [upper, encoded]) {
      expect(retry.statusCode, retry.body).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
    }
    expect(await rowsFor('orders', customerId)).toBe(1);
  });

  it('is keyed by partner: another partner’s same MS-RequestId is another request', async () => {
    const requestId = randomUUID();
    const mine = await submit(onboardingBody(), requestId);
    const other = await newCaller(t);
    const theirs = await submit(onboardingBody(), requestId, other.headers);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().customer.id).not.toBe(mine.json().customer.id);
  });

  it('without MS-RequestId, a repeat is a new request (here: the domain is taken)', async () => {
    const body = onboardingBody();
    expect((await submit(body, undefined)).statusCode).toBe(201);
    expectError(await submit(body, undefined), 409, 600060, 'companyProfile.domain');
  });

  it('refuses an MS-RequestId that is not a plain id', async () => {
    expectError(await submit(onboardingBody(), 'not an id!'), 400, 3000, 'MS-RequestId');
  });
});

describe('the same MS-RequestId with a different body', () => {
  it('is refused with 409 (409001), and creates nothing', async () => {
    const requestId = randomUUID();
    const first = await submit(onboardingBody(), requestId);
    expect(first.statusCode).toBe(201);
    const other = onboardingBody();
    expectError(await submit(other, requestId), 409, 409001);
    expect(await countCustomersWithDomain(t.db, other.companyProfile.domain)).toBe(0);
  });
});

describe('a 4xx answer is stored and replayed', () => {
  it('answers a retry with the first refusal even when the request would now succeed', async () => {
    const partner = await newCaller(t, { markets: ['CA'] });
    const body = onboardingBody();
    const requestId = randomUUID();
    const first = await submit(body, requestId, partner.headers);
    expectError(first, 403, 2030, 'billingProfile.defaultAddress.country');
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The operator authorises the partner in the US; the retry still gets the stored answer.
    await t.db.updateTable('partner_organizations').set({ markets: ['CA', 'US'] }).where('id', '=', partner.partner.id).execute();
    const retry = await submit(body, requestId, partner.headers);
    expect(retry.statusCode).toBe(403);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
    // A new MS-RequestId is a new request, which now succeeds.
    expect((await submit(body, randomUUID(), partner.headers)).statusCode).toBe(201);
  });

  it('replays a 400 with its field errors', async () => {
    const body = { ...onboardingBody(), billingProfile: { ...customerBody().billingProfile, email: 'bad' } };
    const requestId = randomUUID();
    const first = await submit(body, requestId);
    expectError(first, 400, 3000, 'billingProfile.email', 'email_invalid');
    const retry = await submit(body, requestId);
    expect(retry.statusCode).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
  });
});

describe('what a replay may reveal, and for how long', () => {
  it('checks the caller’s roles before replaying: a helpdesk agent does not get the admin credentials', async () => {
    const body = onboardingBody();
    const requestId = randomUUID();
    const first = await submit(body, requestId);
    expect(first.statusCode).toBe(201);
    // A colleague whose roles do not allow adding customers sends the same request.
    const helpdesk = await userOf(t, caller.partner.id, ['helpdesk_agent']);
    const replay = await submit(body, requestId, helpdesk.headers);
    expect(replay.json().userCredentials?.password, 'the admin password was handed to a helpdesk agent').toBeUndefined();
    expectError(replay, 403, 900308);
  });

  it('keeps an answer 24 hours; after that the MS-RequestId is a new request', async () => {
    const body = onboardingBody();
    const requestId = randomUUID();
    expect((await submit(body, requestId)).statusCode).toBe(201);
    const record = await t.db
      .selectFrom('idempotency_records')
      .select(['created_at', 'expires_at'])
      .where('partner_id', '=', caller.partner.id)
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(record.expires_at.getTime() - record.created_at.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000 - 60_000);
    await t.db.updateTable('idempotency_records').set({ expires_at: new Date(Date.now() - 1000) }).where('partner_id', '=', caller.partner.id).where('request_id', '=', requestId).execute();
    // Processed again: the domain is now taken by the first submission's customer.
    const late = await submit(body, requestId);
    expectError(late, 409, 600060, 'companyProfile.domain');
    expect(late.headers['idempotent-replayed']).toBeUndefined();
  });

});

describe('secrets at rest', () => {
  it('stores the answer encrypted and only a hash of the admin password', async () => {
    const requestId = randomUUID();
    const body = onboardingBody();
    const response = await submit(body, requestId);
    expect(response.statusCode).toBe(201);
    const { customer, userCredentials } = response.json<Submitted>();
    const password = userCredentials.password;

    const record = await t.db
      .selectFrom('idempotency_records')
      .select(['response_encrypted', 'status_code', 'request_hash'])
      .where('partner_id', '=', caller.partner.id)
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(record.status_code).toBe(201);
    expect(record.response_encrypted).toEqual(expect.any(String));
    expect(record.response_encrypted).not.toContain(password);
    expect(record.response_encrypted).not.toContain(customer.id);
    expect(record.response_encrypted).not.toContain(Buffer.from(password).toString('base64'));
    expect(record.request_hash).not.toContain(body.companyProfile.domain);

    const stored = await t.db.selectFrom('customers').select(['admin_password_hash']).where('id', '=', customer.id).executeTakeFirstOrThrow();
    expect(stored.admin_password_hash).not.toContain(password);
    // The hash is of this password (so a sign-in could check it), not of something else.
    expect(stored.admin_password_hash).toContain(sha256(password));
    // Nothing else in the database holds the password in clear: not the audit log, not the draft table.
    const audit = await sql<{ hits: string }>`select count(*)::text as hits from audit_records where new_value::text like ${`%${password}%`}`.execute(t.db);
    expect(audit.rows[0]?.hits).toBe('0');
  });
});

describe('concurrent submissions claiming one domain', () => {
  it('50 with different MS-RequestIds: exactly one 201 and 49 409s (600060), one customer', async () => {
    const prefix = uniquePrefix();
    const answers: LightMyRequestResponse[] = await Promise.all(Array.from({ length: 50 }, () => submit(onboardingBody([], { prefix }), randomUUID())));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201), statuses.join(',')).toHaveLength(1);
    const refused = answers.filter((answer) => answer.statusCode !== 201);
    expect(refused).toHaveLength(49);
    for (const answer of refused) expectError(answer, 409, 600060, 'companyProfile.domain');
    expect(await countCustomersWithDomain(t.db, `${prefix}.onmicrosoft.com`)).toBe(1);
    const registry = await t.db.selectFrom('domain_registry').select('customer_id').where('domain', '=', `${prefix}.onmicrosoft.com`).execute();
    expect(registry).toEqual([{ customer_id: answers.find((a) => a.statusCode === 201)!.json().customer.id }]);
  });
});
