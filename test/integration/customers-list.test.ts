import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
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
  headers = await bearerFor(t, user.email);
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

  it("filters by the indirect reseller's tenant id, as Partner Center documents it; a name is a 400 naming filter", async () => {
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller', name: 'Yak Reselling Co' });
    await createPartnership(t.db, partnerId, reseller.id);
    const customer = await createCustomer(t.db, { partnerIds: [partnerId], resellerId: reseller.id, companyName: 'Resold Customer' });
    const filter = encodeURIComponent(JSON.stringify({ Field: 'IndirectReseller', Value: reseller.id.toUpperCase(), Operator: 'starts_with' }));
    const page = (await t.app.inject({ url: `/v1/customers?filter=${filter}`, headers })).json() as Page & { items: { indirectReseller: { name: string }; associatedPartnerId: string }[] };
    expect(page.items.map((i) => i.id)).toEqual([customer.id]);
    expect(page.items[0]!.indirectReseller.name).toBe('Yak Reselling Co');
    expect(page.items[0]!.associatedPartnerId).toBe(reseller.id);
    const byName = await t.app.inject({ url: `/v1/customers?filter=${encodeURIComponent(JSON.stringify({ Field: 'IndirectReseller', Value: 'yak', Operator: 'starts_with' }))}`, headers });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().errors[0].field).toBe('filter');
  });

  it('rejects a bad filter, size or continuation token with 400 naming it', async () => {
    const badFilter = await t.app.inject({ url: '/v1/customers?filter=%7Bnope', headers });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().errors[0].field).toBe('filter');
    const badField = await t.app.inject({ url: `/v1/customers?filter=${encodeURIComponent('{"Field":"Country","Value":"US","Operator":"starts_with"}')}`, headers });
    expect(badField.statusCode).toBe(400);
    // size=0 is the default page size (issue 11, sdk-shaped-input.test.ts); below it is a 400.
    const badSize = await t.app.inject({ url: '/v1/customers?size=-1', headers });
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0].field).toBe('size');
    const badToken = await t.app.inject({ url: '/v1/customers?size=2', headers: { ...headers, 'MS-ContinuationToken': 'garbage' } });
    expect(badToken.statusCode).toBe(400);
    expect(badToken.json().errors[0].field).toBe('MS-ContinuationToken');
  });
});

/** A partner of its own, with a user holding `roles`, for tests that count exactly what they see. */
async function ownPartner(kind: 'direct' | 'indirect_provider' = 'direct', roles: ('admin_agent' | 'billing_admin')[] = ['admin_agent']) {
  const partner = await createPartner(t.db, { kind });
  const user = await createUser(t.db, { partnerId: partner.id, roles });
  return { id: partner.id, headers: await bearerFor(t, user.email) };
}

const filterParam = (field: string, value: string, operator = 'contains') => encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: operator }));

async function get(url: string, as: { authorization: string }, token?: string) {
  return t.app.inject({ url, headers: { ...as, ...(token ? { 'MS-ContinuationToken': token } : {}) } });
}

/** Every page of `url`, following links.next with its token; the names in the order they came. */
async function collect(url: string, as: { authorization: string }) {
  const names: string[] = [];
  const ids: string[] = [];
  let next: string | undefined = url;
  let token: string | undefined;
  let pages = 0;
  while (next) {
    const response = await get(next, as, token);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page;
    names.push(...page.items.map((item) => item.companyProfile.companyName));
    ids.push(...page.items.map((item) => item.id));
    next = page.links.next?.uri;
    token = page.links.next?.headers.find((h) => h.key === 'MS-ContinuationToken')?.value;
    pages++;
  }
  return { names, ids, pages };
}

