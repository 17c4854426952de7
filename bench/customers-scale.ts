/**
 * Customers at scale (issue 8): GET /v1/customers on 1,000,000 customers over 100 partners (one holding
 * half of them, 97 a few thousand each, two tiny ones), for the big partner and a small one: the first
 * page, a deep page through the continuation token, newest first, a company-name and a domain prefix
 * search (Partner Center's `starts_with`); for information the portal's `contains` search and the
 * countries of the list's filter. The same calls on 10,000 customers of the same shape, in the same run.
 * Beside each API median, the median of the bare SQL of an ideal index read of the same rows, with the
 * indexes its plan reads (and those the API's own query reads). Targets: API ≤ 3 × SQL, and each call at
 * scale ≤ 2 × the same call at 10,000.
 *
 *   node --import tsx bench/customers-scale.ts                                  (PGlite)
 *   TEST_DB=postgres TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/customers-scale.ts
 *   BENCH_SCALE_CUSTOMERS=200000 ...   another total;   BENCH_SMOKE=1 ...   20,000 against 2,000, quickly (CI)
 *   BENCH_KEEP=1 ...   on PostgreSQL, keeps the large run's schema and prints its name
 *
 * Writes bench/results/customers-scale-<db>.json and .md (`-smoke` added to the name of a smoke run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql, type RawBuilder } from 'kysely';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';
import { interleavedMediansMs } from './lib/sample.ts';
import { encodeContinuationToken } from '#server/modules/customers/service.ts';
import { visibleCustomersPage, type CustomerCursor, type CustomerListCriteria } from '#server/modules/customers/repository.ts';
import type { Executor } from '#db/database.ts';

const smoke = process.env.BENCH_SMOKE === '1';
const scaleTotal = Number(process.env.BENCH_SCALE_CUSTOMERS ?? (smoke ? 20_000 : 1_000_000));
const baseTotal = Math.min(smoke ? 2_000 : 10_000, scaleTotal);
const dbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const keep = process.env.BENCH_KEEP === '1'; // PostgreSQL: leave the large schema, for EXPLAIN by hand
const size = 50; // the portal's page
const maxRounds = smoke ? 10 : 40;
const budgetMs = smoke ? 500 : 3_000; // per measurement: fewer rounds for a slow call, at least 5

const PARTNERS = 100;
const TINY = [3, 30]; // customers of the two tiny partners, at every scale
// Names are "<First> <Second> <n>" (Northwind Traders 48213), domains "<first><second><n>": each first word
// starts about 2 % of the names, each pair 0.1 %; the words are drawn from the row number's md5.
const FIRST = ['Adventure', 'Alpine', 'Apex', 'Aurora', 'Bellows', 'Bluebird', 'Boreal', 'Cascade', 'Cedar', 'Coho', 'Contoso', 'Crescent',
  'Delta', 'Eastbrook', 'Evergreen', 'Fabrikam', 'Falcon', 'Fjord', 'Granite', 'Harbor', 'Horizon', 'Ironwood', 'Juniper', 'Kestrel',
  'Lakeside', 'Litware', 'Lucerne', 'Maple', 'Meridian', 'Nimbus', 'Northwind', 'Oakridge', 'Olympic', 'Pinnacle', 'Proseware', 'Quantum',
  'Redwood', 'Riverside', 'Sapphire', 'Summit', 'Tailspin', 'Trey', 'Umbra', 'Vanguard', 'Willow', 'Wingtip', 'Woodgrove', 'Xenon',
  'Yellowstone', 'Zephyr'];
const SECOND = ['Traders', 'Works', 'Systems', 'Labs', 'Foods', 'Logistics', 'Partners', 'Health', 'Energy', 'Media', 'Bank', 'Insurance',
  'Motors', 'Studios', 'Consulting', 'Farms', 'Outfitters', 'Pharma', 'Software', 'Airlines'];
const COUNTRIES = ['US', 'US', 'US', 'US', 'GB', 'DE', 'TW', 'CA', 'FR', 'JP'];

interface Dataset {
  total: number;
  t: TestApp;
  seededSeconds: number;
  partners: Record<Who, { id: string; customers: number; headers: Record<string, string> }>;
}
type Who = 'big' | 'small' | 'tiny';

const list = (words: string[]) => sql`string_to_array(${sql.lit(words.join(','))}, ',')`;

/**
 * The generated customers, one row per n: its partner (even n the big one; then the tiny ones; the rest
 * spread over the 97 small ones), name, domain, country and date added.
 */
