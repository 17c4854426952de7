/**
 * Issue 7: terms and billing frequency. An offer sold with several terms lists them with the billing
 * cycles of each; a line item chooses one (Partner Center's `termDuration`, and a billing cycle), the
 * server refuses one the offer does not have, naming the field, and the subscription keeps the choice.
 * Offer descriptions come in the request's X-Locale where the catalog has them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { passwordHasher, randomIds } from '#server/lib/adapters.ts';
import { createOperatorService } from '#server/modules/operator/service.ts';
import { api, countCustomersWithDomain, createOffer, createTemplate, expectError, newCaller, onboardingBody, uniquePrefix, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;
let flexible: Awaited<ReturnType<typeof createOffer>>;
let trial: Awaited<ReturnType<typeof createOffer>>;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db, { type: 'MicrosoftCustomerAgreement' });
  caller = await newCaller(t);
  flexible = await createOffer(t.db, { name: 'Flexible Plan', term: 'P1Y', otherTerms: ['P1M'], billingCycles: ['monthly', 'annual'], descriptions: { 'zh-TW': '彈性方案，適用於測試。' } });
  trial = await createOffer(t.db, { name: 'Fixed Trial', trial: true, min: 25, max: 25, category: 'trial', markets: [{ country: 'US', currency: 'USD', listPrice: 0 }] });
});
afterAll(() => t.close());

type Line = { offerId: string; quantity: number; termDuration?: string | null; billingCycle?: string | null };

const refusedDomains: string[] = [];

async function onboard(lineItems: Line[]) {
  const prefix = uniquePrefix();
  const response = await api(t, caller.headers).post('/v1/onboardings', onboardingBody(lineItems, { prefix }));
  if (response.statusCode !== 201) refusedDomains.push(`${prefix}.onmicrosoft.com`);
  return response;
}

describe('GET /v1/offers', () => {
  it("lists an offer's terms, the usual first, each with the billing cycles it can be billed at", async () => {
    const response = await api(t, caller.headers).get('/v1/offers?country=US');
    expect(response.statusCode, response.body).toBe(200);
    const offers = response.json().items as { id: string; termDuration: string; terms: unknown; supportedBillingCycles: string[] }[];
    expect(offers.find((offer) => offer.id === flexible.id)).toMatchObject({
      termDuration: 'P1Y',
      supportedBillingCycles: ['monthly', 'annual'],
      terms: [
        { duration: 'P1Y', billingCycles: ['monthly', 'annual'] },
        { duration: 'P1M', billingCycles: ['monthly'] },
      ],
    });
    expect(offers.find((offer) => offer.id === trial.id)).toMatchObject({ termDuration: 'P1M', terms: [{ duration: 'P1M', billingCycles: ['none'] }] });
  });

  it('answers the description in the X-Locale the catalog has, else in the default language', async () => {
    const description = async (headers: Record<string, string>) => {
      const items = (await api(t, caller.headers).get('/v1/offers?country=US', headers)).json().items as { id: string; description: string }[];
      return items.find((offer) => offer.id === flexible.id)?.description;
    };
    expect(await description({ 'X-Locale': 'zh-TW' })).toBe('彈性方案，適用於測試。');
    expect(await description({ 'X-Locale': 'en-US' })).toBe('The Flexible Plan for tests.');
    expect(await description({})).toBe('The Flexible Plan for tests.');
  });
});

describe('POST /v1/onboardings with a term and billing cycle per line', () => {
  it('stores each chosen term and cycle on its subscription, one order per billing cycle', async () => {
    const other = await createOffer(t.db, { name: 'Yearly Plan', term: 'P1Y', otherTerms: ['P1M'] });
    const response = await onboard([
      { offerId: flexible.id, quantity: 3, termDuration: 'P1M', billingCycle: 'monthly' },
      { offerId: other.id, quantity: 4, termDuration: 'P1Y', billingCycle: 'annual' },
      { offerId: trial.id, quantity: 25 },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.orders).toHaveLength(2);
    expect(body.order).toEqual(body.orders[0]);
    const [monthly, annual] = body.orders as { billingCycle: string; lineItems: { offerId: string; termDuration: string }[] }[];
    expect(monthly).toMatchObject({ billingCycle: 'monthly', lineItems: [{ offerId: flexible.id, termDuration: 'P1M' }, { offerId: trial.id, termDuration: 'P1M' }] });
    expect(annual).toMatchObject({ billingCycle: 'annual', lineItems: [{ offerId: other.id, termDuration: 'P1Y' }] });

    const subscriptions = (await api(t, caller.headers).get(`/v1/customers/${body.customer.id}/subscriptions`)).json().items as {
      offerId: string;
      termDuration: string;
      billingCycle: string;
      effectiveStartDate: string;
      commitmentEndDate: string | null;
    }[];
    const of = (offerId: string) => subscriptions.find((subscription) => subscription.offerId === offerId)!;
    expect(of(flexible.id)).toMatchObject({ termDuration: 'P1M', billingCycle: 'monthly' });
    expect(of(other.id)).toMatchObject({ termDuration: 'P1Y', billingCycle: 'annual' });
    expect(of(trial.id)).toMatchObject({ termDuration: 'P1M', billingCycle: 'none' });
    const months = (s: { effectiveStartDate: string; commitmentEndDate: string | null }) => {
      const start = new Date(s.effectiveStartDate);
      const end = new Date(s.commitmentEndDate!);
      return (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
    };
    expect(months(of(flexible.id))).toBe(1);
    expect(months(of(other.id))).toBe(12);
    const rows = await t.db.selectFrom('order_line_items').select(['offer_id', 'term_duration']).where('subscription_id', 'in', subscriptions.map((s) => (s as unknown as { id: string }).id)).execute();
    expect(rows.find((row) => row.offer_id === flexible.id)?.term_duration).toBe('P1M');
  });

  it("takes the offer's usual term and cycle for a line that names neither", async () => {
    const response = await onboard([{ offerId: flexible.id, quantity: 2 }]);
    expect(response.statusCode, response.body).toBe(201);
    const customerId = response.json().customer.id as string;
    const [subscription] = (await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions`)).json().items;
    expect(subscription).toMatchObject({ termDuration: 'P1Y', billingCycle: 'monthly' });
  });

  it('refuses a term or cycle the offer does not have with 400 naming the field, and creates nothing', async () => {
    expectError(await onboard([{ offerId: flexible.id, quantity: 1, termDuration: 'P3Y' }]), 400, 3000, 'lineItems.0.termDuration', 'term_not_offered');
    expectError(await onboard([{ offerId: trial.id, quantity: 25 }, { offerId: flexible.id, quantity: 1, termDuration: 'P1M', billingCycle: 'annual' }]), 400, 3000, 'lineItems.1.billingCycle', 'billing_cycle_not_supported');
    expectError(await onboard([{ offerId: flexible.id, quantity: 1, billingCycle: 'weekly' }]), 400, 3000, 'lineItems.0.billingCycle');
    expectError(await onboard([{ offerId: trial.id, quantity: 25, billingCycle: 'monthly' }]), 400, 3000, 'lineItems.0.billingCycle', 'billing_cycle_not_supported');
    expect(refusedDomains).toHaveLength(4);
    for (const domain of refusedDomains) expect(await countCustomersWithDomain(t.db, domain)).toBe(0);
  });

  it('reports the same refusals from POST /v1/onboardings/validations, at the same fields', async () => {
    const response = await api(t, caller.headers).post('/v1/onboardings/validations', onboardingBody([{ offerId: flexible.id, quantity: 1, termDuration: 'P1M', billingCycle: 'annual' }]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: false, errors: [{ field: 'lineItems.0.billingCycle', code: 'billing_cycle_not_supported' }] });
  });
});

describe('POST /v1/customers/{id}/orders with termDuration', () => {
  it('takes a line term, refuses one the offer lacks, and asks for the billing cycle when the lines have none in common', async () => {
    const created = await onboard([]);
    expect(created.statusCode, created.body).toBe(201);
    const customerId = created.json().customer.id as string;
    const a = api(t, caller.headers);

    const placed = await a.post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: flexible.id, quantity: 2, termDuration: 'P1M' }], billingCycle: 'monthly' });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ billingCycle: 'monthly', lineItems: [{ offerId: flexible.id, termDuration: 'P1M' }] });

    expectError(await a.post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: flexible.id, quantity: 1, termDuration: 'P1M' }], billingCycle: 'annual' }), 400, 3000, 'billingCycle', 'billing_cycle_not_supported');
    expectError(await a.post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: flexible.id, quantity: 1, termDuration: 'P3Y' }] }), 400, 3000, 'lineItems.0.termDuration', 'term_not_offered');

    const annualOnly = await createOffer(t.db, { name: 'Annual Only', billingCycles: ['annual'] });
    const monthlyOnly = await createOffer(t.db, { name: 'Monthly Only', term: 'P1M', billingCycles: ['monthly'] });
    expectError(await a.post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: annualOnly.id, quantity: 1 }, { offerId: monthlyOnly.id, quantity: 1 }] }), 400, 3000, 'billingCycle', 'billing_cycle_required');
  });
});

describe('catalog import', () => {
  it('imports terms and translated descriptions, and refuses a term none of the cycles can bill, naming it', async () => {
    const operator = createOperatorService({ db: t.db, ids: randomIds, hasher: passwordHasher });
    const id = `IMPORT${uniquePrefix().toUpperCase()}:0001`;
    const offer = {
      id,
      name: 'Imported Plan',
      description: 'Imported for tests.',
      descriptions: { 'zh-tw': '匯入的測試方案。' },
      category: 'enterprise',
      minQuantity: 1,
      maxQuantity: 10,
      billingCycles: ['monthly', 'annual'],
      terms: ['P1Y', 'P1M', 'P3Y'],
      markets: [{ country: 'US', currency: 'USD', listPrice: 9 }],
    };
    expect(await operator.importCatalog({ offers: [offer] })).toEqual({ created: 1, updated: 0 });
    const items = (await api(t, caller.headers).get('/v1/offers?country=US', { 'X-Locale': 'zh-TW' })).json().items as { id: string; description: string; terms: { duration: string }[] }[];
    const imported = items.find((item) => item.id === id);
    expect(imported?.description).toBe('匯入的測試方案。');
    expect(imported?.terms.map((term) => term.duration)).toEqual(['P1Y', 'P1M', 'P3Y']);

    await expect(operator.importCatalog({ offers: [{ ...offer, billingCycles: ['annual'] }] })).rejects.toMatchObject({ fieldErrors: [{ field: 'offers.0.terms.1', code: 'term_not_billable' }] });
    await expect(operator.importCatalog({ offers: [{ ...offer, term: 'P1Y' }] })).rejects.toMatchObject({ fieldErrors: [{ field: 'offers.0.terms' }] });
    await expect(operator.importCatalog({ offers: [{ ...offer, terms: ['P1Y', 'P2Y'] }] })).rejects.toMatchObject({ fieldErrors: [{ field: 'offers.0.terms.1' }] });
  });
});
