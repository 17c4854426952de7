/**
 * Issue 10 part 3, the customer's account: GET .../profiles/company, GET and PUT .../profiles/billing
 * (Partner Center's "Update a customer's billing profile"): the etag (If-Match or attributes.etag, stale →
 * 412, a race lost → 412), the wizard's rules at the PUT's paths, the country fixed, who may (helpdesk
 * agent, admin agent, global admin) and who may not (billing admin, sales agent: 403 900308), another
 * partner's customer (404), the audit record, and that a refused PUT changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import { createCustomer } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, expectError, newCaller, userOf, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let owner: Caller;
beforeAll(async () => {
  t = await createTestApp();
  owner = await newCaller(t, { roles: ['global_admin'] });
});
afterAll(() => t.close());

interface Profile {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  culture: string;
  companyName: string;
  defaultAddress: Record<string, string | null>;
  attributes: { etag: string; objectType: string };
}

async function customerOf(caller: Caller = owner) {
  return createCustomer(t.db, { partnerIds: [caller.partner.id] });
}

async function readProfile(customerId: string, headers = owner.headers) {
  const response = await api(t, headers).get(`/v1/customers/${customerId}/profiles/billing`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Profile>();
}

/** The profile as read, changed as Partner Center's clients change it: the whole resource sent back. */
function edited(profile: Profile, changes: Partial<Profile> & { address?: Record<string, string | null> } = {}) {
  const { address, ...rest } = changes;
  return { ...profile, ...rest, defaultAddress: { ...profile.defaultAddress, ...address } };
}

describe('GET the profiles', () => {
  it('answers the company profile and the billing profile in Partner Center shapes, with an etag', async () => {
    const customer = await customerOf();
    const company = await api(t, owner.headers).get(`/v1/customers/${customer.id}/profiles/company`);
    expect(company.statusCode, company.body).toBe(200);
    expect(company.json()).toMatchObject({ tenantId: customer.id, domain: customer.domain, companyName: customer.companyName, attributes: { objectType: 'CustomerCompanyProfile' } });
    const billing = await readProfile(customer.id);
    expect(billing).toMatchObject({
      id: customer.id,
      firstName: 'Dana',
      lastName: 'Whitfield',
      email: expect.stringContaining('@'),
      culture: 'en-US',
      language: 'en',
      defaultAddress: { country: 'US', city: 'Redmond', state: 'WA', postalCode: '98052', addressLine1: '1 Main Street' },
      links: { self: { uri: `/v1/customers/${customer.id}/profiles/billing`, method: 'GET' } },
      attributes: { etag: 'W/"1"', objectType: 'CustomerBillingProfile' },
    });
  });

  it("answers 404 for another partner's customer, as for one that does not exist", async () => {
    const other = await newCaller(t, { roles: ['global_admin'] });
    const theirs = await customerOf(other);
    for (const path of ['company', 'billing']) expectError(await api(t, owner.headers).get(`/v1/customers/${theirs.id}/profiles/${path}`), 404, 1000);
    const profile = await readProfile(theirs.id, other.headers);
    expectError(await api(t, owner.headers).put(`/v1/customers/${theirs.id}/profiles/billing`, profile), 404, 1000);
  });
});