function generated(total: number, partnerIds: string[]) {
  const [tinyA, tinyB] = TINY as [number, number];
  return sql`
    select md5('c' || n)::uuid as id, md5('m' || n)::uuid as commerce_id,
           w.first || ' ' || w.second || ' ' || n as company_name,
           lower(w.first || w.second) || n || '.onmicrosoft.com' as domain,
           lower(w.first || w.second) || n as tag,
           w.country,
           (${list(partnerIds)})[case when n % 2 = 0 then 1 when n <= 2 * ${sql.lit(tinyA)} then 2
                                       when n <= 2 * ${sql.lit(tinyA + tinyB)} then 3 else 4 + (n % 97) * 62 % 97 end]::uuid as partner_id,
           timestamptz '2018-01-01' + n * interval '1 minute' as created_at
    from (select n, decode(md5(n::text), 'hex') as h from generate_series(1, ${sql.lit(total)}) as n) g
    cross join lateral (
      select (${list(FIRST)})[1 + get_byte(g.h, 0) % ${sql.lit(FIRST.length)}] as first,
             (${list(SECOND)})[1 + get_byte(g.h, 1) % ${sql.lit(SECOND.length)}] as second,
             (${list(COUNTRIES)})[1 + get_byte(g.h, 2) % ${sql.lit(COUNTRIES.length)}] as country
    ) w`;
}

/** The indexes of `tables` that no constraint owns, as `create index` statements, dropped for the bulk load. */
async function dropIndexes(db: Executor, tables: string[]) {
  const rows = await sql<{ name: string; def: string }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid in (${sql.join(tables.map((table) => sql`${table}::regclass`))})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(db);
  for (const row of rows.rows) await sql`drop index ${sql.raw(row.name)}`.execute(db);
  return rows.rows.map((row) => row.def);
}