describe('GET /v1/customers: search inside words (the contains operator, ours)', () => {
  let me: Awaited<ReturnType<typeof ownPartner>>;
  beforeAll(async () => {
    me = await ownPartner();
    for (const [companyName, domainPrefix] of [
      ['Northwind Traders', 'nwtraders'],
      ['Windy City Cafe', 'windycity'],
      ['Tailspin Toys', 'tailwindtoys'],
      ['Contoso Pharmacy', 'contosopharmacy'],
      ['100% Organic', 'organic100'],
      ['Under_Score Labs', 'underscore'],
      ['UnderXScore Labs', 'underxscore'],
    ] as const) {
      await createCustomer(t.db, { partnerIds: [me.id], companyName, domainPrefix });
    }
  });

  it('finds a word inside a company name, case-insensitively, where starts_with finds only the prefix', async () => {
    const inside = await collect(`/v1/customers?filter=${filterParam('CompanyName', 'WIND')}`, me.headers);
    expect(inside.names).toEqual(['Northwind Traders', 'Windy City Cafe']);
    const prefix = await collect(`/v1/customers?filter=${filterParam('CompanyName', 'wind', 'starts_with')}`, me.headers);
    expect(prefix.names).toEqual(['Windy City Cafe']);
  });

  it('finds a word inside a domain', async () => {
    const found = await collect(`/v1/customers?filter=${filterParam('Domain', 'Wind')}`, me.headers);
    expect(found.names).toEqual(['Tailspin Toys', 'Windy City Cafe']);
  });

  it('takes % and _ as the characters they are, not as wildcards', async () => {
    expect((await collect(`/v1/customers?filter=${filterParam('CompanyName', '0%')}`, me.headers)).names).toEqual(['100% Organic']);
    expect((await collect(`/v1/customers?filter=${filterParam('CompanyName', 'r_s')}`, me.headers)).names).toEqual(['Under_Score Labs']);
    expect((await collect(`/v1/customers?filter=${filterParam('CompanyName', '\\')}`, me.headers)).names).toEqual([]);
  });

  it("pages a search with the continuation token, and never shows another partner's customers", async () => {
    const other = await ownPartner();
    await createCustomer(t.db, { partnerIds: [other.id], companyName: 'Labs Elsewhere' });
    const labs = await collect(`/v1/customers?size=1&filter=${filterParam('CompanyName', 'labs')}`, me.headers);
    expect(labs.names).toEqual(['Under_Score Labs', 'UnderXScore Labs']);
    expect(labs.pages).toBe(2);
    const theirs = await collect(`/v1/customers?filter=${filterParam('CompanyName', 'labs')}`, other.headers);
    expect(theirs.names).toEqual(['Labs Elsewhere']);
  });
});

