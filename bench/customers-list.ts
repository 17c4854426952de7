/**
 * `npm run bench`: the cost of GET /v1/customers (keyset paging) at page 1 and deep in the list, newest
 * first, and searching inside names (`contains`: one match, 1 %, all), on 100,000 customers, against
 * the bare SQL floor (the same query, sent directly). Ratios are of medians measured in this one run;
 * each floor's plan names the indexes it used. `BENCH_SMOKE=1` runs a small, quick version (CI);
 * `TEST_DB=postgres TEST_DATABASE_URL=...` runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestApp } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';
import { medianMs } from './lib/sample.ts';
import { encodeContinuationToken } from '#server/modules/customers/service.ts';
import { benchDb, writeResults } from './lib/results.ts';

const smoke = process.env.BENCH_SMOKE === '1';
const total = Number(process.env.BENCH_CUSTOMERS ?? (smoke ? 2_000 : 100_000));
const rounds = smoke ? 15 : 60;
const size = 50;

const t = await createTestApp();
const partner = await createPartner(t.db);
const user = await createUser(t.db, { partnerId: partner.id, roles: ['admin_agent'] });
const headers = await bearerFor(t, user.email);

// Names carry a word ("Northwind", "Eastbrook", ...: 100 of them, each on 1 % of customers) after a
// unique number, so that a search can match one customer, 1 % or all; dates added are shuffled
// against the names.
const started = performance.now();
await sql`
  insert into customers (id, instance_id, commerce_id, company_name, domain, email, culture, language, billing_company_name,
                         first_name, last_name, address_line1, city, state, postal_code, country, admin_password_hash, created_by_partner_id,
                         created_at)
  select md5('c' || n)::uuid, 'public', md5('m' || n)::uuid,
         'Customer ' || lpad(n::text, 6, '0') || ' ' || (array['North','South','East','West','Blue','Red','Green','Silver','Golden','Iron'])[1 + n % 10]
           || (array['wind','wood','field','brook','stone','ridge','gate','haven','point','crest'])[1 + (n / 10) % 10],
         'cust' || n || '.onmicrosoft.com',
         'it@cust' || n || '.example', 'en-US', 'en', 'Customer ' || n, 'Dana', 'Whitfield', n || ' Main Street', 'Redmond', 'WA', '98052', 'US',
         'sha256$x', ${partner.id}::uuid, timestamptz '2020-01-01' + ((n * 7919) % ${total}) * interval '1 minute'
  from generate_series(1, ${total}) as n`.execute(t.db);
await sql`insert into customer_relationships (customer_id, partner_id, origin) select id, ${partner.id}::uuid, 'created' from customers`.execute(t.db);
await sql`analyze`.execute(t.db);
const seeded = performance.now() - started;

const time = (fn: () => Promise<void>) => medianMs(fn, { rounds });

/** A continuation token positioned near the end of the list, as a client paging deep would hold. */
const deepRow = await sql<{ name: string; id: string }>`
  select lower(company_name) as name, id::text as id from customers order by lower(company_name), id offset ${total - size * 2} limit 1`.execute(t.db);
const deep = deepRow.rows[0]!;
const deepToken = encodeContinuationToken({ key: deep.name, id: deep.id }, { sort: 'companyName' });

async function api(query = '', extraHeaders: Record<string, string> = {}) {
  const response = await t.app.inject({ url: `/v1/customers?size=${size}${query}`, headers: { ...headers, ...extraHeaders } });
  if (response.statusCode !== 200) throw new Error(response.body);
}

/** The portal's search: CompanyName contains `term`. */
const search = (term: string) => `&filter=${encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: term, Operator: 'contains' }))}`;

