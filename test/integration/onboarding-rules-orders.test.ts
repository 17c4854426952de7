/**
 * Issue 3, test 3 (agreements, offers, quantities, markets): each rule fails with its status, its
 * Partner Center code and the field it names, through POST /v1/onboardings,
 * POST /v1/customers/{id}/agreements and POST /v1/customers/{id}/orders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import {
  agreementBody,
  api,
  countCustomersWithDomain,
  createOffer,
  createTemplate,
  customerBody,
  expectError,
  newCaller,
  onboardingBody,
  uniquePrefix,
  type Caller,
} from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;
let customerAgreement: Awaited<ReturnType<typeof createTemplate>>;
let cloudAgreement: Awaited<ReturnType<typeof createTemplate>>;

beforeAll(async () => {
  t = await createTestApp();
  customerAgreement = await createTemplate(t.db, { type: 'MicrosoftCustomerAgreement' });
  cloudAgreement = await createTemplate(t.db, { type: 'MicrosoftCloudAgreement' });
  caller = await newCaller(t, { markets: ['US', 'CA'] });
});
afterAll(() => t.close());

async function onboard(lineItems: { offerId: string; quantity: number }[] = []) {
  const response = await api(t, caller.headers).post('/v1/onboardings', onboardingBody(lineItems));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { customer: { id: string; companyProfile: { domain: string } } };
}

describe('agreement confirmation', () => {
  it('refuses the same signer twice with 409 (600061), also in another case; a changed signer is a new confirmation', async () => {
    const a = api(t, caller.headers);
    const { customer } = await onboard();
    const signer = { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@signer.example' };
    const confirm = (primaryContact: typeof signer & { phoneNumber?: string }, extra: Record<string, string> = {}) =>
      a.post(`/v1/customers/${customer.id}/agreements`, { primaryContact, templateId: customerAgreement.id, dateAgreed: agreementBody().dateAgreed, type: 'MicrosoftCustomerAgreement' }, extra);

    // The onboarding confirmed with this signer already.
    expectError(await confirm(signer), 409, 600061);
    expectError(await confirm({ ...signer, firstName: 'DANA', email: 'Dana@Signer.example' }), 409, 600061);
    // With an MS-RequestId the conflict is an answer too (stored in a savepoint), and the transaction survives it.
    expectError(await confirm(signer, { 'MS-RequestId': `dup-${uniquePrefix()}` }), 409, 600061);

    const changedSigner = await confirm({ ...signer, email: 'dana.whitfield@customer.example' });
    expect(changedSigner.statusCode, changedSigner.body).toBe(201);
    const withPhone = await confirm({ ...signer, phoneNumber: '+1 425 555 0199' });
    expect(withPhone.statusCode, withPhone.body).toBe(201);
    const list = (await a.get(`/v1/customers/${customer.id}/agreements`)).json();
    expect(list.totalCount).toBe(3);
  });

  it('refuses a date in the future and an unknown template, naming them', async () => {
    const a = api(t, caller.headers);
    const customer = (await a.post('/v1/customers', customerBody())).json();
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expectError(await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: customerAgreement.id, dateAgreed: future }), 400, 3000, 'dateAgreed', 'agreement_date_in_future');
    expectError(await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: '00000000-0000-4000-8000-000000000000' }), 400, 3000, 'templateId', 'template_not_found');
    expectError(await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: cloudAgreement.id, type: 'MicrosoftCustomerAgreement' }), 400, 3000, 'templateId', 'template_type_mismatch');
  });

  it('refuses a Cloud Agreement template in the onboarding: it confirms a Customer Agreement', async () => {
    const body = { ...onboardingBody(), agreement: { ...agreementBody(), templateId: cloudAgreement.id } };
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000, 'agreement.templateId', 'template_type_mismatch');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('requires the agreement in the public instance’s onboarding, even without an order (13605 naming it)', async () => {
    const body = { ...onboardingBody(), agreement: null };
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 403, 13605, 'agreement', 'agreement_required');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
    // With other wrong fields it is one of the field errors of a 400.
    const alsoBad = { ...body, billingProfile: { ...body.billingProfile, email: 'bad' } };
    const error = expectError(await api(t, caller.headers).post('/v1/onboardings', alsoBad), 400, 3000, 'agreement', 'agreement_required');
    expect(error.errors.map((e) => e.field)).toContain('billingProfile.email');
  });
});

describe('ordering needs a Customer Agreement (public instance)', () => {
  it('answers 403 (13605) to an order for a customer without one, also with only a Cloud Agreement; then accepts it once confirmed', async () => {
    const a = api(t, caller.headers);
    const offer = await createOffer(t.db);
    const customer = (await a.post('/v1/customers', customerBody())).json();
    const order = { lineItems: [{ offerId: offer.id, quantity: 1 }] };
    expectError(await a.post(`/v1/customers/${customer.id}/orders`, order), 403, 13605);

    const legacy = await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: cloudAgreement.id, type: 'MicrosoftCloudAgreement' });
    expect(legacy.statusCode, legacy.body).toBe(201);
    expectError(await a.post(`/v1/customers/${customer.id}/orders`, order), 403, 13605);

    const confirmed = await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: customerAgreement.id });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const placed = await a.post(`/v1/customers/${customer.id}/orders`, order);
    expect(placed.statusCode, placed.body).toBe(201);
    expect((await t.db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).execute()).length).toBe(1);
  });
});

describe('quantities', () => {
  it('answers 2002 naming the line item for a quantity outside the offer’s bounds', async () => {
    const offer = await createOffer(t.db, { min: 5, max: 10 });
    const a = api(t, caller.headers);
    for (const quantity of [4, 11, 0, -1]) {
      const body = onboardingBody([{ offerId: offer.id, quantity }]);
      expectError(await a.post('/v1/onboardings', body), 400, 2002, 'lineItems.0.quantity', 'quantity_out_of_bounds');
      expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
    }
    expectError(await a.post('/v1/onboardings', onboardingBody([{ offerId: offer.id, quantity: 5.5 }])), 400, 3000, 'lineItems.0.quantity', 'quantity_not_integer');
    const { customer } = await onboard([{ offerId: offer.id, quantity: 10 }]);
    expectError(await a.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 11 }] }), 400, 2002, 'lineItems.0.quantity');
  });

  it('answers 2002 when the per-customer purchase limit would be exceeded, across orders and within one', async () => {
    const offer = await createOffer(t.db, { purchaseLimit: 10 });
    const a = api(t, caller.headers);
    const { customer } = await onboard([{ offerId: offer.id, quantity: 6 }]);
    const again = await a.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 6 }] });
    expectError(again, 400, 2002, 'lineItems.0.quantity', 'purchase_limit_exceeded');
    const upTo = await a.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 4 }] });
    expect(upTo.statusCode, upTo.body).toBe(201);
    expectError(await a.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 400, 2002, 'lineItems.0.quantity', 'purchase_limit_exceeded');

    // Two lines of one onboarding that add up past the limit.
    const split = onboardingBody([{ offerId: offer.id, quantity: 6 }, { offerId: offer.id, quantity: 5 }]);
    expectError(await a.post('/v1/onboardings', split), 400, 2002, 'lineItems.1.quantity', 'purchase_limit_exceeded');
  });
});

describe('the purchase limit under concurrency', () => {
  it('lets only one of several concurrent orders that each fit the limit, but not together, through', async () => {
    const offer = await createOffer(t.db, { purchaseLimit: 10 });
    const a = api(t, caller.headers);
    // Several rounds: the first may find the connection pool cold and run nearly one at a time.
    for (let round = 0; round < 3; round++) {
      const { customer } = await onboard();
      const answers = await Promise.all(Array.from({ length: 8 }, () => a.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 6 }] })));
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((s) => s === 201), `round ${round}: ${statuses.join(',')}`).toHaveLength(1);
      for (const refused of answers.filter((answer) => answer.statusCode !== 201)) expectError(refused, 400, 2002, 'lineItems.0.quantity', 'purchase_limit_exceeded');
      const held = await t.db.selectFrom('subscriptions').select('quantity').where('customer_id', '=', customer.id).execute();
      expect(held.reduce((sum, row) => sum + row.quantity, 0)).toBeLessThanOrEqual(10);
    }
  });
});

describe('offers', () => {
  it('answers 800004 for an unknown offer, and for another instance’s offer', async () => {
    const a = api(t, caller.headers);
    expectError(await a.post('/v1/onboardings', onboardingBody([{ offerId: 'NO-SUCH-OFFER:0001', quantity: 1 }])), 400, 800004, 'lineItems.0.offerId', 'offer_invalid');
    const government = await createOffer(t.db, { instance: 'usgov', category: 'government' });
    expectError(await a.post('/v1/onboardings', onboardingBody([{ offerId: government.id, quantity: 1 }])), 400, 800004, 'lineItems.0.offerId', 'offer_invalid');
    const retired = await createOffer(t.db, { active: false });
    expectError(await a.post('/v1/onboardings', onboardingBody([{ offerId: retired.id, quantity: 1 }])), 400, 800004, 'lineItems.0.offerId', 'offer_invalid');
  });

  it('answers 800070 for an offer not sold in the customer’s country', async () => {
    const canadian = await createOffer(t.db, { markets: [{ country: 'CA', currency: 'CAD', listPrice: 8 }] });
    const usOffer = await createOffer(t.db);
    const body = onboardingBody([{ offerId: usOffer.id, quantity: 1 }, { offerId: canadian.id, quantity: 1 }]);
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 800070, 'lineItems.1.offerId', 'offer_not_sold_in_country');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
    const { customer } = await onboard();
    expectError(await api(t, caller.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: canadian.id, quantity: 1 }] }), 400, 800070, 'lineItems.0.offerId');
  });

  it('refuses a billing cycle one of the offers does not have', async () => {
    const monthlyOnly = await createOffer(t.db, { billingCycles: ['monthly'] });
    const body = { ...onboardingBody([{ offerId: monthlyOnly.id, quantity: 1 }]), billingCycle: 'annual' as const };
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000, 'billingCycle', 'billing_cycle_not_supported');
  });
});

describe('markets', () => {
  it('answers 403 (2030) naming the country when the partner is not authorised in it', async () => {
    const a = api(t, caller.headers);
    const prefix = uniquePrefix();
    const body = customerBody({ prefix });
    const german = {
      ...body,
      billingProfile: { ...body.billingProfile, culture: 'de-DE', language: 'de', defaultAddress: { ...body.billingProfile.defaultAddress, city: 'Berlin', state: null, postalCode: '10117', country: 'DE', phoneNumber: '+49 30 123456' } },
    };
    expectError(await a.post('/v1/customers', german), 403, 2030, 'billingProfile.defaultAddress.country', 'partner_not_authorized_in_country');
    expectError(await a.post('/v1/onboardings', { ...german, agreement: agreementBody() }), 403, 2030, 'billingProfile.defaultAddress.country');
    // UK is GB: a partner authorised in US and CA only cannot sell there either.
    expectError(await a.post('/v1/customers', { ...german, billingProfile: { ...german.billingProfile, defaultAddress: { ...german.billingProfile.defaultAddress, country: 'uk' } } }), 403, 2030);
    expect(await countCustomersWithDomain(t.db, `${prefix}.onmicrosoft.com`)).toBe(0);
  });
});

describe('scope', () => {
  it('answers 404 (1000) for another partner’s customer’s orders, subscriptions and agreements', async () => {
    const offer = await createOffer(t.db);
    const { customer } = await onboard([{ offerId: offer.id, quantity: 2 }]);
    const [order] = (await api(t, caller.headers).get(`/v1/customers/${customer.id}/orders`)).json().items as { id: string; lineItems: { subscriptionId: string }[] }[];
    const stranger = api(t, (await newCaller(t)).headers);
    expectError(await stranger.get(`/v1/customers/${customer.id}/orders`), 404, 1000);
    expectError(await stranger.get(`/v1/customers/${customer.id}/orders/${order!.id}`), 404, 1000);
    expectError(await stranger.post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 404, 1000);
    expectError(await stranger.get(`/v1/customers/${customer.id}/subscriptions`), 404, 1000);
    expectError(await stranger.get(`/v1/customers/${customer.id}/subscriptions/${order!.lineItems[0]!.subscriptionId}`), 404, 1000);
    expectError(await stranger.get(`/v1/customers/${customer.id}/agreements`), 404, 1000);
    expectError(await stranger.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody({ email: 'other@signer.example' }), templateId: customerAgreement.id }), 404, 1000);
    expectError(await stranger.get(`/v1/customers/${customer.id}`), 404, 1000);
    // Nothing was added by the stranger's attempts.
    expect((await t.db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).execute()).length).toBe(1);
  });
});