describe('GET /v1/customers: sort by name or date added (ours), keyset paging for each', () => {
  let me: Awaited<ReturnType<typeof ownPartner>>;
  /** [name, created_at]: two names equal but for case, two instants in one millisecond, one instant twice. */
  const rows = [
    ['Delta', '2026-01-01T00:00:00.000002Z'],
    ['alpha', '2026-01-01T00:00:00.000001Z'],
    ['Charlie', '2025-06-30T12:00:00.000000Z'],
    ['charlie', '2026-01-01T00:00:00.000002Z'],
    ['Bravo', '2026-03-04T09:30:00.500000Z'],
    ['Echo', '2024-12-31T23:59:59.999999Z'],
  ] as const;
  const customers: { id: string; name: string; createdAt: string }[] = [];

  beforeAll(async () => {
    me = await ownPartner();
    for (const [name, createdAt] of rows) {
      const customer = await createCustomer(t.db, { partnerIds: [me.id], companyName: name });
      await sql`update customers set created_at = ${createdAt}::timestamptz where id = ${customer.id}::uuid`.execute(t.db);
      customers.push({ id: customer.id, name, createdAt });
    }
  });

  // PostgreSQL compares uuids as their hex text; the created_at strings above compare as instants.
  const byName = (a: (typeof customers)[number], b: (typeof customers)[number]) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : 1);
  const byDate = (a: (typeof customers)[number], b: (typeof customers)[number]) =>
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : 1);

  it.each([
    ['companyName', byName, false],
    ['-companyName', byName, true],
    ['createdAt', byDate, false],
    ['-createdAt', byDate, true],
  ] as const)('sort=%s, two per page, gives each customer once in order, ties by id', async (sort, compare, descending) => {
    const expected = [...customers].sort(compare).map((c) => c.id);
    if (descending) expected.reverse();
    const seen = await collect(`/v1/customers?size=2&sort=${sort}`, me.headers);
    expect(seen.ids).toEqual(expected);
    expect(seen.pages).toBe(3);
  });

  it('keeps the sort in the self and next links', async () => {
    const page = (await get('/v1/customers?size=2&sort=-createdAt', me.headers)).json() as Page;
    expect(page.links.self.uri).toContain('sort=-createdAt');
    expect(page.links.next!.uri).toContain('sort=-createdAt');
    expect(page.links.next!.uri).toContain('seekOperation=Next');
  });

  it('refuses a continuation token of another sort or another search with a 400 naming it', async () => {
    const page = (await get('/v1/customers?size=2&sort=createdAt', me.headers)).json() as Page;
    const token = page.links.next!.headers[0]!.value;
    for (const url of ['/v1/customers?size=2', '/v1/customers?size=2&sort=-createdAt']) {
      const response = await get(url, me.headers, token);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].field).toBe('MS-ContinuationToken');
      expect(response.json().description).toContain('sort=createdAt');
    }
    const otherSearch = await get(`/v1/customers?size=2&sort=createdAt&filter=${filterParam('CompanyName', 'a')}`, me.headers, token);
    expect(otherSearch.statusCode).toBe(400);
    expect(otherSearch.json().errors[0].field).toBe('MS-ContinuationToken');
  });

  it('answers a forged continuation token with a 400, never a 500', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const digestOf = (sort: string) => {
      // The digest is of the query, not a secret: take it from a real token of that query.
      return get(`/v1/customers?size=1&sort=${sort}`, me.headers).then((r) => {
        const token = (r.json() as Page).links.next!.headers[0]!.value;
        return (JSON.parse(Buffer.from(token, 'base64url').toString()) as unknown[])[3];
      });
    };
    const dateDigest = await digestOf('createdAt');
    const nameDigest = await digestOf('companyName');
    const id = customers[0]!.id;
    const forged = [
      ['createdAt', forge(['createdAt', '2026-02-30T00:00:00.000000Z', id, dateDigest])],
      ['createdAt', forge(['createdAt', '0000-01-01T00:00:00.000000Z', id, dateDigest])],
      ['createdAt', forge(['createdAt', 'yesterday', id, dateDigest])],
      ['createdAt', forge(['createdAt', 42, id, dateDigest])],
      ['companyName', forge(['companyName', 'a\u0000b', id, nameDigest])],
      ['companyName', forge(['companyName', 'alpha', 'not-a-guid', nameDigest])],
      ['companyName', forge({ sort: 'companyName' })],
      ['companyName', 'not base64 at all!'],
    ] as const;
    for (const [sort, token] of forged) {
      const response = await get(`/v1/customers?size=1&sort=${sort}`, me.headers, token);
      expect(response.statusCode, token).toBe(400);
      expect(response.json().errors[0].field).toBe('MS-ContinuationToken');
    }
    // A well-formed one is taken: the same position the server itself would hand out.
    const fine = await get('/v1/customers?size=1&sort=createdAt', me.headers, forge(['createdAt', '2026-01-01T00:00:00.000001Z', id, dateDigest]));
    expect(fine.statusCode).toBe(200);
  });

  it('answers odd values of every list parameter, on the list and the export, with a 4xx', async () => {
    const nul = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: 'a\u0000b', Operator: 'contains' }));
    const odd = [`filter=${nul}`, 'filter=%7B%22Operator%22:%22ends_with%22%7D', 'country=%00', 'country=1', 'indirectResellerId=%00', 'sort=%00', 'sort='];
    for (const path of ['/v1/customers', '/v1/customers/export']) {
      for (const query of path === '/v1/customers' ? [...odd, 'size=-1'] : odd) {
        const response = await get(`${path}?${query}`, me.headers);
        expect(response.statusCode, `${path}?${query}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${path}?${query}`).toBeLessThan(500);
      }
    }
  });

  it('refuses an unknown sort with a 400 naming it', async () => {
    const response = await get('/v1/customers?sort=domain', me.headers);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('sort');
  });
});

