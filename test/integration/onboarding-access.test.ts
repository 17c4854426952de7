/**
 * Issue 3, test 3 (who may add which customer): indirect resellers (SPEC §4 Reseller), roles
 * (SPEC §1), and the US Government instance (SPEC §8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createPartnership } from '#test/factories.ts';
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
} from './onboarding-fixtures.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
});
afterAll(() => t.close());

describe('indirect reseller (associatedPartnerId)', () => {
  it('answers 800016 to a direct partner that names a reseller', async () => {
    const direct = await newCaller(t, { kind: 'direct' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    const body = { ...customerBody(), associatedPartnerId: reseller.id };
    expectError(await api(t, direct.headers).post('/v1/customers', body), 400, 800016, 'associatedPartnerId', 'reseller_invalid');
    expectError(await api(t, direct.headers).post('/v1/onboardings', { ...onboardingBody(), associatedPartnerId: reseller.id }), 400, 800016, 'associatedPartnerId');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('answers 800015 for an unknown reseller, and for a reseller of another provider', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const a = api(t, provider.headers);
    expectError(await a.post('/v1/customers', { ...customerBody(), associatedPartnerId: '00000000-0000-4000-8000-000000000000' }), 400, 800015, 'associatedPartnerId', 'reseller_not_found');
    // Partner Center's associatedPartnerId is a tenant id: a Partner ID (MPN ID) is no such thing.
    expectError(await a.post('/v1/customers', { ...customerBody(), associatedPartnerId: '999999999' }), 400, 3000, 'associatedPartnerId', 'invalid_tenant_id');
    const otherProvider = await createPartner(t.db, { kind: 'indirect_provider' });
    const theirs = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, otherProvider.id, theirs.id);
    expectError(await a.post('/v1/onboardings', { ...onboardingBody(), associatedPartnerId: theirs.id }), 400, 800015, 'associatedPartnerId');
  });

  it('answers 800016 for a reseller whose partnership is not active', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const inactive = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, inactive.id, 'inactive');
    const body = { ...onboardingBody(), associatedPartnerId: inactive.id };
    expectError(await api(t, provider.headers).post('/v1/onboardings', body), 400, 800016, 'associatedPartnerId', 'reseller_invalid');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('associates an active reseller by its tenant id, echoed as associatedPartnerId; its Partner ID is a 400; the reseller then sees the customer', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller', name: `Northwind ${uniquePrefix()}` });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const mpn = (await t.db.selectFrom('partner_organizations').select('mpn_id').where('id', '=', reseller.id).executeTakeFirstOrThrow()).mpn_id;
    const offer = await createOffer(t.db);

    const response = await api(t, provider.headers).post('/v1/onboardings', { ...onboardingBody([{ offerId: offer.id, quantity: 3 }]), associatedPartnerId: reseller.id });
    expect(response.statusCode, response.body).toBe(201);
    const { customer, order } = response.json();
    expect(customer).toMatchObject({ indirectReseller: { id: reseller.id, name: reseller.name }, associatedPartnerId: reseller.id });
    const subscription = await t.db.selectFrom('subscriptions').select(['indirect_reseller_id', 'partner_id']).where('id', '=', order.lineItems[0].subscriptionId).executeTakeFirstOrThrow();
    expect(subscription).toEqual({ indirect_reseller_id: reseller.id, partner_id: provider.partner.id });

    expectError(await api(t, provider.headers).post('/v1/customers', { ...customerBody(), associatedPartnerId: mpn }), 400, 3000, 'associatedPartnerId', 'invalid_tenant_id');
    const byMpn = await api(t, provider.headers).post('/v1/customers', { ...customerBody(), associatedPartnerId: reseller.id.toUpperCase() });
    expect(byMpn.statusCode, byMpn.body).toBe(201);
    expect(byMpn.json()).toMatchObject({ indirectReseller: { id: reseller.id, name: reseller.name }, associatedPartnerId: reseller.id });

    const resellerUser = await userOf(t, reseller.id, ['global_admin']);
    const list = await api(t, resellerUser.headers).get('/v1/customers');
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: string }[]).map((c) => c.id).sort()).toEqual([customer.id, byMpn.json().id].sort());
    const one = await api(t, resellerUser.headers).get(`/v1/customers/${customer.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().indirectProvider).toEqual({ id: provider.partner.id, name: provider.partner.name });
  });
});

describe('roles', () => {
  it('refuses a helpdesk agent and a billing admin with 403 (900308), and writes nothing', async () => {
    const partner = await createPartner(t.db);
    for (const role of ['helpdesk_agent', 'billing_admin'] as const) {
      const user = await userOf(t, partner.id, [role]);
      const a = api(t, user.headers);
      const body = customerBody();
      expectError(await a.post('/v1/customers', body), 403, 900308);
      expectError(await a.post('/v1/onboardings', onboardingBody([], { prefix: body.companyProfile.domain.split('.')[0]! })), 403, 900308);
      expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
      expect((await a.head(`/v1/domains/${body.companyProfile.domain}`)).statusCode, role).toBe(404);
    }
  });

  it('lets a sales agent, an admin agent and a global admin add customers', async () => {
    const partner = await createPartner(t.db);
    for (const role of ['sales_agent', 'admin_agent', 'global_admin'] as const) {
      const user = await userOf(t, partner.id, [role]);
      const response = await api(t, user.headers).post('/v1/onboardings', onboardingBody());
      expect(response.statusCode, `${role}: ${response.body}`).toBe(201);
    }
  });

  it('lets a helpdesk agent view a customer but not confirm its agreement or order for it (403 900308)', async () => {
    const owner = await newCaller(t);
    const offer = await createOffer(t.db);
    const created = await api(t, owner.headers).post('/v1/onboardings', onboardingBody());
    expect(created.statusCode, created.body).toBe(201);
    const customerId = created.json().customer.id as string;
    const helpdesk = api(t, (await userOf(t, owner.partner.id, ['helpdesk_agent'])).headers);
    expect((await helpdesk.get(`/v1/customers/${customerId}`)).statusCode).toBe(200);
    expectError(await helpdesk.post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 403, 900308);
    expectError(await helpdesk.post(`/v1/customers/${customerId}/agreements`, { ...onboardingBody().agreement, templateId: created.json().agreement.templateId, primaryContact: { firstName: 'Ana', lastName: 'Bowman', email: 'ana@customer.example' } }), 403, 900308);
    expect(await t.db.selectFrom('orders').select('id').where('customer_id', '=', customerId).execute()).toEqual([]);
  });

  it('refuses an indirect reseller’s global admin with 403 (900308): its provider adds its customers', async () => {
    const reseller = await newCaller(t, { kind: 'indirect_reseller', roles: ['global_admin'] });
    const a = api(t, reseller.headers);
    const body = customerBody();
    expectError(await a.post('/v1/customers', body), 403, 900308);
    expectError(await a.post('/v1/onboardings', { ...onboardingBody(), companyProfile: body.companyProfile }), 403, 900308);
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });
});

describe('US Government instance', () => {
  const usgovBody = (prefix = uniquePrefix()) => {
    const body = customerBody({ prefix });
    return { ...body, companyProfile: { domain: `${prefix}.onmicrosoft.us` } };
  };
  const eligibility = { validationType: 'GovernmentEntity' as const, details: 'City of Redmond, a municipal government.' };

  it('refuses a partner that is not validated with 403', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: false });
    const body = usgovBody();
    expectError(await api(t, partner.headers).post('/v1/onboardings', { ...body, eligibility }), 403, 403003);
    expectError(await api(t, partner.headers).post('/v1/customers', body), 403, 403003);
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('requires the eligibility from a validated partner (400 naming it)', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const body = usgovBody();
    expectError(await api(t, partner.headers).post('/v1/onboardings', body), 400, 3000, 'eligibility', 'eligibility_required');
    expectError(await api(t, partner.headers).post('/v1/onboardings', { ...body, eligibility: { validationType: 'Other', details: 'x' } }), 400, 3000, 'eligibility.validationType');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('creates the customer with its eligibility and order, and no agreement', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const offer = await createOffer(t.db, { instance: 'usgov', category: 'government' });
    // The same prefix is free in each instance: a public customer has it already.
    const prefix = uniquePrefix();
    const publicCaller = await newCaller(t);
    expect((await api(t, publicCaller.headers).post('/v1/customers', customerBody({ prefix }))).statusCode).toBe(201);

    const response = await api(t, partner.headers).post('/v1/onboardings', { ...usgovBody(prefix), eligibility, lineItems: [{ offerId: offer.id, quantity: 10 }] });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      agreement: null,
      customer: { companyProfile: { domain: `${prefix}.onmicrosoft.us` } },
      order: { lineItems: [{ offerId: offer.id, quantity: 10 }] },
      userCredentials: { userPrincipalName: `admin@${prefix}.onmicrosoft.us` },
    });
    const recorded = await t.db.selectFrom('customer_eligibility_validations').select(['validation_type', 'details', 'partner_id']).where('customer_id', '=', body.customer.id).execute();
    expect(recorded).toEqual([{ validation_type: 'GovernmentEntity', details: eligibility.details, partner_id: partner.partner.id }]);
    expect(await t.db.selectFrom('agreement_confirmations').select('id').where('customer_id', '=', body.customer.id).execute()).toEqual([]);
    // A public-instance offer is not in this instance's catalog.
    const publicOffer = await createOffer(t.db);
    expectError(await api(t, partner.headers).post(`/v1/customers/${body.customer.id}/orders`, { lineItems: [{ offerId: publicOffer.id, quantity: 1 }] }), 400, 800004, 'lineItems.0.offerId');
    // No agreement is needed to order there.
    const more = await api(t, partner.headers).post(`/v1/customers/${body.customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] });
    expect(more.statusCode, more.body).toBe(201);
  });
});