describe('PUT the billing profile', () => {
  it('updates the profile and address with the etag in attributes.etag, answers the new etag, and is audited', async () => {
    const customer = await customerOf();
    const before = await readProfile(customer.id);
    const response = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(before, {
      firstName: 'Robin',
      email: 'billing@contoso-new.example',
      address: { addressLine1: '500 Pine Street', city: 'Seattle', postalCode: '98101', phoneNumber: '+1 206 555 0123' },
    }));
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json<Profile>();
    expect(after).toMatchObject({ firstName: 'Robin', email: 'billing@contoso-new.example', defaultAddress: { addressLine1: '500 Pine Street', city: 'Seattle', postalCode: '98101', country: 'US' } });
    expect(after.attributes.etag).toBe('W/"2"');
    expect(await readProfile(customer.id)).toEqual(after);
    // The customer resource shows the same billing profile.
    const read = (await api(t, owner.headers).get(`/v1/customers/${customer.id}`)).json<{ billingProfile: { email: string; defaultAddress: { city: string; firstName: string } } }>();
    expect(read.billingProfile).toMatchObject({ email: 'billing@contoso-new.example', defaultAddress: { city: 'Seattle', firstName: 'Robin' } });
    const audit = await t.db.selectFrom('audit_records').selectAll().where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_billing_profile').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partner_id: owner.partner.id, user_id: owner.user.id, resource_type: 'customer_billing_profile', resource_id: customer.id });
    expect(audit[0]!.new_value).toMatchObject({ email: 'billing@contoso-new.example' });
  });

  it('takes the etag in If-Match (Partner Center documents it there), and the names in defaultAddress too', async () => {
    const customer = await customerOf();
    const { attributes, firstName: _first, lastName: _last, ...profile } = await readProfile(customer.id);
    const body = { ...profile, attributes: { etag: '', objectType: '' }, defaultAddress: { ...profile.defaultAddress, firstName: 'Alex', lastName: 'Chen' } };
    const response = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, body, { 'if-match': attributes.etag });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Alex', lastName: 'Chen', defaultAddress: { firstName: 'Alex', lastName: 'Chen' } });
  });

  it('refuses a stale etag with 412 and changes nothing; without any etag a 400 naming If-Match', async () => {
    const customer = await customerOf();
    const first = await readProfile(customer.id);
    expect((await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(first, { firstName: 'Sam' }))).statusCode).toBe(200);
    // A second editor who read before that change.
    const stale = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(first, { firstName: 'Kim' }));
    expectError(stale, 412, 412000);
    expect((await readProfile(customer.id)).firstName).toBe('Sam');
    expectError(await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(first, { firstName: 'Kim' }), { 'if-match': 'W/"abc"' }), 412, 412000);
    const { attributes: _attributes, ...noEtag } = first;
    expectError(await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, noEtag), 400, 3000, 'If-Match', 'etag_required');
  });

  it('lets one of two simultaneous writers with the same etag win; the other gets 412', async () => {
    const customer = await customerOf();
    const profile = await readProfile(customer.id);
    const [a, b] = await Promise.all([
      api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(profile, { firstName: 'Avery' })),
      api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(profile, { firstName: 'Blake' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? 'Avery' : 'Blake';
    const now = await readProfile(customer.id);
    expect(now).toMatchObject({ firstName: winner, attributes: { etag: 'W/"2"' } });
    expect(await t.db.selectFrom('audit_records').select('id').where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_billing_profile').execute()).toHaveLength(1);
  });

  it("applies the wizard's rules at the PUT's own paths: postal code and state for the country, phone, email, names", async () => {
    const customer = await customerOf();
    const profile = await readProfile(customer.id);
    const put = (body: unknown) => api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, body);
    expectError(await put(edited(profile, { address: { postalCode: 'ABCDE' } })), 400, 3000, 'defaultAddress.postalCode');
    expectError(await put(edited(profile, { address: { state: 'ZZ' } })), 400, 3000, 'defaultAddress.state');
    expectError(await put(edited(profile, { address: { phoneNumber: '12' } })), 400, 3000, 'defaultAddress.phoneNumber');
    expectError(await put(edited(profile, { email: 'not-an-email' })), 400, 3000, 'email');
    // The contact is the customer's, not on the partner's own domain (the wizard's rule).
    expectError(await put(edited(profile, { email: `me@${owner.emailDomain}` })), 400, 3000, 'email');
    expectError(await put(edited(profile, { firstName: '' })), 400, 3000, 'firstName');
    expectError(await put(edited(profile, { address: { addressLine1: 'Line\u202Eone' } })), 400, 3000, 'defaultAddress.addressLine1');
    // A field the resource does not have is named.
    expectError(await put({ ...profile, nickname: 'x' }), 400, 3000);
    expect(await readProfile(customer.id)).toEqual(profile);
  });

  it('refuses a change of country (400 country_read_only)', async () => {
    const customer = await customerOf();
    const profile = await readProfile(customer.id);
    const response = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(profile, { address: { country: 'CA', state: 'BC', postalCode: 'V6B 1A1' } }));
    expectError(response, 400, 3000, 'defaultAddress.country', 'country_read_only');
  });

  it('lets a helpdesk agent and an admin agent edit; refuses a billing admin and a sales agent with 403 900308, changing nothing', async () => {
    const customer = await customerOf();
    for (const role of ['helpdesk_agent', 'admin_agent'] as Role[]) {
      const user = await userOf(t, owner.partner.id, [role]);
      const profile = await readProfile(customer.id, user.headers);
      const response = await api(t, user.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(profile, { lastName: `By${role.replace('_', '')}` }));
      expect(response.statusCode, `${role}: ${response.body}`).toBe(200);
    }
    const profile = await readProfile(customer.id);
    for (const role of ['billing_admin', 'sales_agent'] as Role[]) {
      const user = await userOf(t, owner.partner.id, [role]);
      // They may read it.
      expect((await api(t, user.headers).get(`/v1/customers/${customer.id}/profiles/billing`)).statusCode).toBe(200);
      expectError(await api(t, user.headers).put(`/v1/customers/${customer.id}/profiles/billing`, edited(profile, { lastName: 'Refused' })), 403, 900308);
    }
    expect(await readProfile(customer.id)).toEqual(profile);
  });

  it('replays an idempotent PUT (MS-RequestId) without a second change', async () => {
    const customer = await customerOf();
    const profile = await readProfile(customer.id);
    const body = edited(profile, { firstName: 'Once' });
    const headers = { 'ms-requestid': crypto.randomUUID() };
    const first = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, body, headers);
    const again = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, body, headers);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await readProfile(customer.id)).attributes.etag).toBe('W/"2"');
  });
});