describe('GET /v1/customers: filter by country and by indirect reseller (ours)', () => {
  let provider: Awaited<ReturnType<typeof ownPartner>>;
  let active: { id: string };
  let inactive: { id: string };

  beforeAll(async () => {
    provider = await ownPartner('indirect_provider');
    active = await createPartner(t.db, { kind: 'indirect_reseller' });
    inactive = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.id, active.id);
    await createPartnership(t.db, provider.id, inactive.id, 'inactive');
    await createCustomer(t.db, { partnerIds: [provider.id], companyName: 'Taipei Active', country: 'TW', resellerId: active.id });
    await createCustomer(t.db, { partnerIds: [provider.id], companyName: 'Taipei Inactive', country: 'TW', resellerId: inactive.id });
    await createCustomer(t.db, { partnerIds: [provider.id], companyName: 'London Direct', country: 'GB' });
    await createCustomer(t.db, { partnerIds: [provider.id], companyName: 'Seattle Active', country: 'US', resellerId: active.id });
    // Another provider's customer in the same country, through the same reseller: never mine.
    const other = await ownPartner('indirect_provider');
    await createCustomer(t.db, { partnerIds: [other.id], companyName: 'Taipei Elsewhere', country: 'TW', resellerId: active.id });
  });

  it('filters by country, case-insensitively, reading UK as GB', async () => {
    expect((await collect('/v1/customers?country=tw', provider.headers)).names).toEqual(['Taipei Active', 'Taipei Inactive']);
    expect((await collect('/v1/customers?country=UK', provider.headers)).names).toEqual(['London Direct']);
  });

  it('filters by an active or an inactive reseller', async () => {
    expect((await collect(`/v1/customers?indirectResellerId=${active.id}`, provider.headers)).names).toEqual(['Seattle Active', 'Taipei Active']);
    expect((await collect(`/v1/customers?indirectResellerId=${inactive.id.toUpperCase()}`, provider.headers)).names).toEqual(['Taipei Inactive']);
  });

  it('combines search, country, reseller and sort, across pages', async () => {
    const seen = await collect(`/v1/customers?size=1&sort=-companyName&country=TW&indirectResellerId=${active.id}&filter=${filterParam('CompanyName', 'pei')}`, provider.headers);
    expect(seen.names).toEqual(['Taipei Active']);
    const both = await collect(`/v1/customers?size=1&sort=-companyName&country=TW&filter=${filterParam('CompanyName', 'pei')}`, provider.headers);
    expect(both.names).toEqual(['Taipei Inactive', 'Taipei Active']);
  });

  it('refuses a country or reseller that is no such thing with a 400 naming it', async () => {
    for (const [query, field] of [['country=XX', 'country'], ['country=USA', 'country'], ['indirectResellerId=wingtip', 'indirectResellerId']] as const) {
      const response = await get(`/v1/customers?${query}`, provider.headers);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('lists the countries of my customers, and only mine', async () => {
    const response = await get('/v1/customers/countries', provider.headers);
    expect(response.statusCode).toBe(200);
    expect((response.json() as { items: { country: string }[] }).items.map((i) => i.country)).toEqual(['GB', 'TW', 'US']);
  });
});

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field, 'the text ends with CRLF').toBe('');
  return records;
}

