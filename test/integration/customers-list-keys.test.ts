import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createCustomer, createPartner, createUser } from '#test/factories.ts';
import { createTestDatabase } from '#test/helpers/db.ts';
import { listMigrations, migrate } from '#db/migrate.ts';

// The list reads each relationship's copy of its customer's name, domain, date and country (migration
// 0007, for lists of a million customers): these tests hold the copies to the customers they come from.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function ownPartner() {
  const partner = await createPartner(t.db, { markets: ['US', 'TW', 'DE'] });
  const user = await createUser(t.db, { partnerId: partner.id, roles: ['admin_agent'] });
  return { id: partner.id, headers: await bearerFor(t.app, user.email) };
}

const filter = (field: string, value: string) => encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));

async function names(as: { headers: { authorization: string } }, query = '') {
  const response = await t.app.inject({ url: `/v1/customers?size=500${query}`, headers: as.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { companyProfile: { companyName: string } }[] }).items.map((item) => item.companyProfile.companyName);
}

async function countries(as: { headers: { authorization: string } }) {
  const response = await t.app.inject({ url: '/v1/customers/countries', headers: as.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { country: string }[] }).items.map((item) => item.country);
}

describe('the customers list follows its customers', () => {
  it("sorts and finds a customer by its new name, domain, date and country, for every partner it has", async () => {
    const first = await ownPartner();
    const second = await ownPartner();
    const customer = await createCustomer(t.db, { partnerIds: [first.id, second.id], companyName: 'Aardvark Renamed', domainPrefix: `aardvark${Date.now()}` });
    await createCustomer(t.db, { partnerIds: [first.id, second.id], companyName: 'Middle Co' });
    await sql`update customers set company_name = 'Zebra Renamed', domain = ${`zebra${Date.now()}.onmicrosoft.com`}, country = 'TW',
                                   created_at = timestamptz '2001-01-01' where id = ${customer.id}::uuid`.execute(t.db);
    for (const partner of [first, second]) {
      expect(await names(partner)).toEqual(['Middle Co', 'Zebra Renamed']);
      expect(await names(partner, `&filter=${filter('CompanyName', 'zeb')}`)).toEqual(['Zebra Renamed']);
      expect(await names(partner, `&filter=${filter('CompanyName', 'aard')}`)).toEqual([]);
      expect(await names(partner, `&filter=${filter('Domain', 'zebra')}`)).toEqual(['Zebra Renamed']);
      expect(await names(partner, `&filter=${filter('Domain', 'aardvark')}`)).toEqual([]);
      expect(await names(partner, '&country=TW')).toEqual(['Zebra Renamed']);
      expect(await names(partner, '&sort=createdAt')).toEqual(['Zebra Renamed', 'Middle Co']);
      expect(await countries(partner)).toEqual(['TW', 'US']);
    }
  });

  it("takes a relationship's keys from its customer, whatever the writer sends", async () => {
    const partner = await ownPartner();
    const customer = await createCustomer(t.db, { partnerIds: [], companyName: 'Keyed Co', country: 'DE' });
    await sql`insert into customer_relationships (customer_id, partner_id, origin, customer_name_key, customer_domain, customer_created_at, customer_country)
              values (${customer.id}::uuid, ${partner.id}::uuid, 'invited', 'aaa', 'aaa.example', now(), 'XX')`.execute(t.db);
    expect(await names(partner, `&filter=${filter('CompanyName', 'keyed')}`)).toEqual(['Keyed Co']);
    expect(await names(partner, `&filter=${filter('CompanyName', 'aaa')}`)).toEqual([]);
    expect(await countries(partner)).toEqual(['DE']);
  });

  it('lowers and orders names beyond ASCII as before: case-insensitive prefixes, code-point order', async () => {
    const partner = await ownPartner();
    for (const companyName of ['Ärzte Verbund', 'Zulu Ltd', 'ärmel GmbH', '台灣科技', 'Alpha Co']) await createCustomer(t.db, { partnerIds: [partner.id], companyName });
    expect(await names(partner)).toEqual(['Alpha Co', 'Zulu Ltd', 'ärmel GmbH', 'Ärzte Verbund', '台灣科技']);
    expect(await names(partner, `&filter=${filter('CompanyName', 'ÄR')}`)).toEqual(['ärmel GmbH', 'Ärzte Verbund']);
    expect(await names(partner, `&filter=${filter('CompanyName', '台灣')}`)).toEqual(['台灣科技']);
  });

  it("leaves a terminated relationship's customer out of the list and of its countries", async () => {
    const partner = await ownPartner();
    const gone = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Gone Co', country: 'TW' });
    await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Kept Co', country: 'US' });
    await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Kept Too', country: 'US' });
    expect(await countries(partner)).toEqual(['TW', 'US']);
    await sql`update customer_relationships set state = 'terminated' where customer_id = ${gone.id}::uuid`.execute(t.db);
    expect(await names(partner)).toEqual(['Kept Co', 'Kept Too']);
    expect(await countries(partner)).toEqual(['US']);
  });
});

describe('migration 0007', () => {
  it('gives the relationships of a database that had customers before it their keys', async () => {
    const database = await createTestDatabase({ migrated: false });
    try {
      const before = listMigrations().filter((m) => m.name < '0007');
      await database.runScript('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
      for (const m of before) await database.runScript(`begin; ${m.sql}; insert into schema_migrations (name) values ('${m.name}'); commit;`);
      const partner = await createPartner(database.db);
      const customer = await createCustomer(database.db, { partnerIds: [partner.id], companyName: 'Older Customer', country: 'TW' });
      expect((await migrate(database)).applied).toContain('0007_benchscale_customer_list_keys');
      const row = await database.db.selectFrom('customer_relationships').selectAll().where('customer_id', '=', customer.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ customer_name_key: 'older customer', customer_domain: customer.domain, customer_country: 'TW' });
      expect(row.customer_created_at).toBeInstanceOf(Date);
    } finally {
      await database.close();
    }
  });
});