function floorQuery(options: { after?: { name: string; id: string }; contains?: string; newestFirst?: boolean }) {
  const order = options.newestFirst ? sql`cr.customer_created_at desc, cr.customer_id desc` : sql`cr.customer_name_key, cr.customer_id`;
  return sql`
    select c.* from customers c
    join customer_relationships cr on cr.customer_id = c.id and cr.partner_id = ${partner.id}::uuid and cr.state = 'active'
    where ${options.after ? sql`(cr.customer_name_key, cr.customer_id) > (${options.after.name}, ${options.after.id}::uuid)` : sql`true`}
      and ${options.contains ? sql`lower(c.company_name) like ${`%${options.contains}%`}` : sql`true`}
    order by ${order} limit ${size + 1}`;
}

async function floor(options: Parameters<typeof floorQuery>[0] = {}) {
  await floorQuery(options).execute(t.db);
}

/** The indexes the floor's plan reads, to show which one serves each case. */
async function indexesOf(options: Parameters<typeof floorQuery>[0]) {
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${floorQuery(options)}`.execute(t.db);
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['Index Name'] === 'string' && record['Index Name'].startsWith('customer')) names.add(record['Index Name']);
    Object.values(record).forEach((value) => (Array.isArray(value) ? value.forEach(walk) : walk(value)));
  };
  walk(plan.rows[0]!['QUERY PLAN']);
  return names.size > 0 ? [...names].join(', ') : 'no customers index (sequential scan)';
}

const one = smoke ? '001234' : '012345';
const cases: { label: string; query: string; headers?: Record<string, string>; floor: Parameters<typeof floorQuery>[0] }[] = [
  { label: 'page 1', query: '', floor: {} },
  { label: 'deep page', query: '', headers: { 'MS-ContinuationToken': deepToken }, floor: { after: deep } },
  { label: 'newest first', query: '&sort=-createdAt', floor: { newestFirst: true } },
  { label: `search "${one}" (1)`, query: search(one), floor: { contains: one } },
  { label: 'search "northwind" (1 %)', query: search('northwind'), floor: { contains: 'northwind' } },
  { label: 'search "customer" (all)', query: search('customer'), floor: { contains: 'customer' } },
];

const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(10);
console.log(`GET /v1/customers, ${total.toLocaleString('en-US')} customers, ${size} per page, median of ${rounds} (${process.env.TEST_DB === 'postgres' ? 'PostgreSQL' : 'PGlite'}; seeded in ${(seeded / 1000).toFixed(1)} s)`);
const results: Record<string, { api: number; floor: number; indexes: string }> = {};
for (const c of cases) {
  const apiMs = await time(() => api(c.query, c.headers));
  const floorMs = await time(() => floor(c.floor));
  const indexes = await indexesOf(c.floor);
  results[c.label] = { api: apiMs, floor: floorMs, indexes };
  console.log(`  ${c.label.padEnd(26)} API ${fmt(apiMs)}   SQL floor ${fmt(floorMs)}   ratio ${(apiMs / floorMs).toFixed(2)}   (${indexes})`);
}
console.log(`  deep / page 1:             API ${(results['deep page']!.api / results['page 1']!.api).toFixed(2)}`);
const db = benchDb();
writeResults('customers-list', db, {
  title: `GET /v1/customers on ${total.toLocaleString('en-US')} customers against the SQL floor, ${db === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
  command: `${smoke ? 'BENCH_SMOKE=1 ' : ''}${db === 'postgres' ? 'TEST_DB=postgres TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test ' : ''}npm run bench -- customers-list`,
  table: {
    columns: ['case', 'API (median)', 'SQL floor (median)', 'ratio', 'indexes of the floor'],
    rows: Object.entries(results).map(([label, r]) => [label, `${r.api.toFixed(2)} ms`, `${r.floor.toFixed(2)} ms`, (r.api / r.floor).toFixed(2), r.indexes]),
  },
  notes: [`${size} per page, median of ${rounds}; seeded in ${(seeded / 1000).toFixed(1)} s.`],
  data: { total, size, rounds, seededMs: seeded, results },
});
await t.close();
