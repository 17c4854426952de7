import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';

let t: TestApp;
let headers: { authorization: string };
let partnerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const partner = await createPartner(t.db, { kind: 'indirect_provider' });
  partnerId = partner.id;
  const user = await createUser(t.db, { partnerId, roles: ['admin_agent'] });
  headers = await bearerFor(t.app, user.email);
});
afterAll(() => t.close());

type Page = { totalCount: number; items: { id: string; companyProfile: { companyName: string; domain: string } }[]; links: { self: { uri: string }; next?: { uri: string; headers: { key: string; value: string }[] } } };

async function allPages(firstUrl: string, onPage?: (index: number) => Promise<void>) {
  const seen: string[] = [];
  let url: string | undefined = firstUrl;
  let token: string | undefined;
  for (let index = 0; url; index++) {
    const response = await t.app.inject({ url, headers: { ...headers, ...(token ? { 'MS-ContinuationToken': token } : {}) } });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page;
    expect(page.totalCount).toBe(page.items.length);
    seen.push(...page.items.map((item) => item.id));
    url = page.links.next?.uri;
    token = page.links.next?.headers.find((h) => h.key === 'MS-ContinuationToken')?.value;
    await onPage?.(index);
  }
  return seen;
}

describe('GET /v1/customers', () => {
  it('pages by company name with the continuation token, each customer exactly once, also while customers are added', async () => {
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo', 'echo', 'Foxtrot'];
    const created = [];
    for (const name of names) created.push(await createCustomer(t.db, { partnerIds: [partnerId], companyName: `${name} Pager` }));
    const during: string[] = [];
    const seen = await allPages('/v1/customers?size=2', async (index) => {
      // Customers added while paging, before and after the cursor: the pages stay consistent.
      if (index === 1) {
        during.push((await createCustomer(t.db, { partnerIds: [partnerId], companyName: 'Aaa Added Early Pager' })).id);
        during.push((await createCustomer(t.db, { partnerIds: [partnerId], companyName: 'Zulu Added Late Pager' })).id);
      }
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const customer of created) expect(seen).toContain(customer.id);
    // The late one sorts after the cursor, so it appears; the early one sorts before it, so it does not.
    expect(seen).toContain(during[1]);
    expect(seen).not.toContain(during[0]);
  });

  it('returns pages in case-insensitive company-name order, and no next link on the last page', async () => {
    const response = await t.app.inject({ url: '/v1/customers?size=500', headers });
    const page = response.json() as Page;
    const keys = page.items.map((item) => item.companyProfile.companyName.toLowerCase());
    expect(keys).toEqual([...keys].sort());
    expect(page.links.next).toBeUndefined();
  });

  it('filters by company name or domain prefix, case-insensitively, with the URL-encoded JSON filter', async () => {
    await createCustomer(t.db, { partnerIds: [partnerId], companyName: 'Quokka Holdings', domainPrefix: 'quokkaholdings' });
    await createCustomer(t.db, { partnerIds: [partnerId], companyName: 'Quokkas_Percent% Ltd', domainPrefix: 'zzqk' });
    const filter = (field: string, value: string) => encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));
    const byName = (await t.app.inject({ url: `/v1/customers?filter=${filter('CompanyName', 'QUOKKA')}`, headers })).json() as Page;
    expect(byName.items.map((i) => i.companyProfile.companyName).sort()).toEqual(['Quokka Holdings', 'Quokkas_Percent% Ltd']);
    const wildcard = (await t.app.inject({ url: `/v1/customers?filter=${filter('CompanyName', 'quokkas_p')}`, headers })).json() as Page;
    expect(wildcard.items).toHaveLength(1);
    const byDomain = (await t.app.inject({ url: `/v1/customers?filter=${filter('Domain', 'QuokkaH')}`, headers })).json() as Page;
    expect(byDomain.items.map((i) => i.companyProfile.domain)).toEqual(['quokkaholdings.onmicrosoft.com']);
  });

  it('filters by indirect reseller name', async () => {
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller', name: 'Yak Reselling Co' });
    await createPartnership(t.db, partnerId, reseller.id);
    const customer = await createCustomer(t.db, { partnerIds: [partnerId], resellerId: reseller.id, companyName: 'Resold Customer' });
    const filter = encodeURIComponent(JSON.stringify({ Field: 'IndirectReseller', Value: 'yak', Operator: 'starts_with' }));
    const page = (await t.app.inject({ url: `/v1/customers?filter=${filter}`, headers })).json() as Page & { items: { indirectReseller: { name: string } }[] };
    expect(page.items.map((i) => i.id)).toEqual([customer.id]);
    expect(page.items[0]!.indirectReseller.name).toBe('Yak Reselling Co');
  });

  it('rejects a bad filter, size or continuation token with 400 naming it', async () => {
    const badFilter = await t.app.inject({ url: '/v1/customers?filter=%7Bnope', headers });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().errors[0].field).toBe('filter');
    const badField = await t.app.inject({ url: `/v1/customers?filter=${encodeURIComponent('{"Field":"Country","Value":"US","Operator":"starts_with"}')}`, headers });
    expect(badField.statusCode).toBe(400);
    const badSize = await t.app.inject({ url: '/v1/customers?size=0', headers });
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0].field).toBe('size');
    const badToken = await t.app.inject({ url: '/v1/customers?size=2', headers: { ...headers, 'MS-ContinuationToken': 'garbage' } });
    expect(badToken.statusCode).toBe(400);
    expect(badToken.json().errors[0].field).toBe('MS-ContinuationToken');
  });
});
