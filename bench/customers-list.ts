/**
 * `npm run bench`: the cost of GET /v1/customers (keyset paging) at page 1 and deep in the list, on
 * 100,000 customers, against the bare SQL floor (the same keyset query, sent directly). Ratios are of
 * medians measured in this one run. `BENCH_SMOKE=1` runs a small, quick version (CI);
 * `TEST_DB=postgres TEST_DATABASE_URL=...` runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestApp } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';

const smoke = process.env.BENCH_SMOKE === '1';
const total = Number(process.env.BENCH_CUSTOMERS ?? (smoke ? 2_000 : 100_000));
const rounds = smoke ? 15 : 60;
const size = 50;

const t = await createTestApp();
const partner = await createPartner(t.db);
const user = await createUser(t.db, { partnerId: partner.id, roles: ['admin_agent'] });
const headers = await bearerFor(t.app, user.email);

const started = performance.now();
await sql`
  insert into customers (id, instance_id, commerce_id, company_name, domain, email, culture, language, billing_company_name,
                         first_name, last_name, address_line1, city, state, postal_code, country, admin_password_hash, created_by_partner_id)
  select md5('c' || n)::uuid, 'public', md5('m' || n)::uuid, 'Customer ' || lpad(n::text, 6, '0'), 'cust' || n || '.onmicrosoft.com',
         'it@cust' || n || '.example', 'en-US', 'en', 'Customer ' || n, 'Dana', 'Whitfield', n || ' Main Street', 'Redmond', 'WA', '98052', 'US',
         'sha256$x', ${partner.id}::uuid
  from generate_series(1, ${total}) as n`.execute(t.db);
await sql`insert into customer_relationships (customer_id, partner_id, origin) select id, ${partner.id}::uuid, 'created' from customers`.execute(t.db);
await sql`analyze`.execute(t.db);
const seeded = performance.now() - started;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => Promise<void>) {
  for (let i = 0; i < 3; i++) await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A continuation token positioned near the end of the list, as a client paging deep would hold. */
const deepRow = await sql<{ name: string; id: string }>`
  select lower(company_name) as name, id::text as id from customers order by lower(company_name), id offset ${total - size * 2} limit 1`.execute(t.db);
const deepToken = Buffer.from(JSON.stringify([deepRow.rows[0]!.name, deepRow.rows[0]!.id, ''])).toString('base64url');

async function api(extraHeaders: Record<string, string> = {}) {
  const response = await t.app.inject({ url: `/v1/customers?size=${size}`, headers: { ...headers, ...extraHeaders } });
  if (response.statusCode !== 200) throw new Error(response.body);
}

async function floor(after?: { name: string; id: string }) {
  await sql`
    select c.* from customers c
    join customer_relationships cr on cr.customer_id = c.id and cr.partner_id = ${partner.id}::uuid and cr.state = 'active'
    where ${after ? sql`(lower(c.company_name), c.id) > (${after.name}, ${after.id}::uuid)` : sql`true`}
    order by lower(c.company_name), c.id limit ${size + 1}`.execute(t.db);
}

const results = {
  firstPageApi: await time(() => api()),
  firstPageSql: await time(() => floor()),
  deepPageApi: await time(() => api({ 'MS-ContinuationToken': deepToken })),
  deepPageSql: await time(() => floor(deepRow.rows[0])),
};

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`GET /v1/customers, ${total.toLocaleString('en-US')} customers, ${size} per page, median of ${rounds} (${process.env.TEST_DB === 'postgres' ? 'PostgreSQL' : 'PGlite'}; seeded in ${(seeded / 1000).toFixed(1)} s)`);
console.log(`  page 1:         API ${fmt(results.firstPageApi)}   SQL floor ${fmt(results.firstPageSql)}   ratio ${(results.firstPageApi / results.firstPageSql).toFixed(2)}`);
console.log(`  deep page:      API ${fmt(results.deepPageApi)}   SQL floor ${fmt(results.deepPageSql)}   ratio ${(results.deepPageApi / results.deepPageSql).toFixed(2)}`);
console.log(`  deep / page 1:  API ${(results.deepPageApi / results.firstPageApi).toFixed(2)}`);
await t.close();