describe('GET /v1/customers/export (ours): CSV of everything matching', () => {
  let me: Awaited<ReturnType<typeof ownPartner>>;
  beforeAll(async () => {
    me = await ownPartner();
    for (const companyName of ['Contoso, Ltd', 'The "Best" Bakery', 'Line\nBreak Inc', '=HYPERLINK("http://evil.example","x")', '+Plus Co', '-Minus Co', '@At Co', 'Fabrikam-Contoso']) {
      await createCustomer(t.db, { partnerIds: [me.id], companyName, country: companyName.startsWith('Contoso') ? 'TW' : 'US' });
    }
    const other = await ownPartner();
    await createCustomer(t.db, { partnerIds: [other.id], companyName: 'Contoso Elsewhere' });
  });

  const exportAs = (as: { authorization: string }, query = '') => get(`/v1/customers/export${query}`, as);

  it('is a CSV download with a header row, RFC 4180 quoting and formula cells made text', async () => {
    const response = await exportAs(me.headers);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="customers.csv"');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = parseCsv(response.body.slice(1));
    expect(header).toEqual(['Customer ID', 'Company name', 'Domain', 'Country/region', 'City', 'Primary contact', 'Email', 'Culture', 'Indirect reseller', 'Indirect reseller ID', 'Added on (UTC)']);
    expect(response.body).toContain('"The ""Best"" Bakery"');
    const names = records.map((record) => record[1]);
    expect(names).toEqual(expect.arrayContaining(['Contoso, Ltd', 'The "Best" Bakery', 'Line\nBreak Inc', 'Fabrikam-Contoso', "'+Plus Co", "'-Minus Co", "'@At Co", '\'=HYPERLINK("http://evil.example","x")']));
    expect(names).toHaveLength(8);
    for (const record of records) expect(record).toHaveLength(header!.length);
    expect(records.find((r) => r[1] === 'Contoso, Ltd')![10]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("holds what the search, filter and sort select, and never another partner's customers", async () => {
    const taiwan = await exportAs(me.headers, `?country=TW&filter=${filterParam('CompanyName', 'contoso')}`);
    expect(parseCsv(taiwan.body.slice(1)).slice(1).map((record) => record[1])).toEqual(['Contoso, Ltd']);
    const all = await exportAs(me.headers, `?sort=-companyName&filter=${filterParam('CompanyName', 'contoso')}`);
    expect(parseCsv(all.body.slice(1)).slice(1).map((record) => record[1])).toEqual(['Fabrikam-Contoso', 'Contoso, Ltd']);
  });

  it('has every customer beyond the first batch exactly once, in order', async () => {
    const many = await ownPartner();
    await sql`
      insert into customers (id, instance_id, commerce_id, company_name, domain, email, culture, language, billing_company_name,
                             first_name, last_name, address_line1, country, admin_password_hash, created_by_partner_id)
      select gen_random_uuid(), 'public', gen_random_uuid(), 'Bulk ' || lpad(n::text, 5, '0'), 'bulk' || n || '-' || ${many.id} || '.onmicrosoft.com',
             'it@bulk.example', 'en-US', 'en', 'Bulk', 'Dana', 'Whitfield', '1 Main Street', 'US', 'sha256$x', ${many.id}::uuid
      from generate_series(1, 2500) as n`.execute(t.db);
    await sql`insert into customer_relationships (customer_id, partner_id, origin) select id, ${many.id}::uuid, 'created' from customers where created_by_partner_id = ${many.id}::uuid`.execute(t.db);
    const response = await exportAs(many.headers, '?sort=-companyName');
    const names = parseCsv(response.body.slice(1)).slice(1).map((r) => r[1]);
    expect(names).toHaveLength(2500);
    expect(names[0]).toBe('Bulk 02500');
    expect(names.at(-1)).toBe('Bulk 00001');
    expect(new Set(names).size).toBe(2500);
  });

  it('is for every role that sees customers, and a 4xx in the error shape otherwise', async () => {
    const billing = await createUser(t.db, { partnerId: me.id, roles: ['billing_admin'] });
    expect((await exportAs(await bearerFor(t, billing.email))).statusCode).toBe(200);
    const nobody = await createUser(t.db, { partnerId: me.id, roles: [] });
    const forbidden = await exportAs(await bearerFor(t, nobody.email));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toContain('application/json');
    expect((await t.app.inject({ url: '/v1/customers/export' })).statusCode).toBe(401);
    const bad = await exportAs(me.headers, '?country=XX');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('country');
  });
});
