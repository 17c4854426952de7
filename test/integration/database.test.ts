import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, listMigrations } from '#db/migrate.ts';
import { passwordHasher, randomIds } from '#server/lib/adapters.ts';
import { seedDemo } from '#server/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts';
import { createCustomer, createPartner } from '#test/factories.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
});
afterAll(() => database.close());

describe('migrations', () => {
  it('apply on an empty database, then are a no-op, also when two run at once', async () => {
    const first = await migrate(database);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const [again, twin] = await Promise.all([migrate(database), migrate(database)]);
    expect(again.applied).toEqual([]);
    expect(twin.applied).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'cloud_instances', 'partner_organizations', 'partnerships', 'partner_users', 'partner_user_roles', 'api_tokens', 'sessions',
        'customers', 'customer_relationships', 'agreement_templates', 'agreement_confirmations', 'offers', 'offer_markets', 'orders',
        'order_line_items', 'subscriptions', 'relationship_invitations', 'audit_records', 'idempotency_records', 'onboarding_drafts',
        'domain_registry', 'schema_migrations',
      ]),
    );
  });
});

describe('the database enforces what it can', () => {
  it('keeps a domain unique per instance, case-insensitively', async () => {
    const partner = await createPartner(database.db);
    await createCustomer(database.db, { partnerIds: [partner.id], domainPrefix: 'uniquecase' });
    const row = await database.db.selectFrom('customers').selectAll().where('domain', '=', 'uniquecase.onmicrosoft.com').executeTakeFirstOrThrow();
    const duplicate = database.db
      .insertInto('customers')
      .values({ ...row, id: randomUUID(), commerce_id: randomUUID(), domain: 'uniquecase.onmicrosoft.com', created_at: undefined, updated_at: undefined, admin_user_name: 'admin', admin_password_set_at: undefined })
      .execute();
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    // Upper case in the column is refused: domains are stored lower case.
    await expect(
      database.db.insertInto('customers').values({ ...row, id: randomUUID(), commerce_id: randomUUID(), domain: 'Other.onmicrosoft.com', created_at: undefined, updated_at: undefined, admin_user_name: 'admin', admin_password_set_at: undefined }).execute(),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses dangling references and impossible values', async () => {
    await expect(
      database.db.insertInto('customer_relationships').values({ customer_id: randomUUID(), partner_id: randomUUID(), origin: 'created', indirect_reseller_id: null, indirect_provider_id: null }).execute(),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      database.db.insertInto('partner_organizations').values({ id: randomUUID(), instance_id: 'public', name: 'Bad', kind: 'wholesaler' as 'direct', mpn_id: '1', markets: ['US'], email_domains: [], invitation_code: randomUUID() }).execute(),
    ).rejects.toMatchObject({ code: '23514' });
  });
});

describe('demo seed', () => {
  it('seeds once; a second run adds nothing', async () => {
    const deps = { ids: randomIds, hasher: passwordHasher };
    const first = await seedDemo(database.db, deps);
    expect(first).toMatchObject({ seeded: true, partners: 8, users: 14 });
    expect(first.offers).toBeGreaterThanOrEqual(20);
    expect(first.customers).toBeGreaterThanOrEqual(24);
    const count = async (table: 'partner_organizations' | 'partner_users' | 'customers' | 'offers') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { partners: await count('partner_organizations'), users: await count('partner_users'), customers: await count('customers'), offers: await count('offers') };
    const second = await seedDemo(database.db, deps);
    expect(second.seeded).toBe(false);
    expect({ partners: await count('partner_organizations'), users: await count('partner_users'), customers: await count('customers'), offers: await count('offers') }).toEqual(before);

    // One demo customer has relationships with two partners.
    const multi = await sql<{ n: string }>`select count(*) as n from (select customer_id from customer_relationships where origin = 'invited') x`.execute(database.db);
    expect(Number(multi.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    // One offer has a per-customer limit; the Customer Agreement has two versions.
    expect(await database.db.selectFrom('offers').select('id').where('purchase_limit', 'is not', null).execute()).not.toHaveLength(0);
    const mca = await database.db.selectFrom('agreement_templates').select('version_rank').where('agreement_type', '=', 'MicrosoftCustomerAgreement').where('instance_id', '=', 'public').execute();
    expect(mca.map((r) => r.version_rank).sort()).toEqual([1, 2]);
  });
});