async function seed(total: number): Promise<Dataset> {
  const t = await createTestApp();
  const partnerIds: string[] = [];
  for (let i = 0; i < PARTNERS; i++) partnerIds.push((await createPartner(t.db)).id);
  const started = performance.now();
  let last = started;
  const phase = (what: string) => {
    const now = performance.now();
    process.stdout.write(`  ${what} ${((now - last) / 1000).toFixed(1)} s;`);
    last = now;
  };
  await t.db.transaction().execute(async (trx) => {
    // Foreign-key checks row by row cost more than the load itself: a superuser (the bench's usual
    // role, PGlite's too) skips them, as a restore does. The rows are made consistent by construction.
    const role = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(trx);
    if (role.rows[0]?.rolsuper) await sql`set local session_replication_role = replica`.execute(trx);
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx); // the index builds, trigram GIN above all
    const indexes = await dropIndexes(trx, ['customers', 'customer_relationships']);
    await sql`
      insert into customers (id, instance_id, commerce_id, company_name, domain, email, culture, language, billing_company_name, first_name,
                             last_name, address_line1, city, state, postal_code, country, phone_number, admin_password_hash,
                             created_by_partner_id, created_at, updated_at)
      select id, 'public', commerce_id, company_name, domain, 'it@' || tag || '.example', 'en-US', 'en', company_name, 'Dana',
             'Whitfield', '1 Main Street', 'Redmond', 'WA', '98052', country, '+14255550100', 'sha256$x',
             partner_id, created_at, created_at
      from (${generated(total, partnerIds)}) x`.execute(trx);
    // The customer's keys, as the trigger of migration 0007 copies them (skipped with the checks).
    await sql`
      insert into customer_relationships (customer_id, partner_id, origin, created_at, customer_name_key, customer_domain, customer_created_at, customer_country)
      select id, partner_id, 'created', created_at, lower(company_name), domain, created_at, country from (${generated(total, partnerIds)}) x`.execute(trx);
    phase('rows');
    for (const def of indexes) await sql.raw(def).execute(trx);
    phase('indexes');
  });
  await sql`vacuum analyze customers`.execute(t.db);
  await sql`vacuum analyze customer_relationships`.execute(t.db);
  phase('vacuum analyze');
  const seededSeconds = (performance.now() - started) / 1000;

  const counts = await sql<{ partner_id: string; n: number }>`
    select partner_id, count(*)::int as n from customer_relationships group by partner_id`.execute(t.db);
  const countOf = (id: string) => counts.rows.find((row) => row.partner_id === id)?.n ?? 0;
  const member = async (id: string) => {
    const user = await createUser(t.db, { partnerId: id, roles: ['admin_agent'] });
    return { id, customers: countOf(id), headers: await bearerFor(t.app, user.email) };
  };
  return {
    total,
    t,
    seededSeconds,
    partners: { big: await member(partnerIds[0]!), small: await member(partnerIds[3]!), tiny: await member(partnerIds[1]!) },
  };
}

// ---------------------------------------------------------------------------------------------------

interface Case {
  label: string;
  who: Who;
  /** Measured for information: no target. */
  info?: boolean;
  criteria: CustomerListCriteria;
  /** For the deep page: how far into the partner's list (0..1) the continuation token points. */
  deep?: number;
  /** Another route than the list (the countries). */
  url?: string;
}

const byName: CustomerListCriteria = { sort: 'companyName' };
const startsWith = (field: 'CompanyName' | 'Domain', value: string): CustomerListCriteria => ({ sort: 'companyName', filter: { field, operator: 'starts_with', value } });
const contains = (value: string): CustomerListCriteria => ({ sort: 'companyName', filter: { field: 'CompanyName', operator: 'contains', value } });

const cases: Case[] = (['big', 'small'] as const).flatMap((who): Case[] => [
  { label: 'first page', who, criteria: byName },
  { label: 'deep page (90 %)', who, criteria: byName, deep: 0.9 },
  { label: 'newest first', who, criteria: { sort: '-createdAt' } },
  { label: 'name starts_with "Northwind"', who, criteria: startsWith('CompanyName', 'Northwind') },
  { label: 'domain starts_with "northwindtraders"', who, criteria: startsWith('Domain', 'northwindtraders') },
  { label: 'name contains "traders" (portal)', who, info: true, criteria: contains('traders') },
  { label: 'countries (portal)', who, info: true, criteria: byName, url: '/v1/customers/countries' },
]).concat([{ label: 'first page', who: 'tiny', criteria: byName }]);

function queryString(criteria: CustomerListCriteria) {
  const params = new URLSearchParams({ size: String(size) });
  if (criteria.sort !== 'companyName') params.set('sort', criteria.sort);
  if (criteria.filter) params.set('filter', JSON.stringify({ Field: criteria.filter.field, Value: criteria.filter.value, Operator: criteria.filter.operator }));
  return params.toString();
}

/** The position `fraction` into the partner's list by name: what a client paging that deep holds. */
async function cursorAt(data: Dataset, who: Who, fraction: number): Promise<CustomerCursor> {
  const partner = data.partners[who];
  const row = await sql<{ key: string; id: string }>`
    select customer_name_key as key, customer_id::text as id from customer_relationships
    where partner_id = ${partner.id}::uuid and state = 'active'
    order by customer_name_key, customer_id offset ${Math.floor(partner.customers * fraction)} limit 1`.execute(data.t.db);
  return row.rows[0]!;
}

