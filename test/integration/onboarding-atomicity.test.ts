/**
 * Issue 3, test 6 (SPEC §3 step 4): the submission is one transaction. A failure forced after the
 * customer row is written (a trigger on the database that raises for one offer, no mocks) leaves no
 * trace: no customer, domain, relationship, agreement, eligibility, order, subscription, audit
 * record or idempotency record, the draft is kept, and the domain is still free.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createPartnership } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, createOffer, createTemplate, expectError, newCaller, onboardingBody, uniquePrefix } from './onboarding-fixtures.ts';

let t: TestApp;
let failingOffer: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  failingOffer = await createOffer(t.db, { name: 'Offer whose line item fails' });
  // Raised after the customer, its relationships, its agreement, its order and its first subscription are written.
  await sql`
    create or replace function pd_test_fail_line_item() returns trigger language plpgsql as $$
    begin
      if new.offer_id = ${sql.lit(failingOffer.id)} then
        raise exception 'forced failure for the atomicity test';
      end if;
      return new;
    end
    $$`.execute(t.db);
  await sql`create trigger pd_test_fail_line_item before insert on order_line_items for each row execute function pd_test_fail_line_item()`.execute(t.db);
});
afterAll(async () => {
  await sql`drop trigger if exists pd_test_fail_line_item on order_line_items`.execute(t.db);
  await sql`drop function if exists pd_test_fail_line_item()`.execute(t.db);
  await t.close();
});

async function count(query: ReturnType<typeof sql<{ n: string }>>) {
  const result = await query.execute(t.db);
  return Number(result.rows[0]?.n ?? 0);
}

describe('a failure after the customer row is written', () => {
  it('answers 500 without internals and leaves no trace of the customer', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const fine = await createOffer(t.db);
    const a = api(t, provider.headers);
    const draft = await a.post('/v1/onboardings/drafts', { step: 'review', data: { note: 'before submit' } });
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().id as string;

    const prefix = uniquePrefix();
    const domain = `${prefix}.onmicrosoft.com`;
    const requestId = randomUUID();
    const body = { ...onboardingBody([{ offerId: fine.id, quantity: 1 }, { offerId: failingOffer.id, quantity: 1 }], { prefix }), associatedPartnerId: reseller.id, draftId };
    const response = await a.post('/v1/onboardings', body, { 'MS-RequestId': requestId });
    expectError(response, 500, 500);
    expect(response.body).not.toContain('forced failure');
    expect(response.body).not.toContain('order_line_items');

    const partnerIds = [provider.partner.id, reseller.id];
    expect(await count(sql`select count(*)::text as n from customers where domain = ${domain}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from domain_registry where domain = ${domain}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from customer_relationships where partner_id in (${sql.join(partnerIds)})`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from agreement_confirmations where partner_id = ${provider.partner.id}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from orders where partner_id = ${provider.partner.id}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from subscriptions where partner_id = ${provider.partner.id}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from order_line_items where offer_id = ${fine.id}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from audit_records where partner_id = ${provider.partner.id} or new_value::text like ${`%${domain}%`}`)).toBe(0);
    // A 5xx is not an answer to keep: the key is free for a retry.
    expect(await count(sql`select count(*)::text as n from idempotency_records where partner_id = ${provider.partner.id}`)).toBe(0);
    // The draft is deleted only with a successful submission.
    expect((await a.get(`/v1/onboardings/drafts/${draftId}`)).statusCode).toBe(200);
    expect((await a.head(`/v1/domains/${domain}`)).statusCode).toBe(404);
    expect((await a.get('/v1/customers')).json().items).toEqual([]);

    // The same submission without the failing line succeeds on the same domain, and deletes the draft.
    const retry = await a.post('/v1/onboardings', { ...body, lineItems: [{ offerId: fine.id, quantity: 1 }] }, { 'MS-RequestId': randomUUID() });
    expect(retry.statusCode, retry.body).toBe(201);
    expect((await a.head(`/v1/domains/${domain}`)).statusCode).toBe(200);
    expect((await a.get(`/v1/onboardings/drafts/${draftId}`)).statusCode).toBe(404);
  });

  it('leaves no trace of a usgov customer’s eligibility either', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const govOffer = await createOffer(t.db, { instance: 'usgov' });
    // The failing offer is public; a usgov one that fails needs the trigger to see it too.
    await sql`update offers set instance_id = 'usgov' where id = ${failingOffer.id}`.execute(t.db);
    try {
      const prefix = uniquePrefix();
      const body = {
        ...onboardingBody([{ offerId: govOffer.id, quantity: 1 }, { offerId: failingOffer.id, quantity: 1 }], { prefix }),
        companyProfile: { domain: `${prefix}.onmicrosoft.us` },
        agreement: null,
        eligibility: { validationType: 'RegulatedData' as const, details: 'ITAR data' },
      };
      expectError(await api(t, partner.headers).post('/v1/onboardings', body), 500, 500);
      expect(await count(sql`select count(*)::text as n from customer_eligibility_validations where partner_id = ${partner.partner.id}`)).toBe(0);
      expect(await count(sql`select count(*)::text as n from customers where domain = ${`${prefix}.onmicrosoft.us`}`)).toBe(0);
      expect((await api(t, partner.headers).head(`/v1/domains/${prefix}.onmicrosoft.us`)).statusCode).toBe(404);
    } finally {
      await sql`update offers set instance_id = 'public' where id = ${failingOffer.id}`.execute(t.db);
    }
  });
});
