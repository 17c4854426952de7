import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createOffer, createTemplate, customerBody, expectError, newCaller, onboardingBody, userOf } from './onboarding-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
});
afterAll(() => t.close());

describe('POST /v1/onboardings/validations', () => {
  it('reports every wrong field without writing anything', async () => {
    const caller = await newCaller(t, { roles: ['sales_agent'] });
    const offer = await createOffer(t.db, { min: 1, max: 5 });
    const body = { ...onboardingBody([{ offerId: offer.id, quantity: 9 }]), agreement: { ...agreementBody(), dateAgreed: '2999-01-01' } };
    body.billingProfile.defaultAddress.postalCode = 'ABCDE';
    const response = await api(t, caller.headers).post('/v1/onboardings/validations', body);
    expect(response.statusCode).toBe(200);
    const result = response.json() as { valid: boolean; errors: { field: string; code: string }[] };
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.field).sort()).toEqual(['agreement.dateAgreed', 'billingProfile.defaultAddress.postalCode', 'lineItems.0.quantity'].sort());
    expect(await t.db.selectFrom('customers').select('id').where('domain', 'like', `${body.companyProfile.domain}%`).execute()).toEqual([]);
  });

  it('says valid for a complete submission, still writing nothing', async () => {
    const caller = await newCaller(t, { roles: ['sales_agent'] });
    const body = { ...onboardingBody(), agreement: agreementBody() };
    const response = await api(t, caller.headers).post('/v1/onboardings/validations', body);
    expect(response.json()).toMatchObject({ valid: true, errors: [] });
    const created = await api(t, caller.headers).post('/v1/onboardings', body);
    expect(created.statusCode).toBe(201);
  });
});

describe('POST /v1/customers/{id}/adminpasswordresets', () => {
  it('gives a new temporary password once, keeps only its hash, and the old one stops matching', async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const created = await api(t, caller.headers).post('/v1/customers', customerBody());
    expect(created.statusCode).toBe(201);
    const { id, userCredentials } = created.json() as { id: string; userCredentials: { password: string; userPrincipalName: string } };
    const requestId = randomUUID();
    const reset = await api(t, caller.headers).post(`/v1/customers/${id}/adminpasswordresets`, {}, { 'MS-RequestId': requestId });
    expect(reset.statusCode).toBe(201);
    const credentials = reset.json() as { userName: string; userPrincipalName: string; password: string };
    expect(credentials).toMatchObject({ userName: 'admin', userPrincipalName: userCredentials.userPrincipalName });
    expect(credentials.password).not.toBe(userCredentials.password);
    const stored = await t.db.selectFrom('customers').select('admin_password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.admin_password_hash).toBe(`sha256$${sha256(credentials.password)}`);
    // A retry of the same request gets the same answer, not a third password.
    const retry = await api(t, caller.headers).post(`/v1/customers/${id}/adminpasswordresets`, {}, { 'MS-RequestId': requestId });
    expect(retry.json().password).toBe(credentials.password);
  });

  it("refuses a billing admin, and another partner's customer is a 404", async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const created = await api(t, caller.headers).post('/v1/customers', customerBody());
    const { id } = created.json() as { id: string };
    const billing = await userOf(t, caller.partner.id, ['billing_admin']);
    expectError(await api(t, billing.headers).post(`/v1/customers/${id}/adminpasswordresets`, {}), 403, 900308);
    const stranger = await newCaller(t, { roles: ['global_admin'] });
    expectError(await api(t, stranger.headers).post(`/v1/customers/${id}/adminpasswordresets`, {}), 404, 1000);
  });
});