/** The keys from `prefix` (included) to the first key past all that begin with it. */
function prefixRange(column: RawBuilder<unknown>, prefix: string) {
  const value = prefix.toLowerCase();
  const end = value.slice(0, -1) + String.fromCharCode(value.charCodeAt(value.length - 1) + 1);
  return sql`${column} >= ${value} and ${column} < ${end}`;
}

/**
 * The floor: the best hand-written SQL for the same rows. The partner's relationships read in the
 * list's order from one index (a range of it for a prefix), a page of them, then each customer by its
 * primary key; the countries by skipping from one to the next.
 */
function floorQuery(partnerId: string, c: Case, after: CustomerCursor | undefined): RawBuilder<{ id: string }> {
  if (c.url) {
    return sql`
      with recursive countries (id) as (
        select min(customer_country) from customer_relationships where partner_id = ${partnerId}::uuid and state = 'active'
        union all
        select (select min(customer_country) from customer_relationships
                where partner_id = ${partnerId}::uuid and state = 'active' and customer_country > countries.id)
        from countries where countries.id is not null)
      select id from countries where id is not null`;
  }
  const filter = c.criteria.filter;
  if (filter?.operator === 'contains') {
    // No range to read: the planner weighs the trigrams against the name order, as for the API.
    return sql`select c.* from customer_relationships cr join customers c on c.id = cr.customer_id
               where cr.partner_id = ${partnerId}::uuid and cr.state = 'active' and lower(c.company_name) like ${`%${filter.value.toLowerCase()}%`}
               order by cr.customer_name_key, cr.customer_id limit ${size + 1}`;
  }
  const where: RawBuilder<unknown>[] = [sql`partner_id = ${partnerId}::uuid`, sql`state = 'active'`];
  if (after) where.push(sql`(customer_name_key, customer_id) > (${after.key}, ${after.id}::uuid)`);
  if (filter?.field === 'CompanyName') where.push(prefixRange(sql`customer_name_key`, filter.value));
  if (filter?.field === 'Domain') where.push(prefixRange(sql`customer_domain`, filter.value));
  const newest = c.criteria.sort === '-createdAt';
  const order = newest ? sql`customer_created_at desc, customer_id desc` : sql`customer_name_key, customer_id`;
  return sql`
    select c.* from (
      select customer_id, ${newest ? sql`customer_created_at` : sql`customer_name_key`} as key from customer_relationships
      where ${sql.join(where, sql` and `)} order by ${order} limit ${size + 1}
    ) r join customers c on c.id = r.customer_id
    order by r.key ${sql.raw(newest ? 'desc' : '')}, r.customer_id ${sql.raw(newest ? 'desc' : '')}`;
}

/** The index names a plan reads (JSON EXPLAIN), or what it scans instead. */
function indexesIn(plan: unknown) {
  const names = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['Index Name'] === 'string') names.add(record['Index Name']);
    if (record['Node Type'] === 'Seq Scan' && typeof record['Relation Name'] === 'string') seqScans.add(`seq scan ${record['Relation Name']}`);
    Object.values(record).forEach((value) => (Array.isArray(value) ? value.forEach(walk) : walk(value)));
  };
  walk(plan);
  return [...names, ...seqScans].join(', ') || '(none)';
}

