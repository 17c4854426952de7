/**
 * What the API rate limit adds to a request (issue 8): the same GET /v1/customers?size=1 through
 * app.inject with the limit on and off, in interleaved blocks over one database, and the counting
 * statement alone. On PostgreSQL (`TEST_DB=postgres TEST_DATABASE_URL=...`) the count is one upsert into
 * api_rate_limits; on PGlite it is in memory. Run: `node --import tsx bench/rate-limit-overhead.ts`.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '#server/app.ts';
import { countRequest } from '#server/lib/rate-limit-store.ts';
import { createTestApp, testConfig } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';

const blocks = Number(process.env.BENCH_BLOCKS ?? 10);
const perBlock = Number(process.env.BENCH_PER_BLOCK ?? 200);

const on = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '1000000' });
const off = await buildApp({ config: testConfig({ API_RATE_LIMIT_PER_MINUTE: '0' }), db: on.db, databaseKind: on.database.kind, webRoot: '/nonexistent' });
const partner = await createPartner(on.db);
const user = await createUser(on.db, { partnerId: partner.id, roles: ['admin_agent'] });
const headers = await bearerFor(off, user.email);

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

async function block(app: typeof off) {
  const times: number[] = [];
  for (let n = 0; n < perBlock; n++) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: '/v1/customers?size=1', headers });
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  }
  return times;
}

await block(on.app);
await block(off);
const withLimit: number[] = [];
const without: number[] = [];
for (let b = 0; b < blocks; b++) {
  withLimit.push(...(await block(on.app)));
  without.push(...(await block(off)));
}
const statement: number[] = [];
for (let n = 0; n < perBlock * 2; n++) {
  const started = performance.now();
  await countRequest(on.db, 'bench:statement', 60_000);
  statement.push(performance.now() - started);
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
console.log(`database: ${on.database.kind}; ${withLimit.length} requests each way, interleaved in blocks of ${perBlock}`);
console.log(`GET /v1/customers?size=1 median: limit on ${ms(median(withLimit))}, off ${ms(median(without))}, added ${ms(median(withLimit) - median(without))}`);
if (on.database.kind === 'postgres') console.log(`the counting upsert alone, median: ${ms(median(statement))}`);

await off.close();
await on.close();