async function explain(db: Executor, query: RawBuilder<unknown>) {
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${query}`.execute(db);
  return indexesIn(plan.rows[0]!['QUERY PLAN']);
}

interface Measured { apiMs: number; sqlMs: number; apiPlan: string; sqlPlan: string; rows: number }

/** The API call and its floor for one case on one dataset, checked to return the same rows, and their plans. */
async function prepare(data: Dataset, c: Case) {
  const partner = data.partners[c.who];
  const after = c.deep !== undefined ? await cursorAt(data, c.who, c.deep) : undefined;
  const headers = { ...partner.headers, ...(after ? { 'MS-ContinuationToken': encodeContinuationToken(after, c.criteria) } : {}) };
  const url = c.url ?? `/v1/customers?${queryString(c.criteria)}`;
  const api = async () => {
    const response = await data.t.app.inject({ url, headers });
    if (response.statusCode !== 200) throw new Error(`${c.label}: ${response.statusCode} ${response.body}`);
    return response.json() as { items: { id?: string; country?: string }[] };
  };
  const floor = floorQuery(partner.id, c, after);
  // The same rows, or the comparison means nothing.
  const apiRows = (await api()).items.map((item) => item.id ?? item.country);
  const floorRows = (await floor.execute(data.t.db)).rows.slice(0, c.url ? undefined : size).map((row) => row.id);
  if (JSON.stringify(apiRows) !== JSON.stringify(floorRows)) {
    throw new Error(`${c.label} (${c.who}): the API and the floor disagree: ${apiRows.length} rows against ${floorRows.length}`);
  }
  const apiQuery = c.url ? floor : sql`${visibleCustomersPage(data.t.db, partner.id, c.criteria, { limit: size + 1, after })}`;
  return {
    api,
    sql: () => floor.execute(data.t.db),
    apiPlan: await explain(data.t.db, apiQuery),
    sqlPlan: await explain(data.t.db, floor),
    rows: apiRows.length,
  };
}

// ---------------------------------------------------------------------------------------------------

// Both datasets stay open, and each case's four calls (API and SQL, at 10k and at scale) take turns:
// the machine's load then weighs on the four alike, and the ratios compare the same moments.
const datasets: Dataset[] = [];
for (const total of [baseTotal, scaleTotal]) {
  console.log(`seeding ${total.toLocaleString('en-US')} customers on ${dbKind} ...`);
  const data = await seed(total);
  datasets.push(data);
  console.log(`\n  seeded in ${data.seededSeconds.toFixed(1)} s (big ${data.partners.big.customers}, small ${data.partners.small.customers}, tiny ${data.partners.tiny.customers})`);
}
const [base, scale] = datasets as [Dataset, Dataset];
const serverVersion = (await sql<{ v: string }>`select version() as v`.execute(scale.t.db)).rows[0]!.v;
const runs = datasets.map((data) => ({ total: data.total, seededSeconds: data.seededSeconds, partners: { big: data.partners.big.customers, small: data.partners.small.customers, tiny: data.partners.tiny.customers } }));
const loadBefore = os.loadavg();
const results: { label: string; who: Who; info: boolean; base: Measured; scale: Measured }[] = [];
for (const c of cases) {
  const [b, s] = [await prepare(base, c), await prepare(scale, c)];
  // Fewer rounds for a slow call (at least 5), so that 4-second calls do not take the run's hour.
  const [baseApi, scaleApi, baseSql, scaleSql] = await interleavedMediansMs([b.api, s.api, b.sql, s.sql], {
    rounds: (slowestMs) => Math.max(5, Math.min(maxRounds, Math.floor(budgetMs / Math.max(slowestMs, 0.01)))),
  });
  const measured = (p: typeof b, apiMs: number, sqlMs: number): Measured => ({ apiMs, sqlMs, apiPlan: p.apiPlan, sqlPlan: p.sqlPlan, rows: p.rows });
  results.push({ label: c.label, who: c.who, info: c.info ?? false, base: measured(b, baseApi!, baseSql!), scale: measured(s, scaleApi!, scaleSql!) });
  console.log(`  ${c.who.padEnd(5)} ${c.label.padEnd(40)} API ${scaleApi!.toFixed(2).padStart(9)} ms  SQL ${scaleSql!.toFixed(2).padStart(9)} ms  (${s.rows} rows; API: ${s.apiPlan}; SQL: ${s.sqlPlan})`);
}
const loadAfter = os.loadavg();
await base.t.close();
if (keep && scale.t.database.schema) {
  console.log(`  kept: search_path=${scale.t.database.schema} (drop schema ${scale.t.database.schema} cascade, when done)`);
  await scale.t.app.close();
  await scale.t.database.db.destroy();
} else {
  await scale.t.close();
}

// ---------------------------------------------------------------------------------------------------

const API_OVER_SQL = 3;
const SCALE_OVER_BASE = 2;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
const rows = results.map((r) => {
  const apiOverSql = r.scale.apiMs / r.scale.sqlMs;
  const scaleOverBase = r.scale.apiMs / r.base.apiMs;
  const met = apiOverSql <= API_OVER_SQL && scaleOverBase <= SCALE_OVER_BASE;
  return { ...r, apiOverSql, scaleOverBase, met };
});
const dbName = dbKind === 'postgres' ? 'PostgreSQL' : 'PGlite';
const command = `${smoke ? 'BENCH_SMOKE=1 ' : ''}${process.env.BENCH_SCALE_CUSTOMERS ? `BENCH_SCALE_CUSTOMERS=${scaleTotal} ` : ''}${dbKind === 'postgres' ? 'TEST_DB=postgres TEST_DATABASE_URL=... ' : ''}node --import tsx bench/customers-scale.ts`;
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}, Node ${process.version}`;

const table = [
  `| partner | call | API ${k(scaleTotal)} | SQL ${k(scaleTotal)} | API ÷ SQL | API ${k(baseTotal)} | SQL ${k(baseTotal)} | ${k(scaleTotal)} ÷ ${k(baseTotal)} | target | SQL plan at ${k(scaleTotal)} (API's plan if other) |`,
  '|---|---|--:|--:|--:|--:|--:|--:|:-:|---|',
  ...rows.map((r) => `| ${r.who} | ${r.label} | ${fmt(r.scale.apiMs)} ms | ${fmt(r.scale.sqlMs)} ms | ${r.apiOverSql.toFixed(2)} | ${fmt(r.base.apiMs)} ms | ${fmt(r.base.sqlMs)} ms | ${r.scaleOverBase.toFixed(2)} | ${r.info ? 'info' : r.met ? 'met' : '**missed**'} | ${r.scale.sqlPlan}${r.scale.apiPlan === r.scale.sqlPlan ? '' : ` (API: ${r.scale.apiPlan})`} |`),
].join('\n');
const missed = rows.filter((r) => !r.info && !r.met);
const summary = missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.map((r) => `${r.who} ${r.label}`).join('; ')}.`;
const markdown = `# Customers at scale, ${dbName}

${machine}; ${serverVersion.split(',')[0]}; load average ${loadBefore[0]!.toFixed(1)} before the measurements, ${loadAfter[0]!.toFixed(1)} after.
\`${command}\` — ${size} per page, medians; seeded ${runs.map((r) => `${r.total.toLocaleString('en-US')} in ${r.seededSeconds.toFixed(1)} s (big partner ${r.partners.big}, small ${r.partners.small}, tiny ${r.partners.tiny})`).join('; ')}.
Targets: API ÷ SQL ≤ ${API_OVER_SQL}, ${k(scaleTotal)} ÷ ${k(baseTotal)} ≤ ${SCALE_OVER_BASE}. ${summary}

${table}
`;
console.log(`\n${markdown}`);

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `customers-scale-${dbKind}${smoke ? '-smoke' : ''}`);
fs.writeFileSync(`${file}.md`, markdown);
fs.writeFileSync(`${file}.json`, `${JSON.stringify({ db: dbKind, server: serverVersion, machine, loadAverage: { before: loadBefore, after: loadAfter }, command, date: new Date().toISOString(), size, targets: { apiOverSql: API_OVER_SQL, scaleOverBase: SCALE_OVER_BASE }, runs, results: rows }, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}.md and .json`);
