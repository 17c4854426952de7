/**
 * The server side of bench/onboarding.ts, in a process of its own (started with an IPC channel): a
 * fresh migrated database (in-memory PGlite, or a schema of its own on PostgreSQL), the app listening
 * on a real socket with the production logger (to /dev/null), a partner with an admin agent, two offers
 * and an agreement template. On request it runs the floor on the same database handle: the rows that
 * one API onboarding wrote, cloned with fresh ids and domain, one transaction per onboarding. Every SQL
 * statement is counted through Kysely's log hook; CPU profiles are taken with the inspector.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import type { LogEvent } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { DB } from '#db/schema.ts';
import { buildApp, logRedactions } from '#server/app.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { testConfig, type TestApp } from '#test/helpers/app.ts';
import { createTestDatabase } from '#test/helpers/db.ts';
import { createOffer, createTemplate, newCaller, onboardingBody, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { runClients, type LoadResult } from './load.ts';

export type ToServer =
  | { type: 'floor'; clients: number; seconds: number }
  | { type: 'statements' }
  | { type: 'profile'; action: 'start' }
  | { type: 'profile'; action: 'stop'; file: string }
  | { type: 'stop' };

export interface Ready { type: 'ready'; url: string; headers: Record<string, string>; offerIds: string[]; poolSize: number | null }
/** Since the last `statements` request: the statements, and the CPU time this process used (the app and, on PGlite, the database). */
export interface StatementCounts { total: number; byStatement: Record<string, number>; cpuMs: number }
export type FromServer = Ready | { type: 'floor'; result: LoadResult } | { type: 'statements'; counts: StatementCounts } | { type: 'profile' } | { type: 'error'; message: string };

const send = (message: FromServer) => process.send!(message);

/** Statements by their shape (the SQL text, values are parameters), since the last `statements` request. */
let statements = new Map<string, number>();
let cpuSince = process.cpuUsage();
function countStatement(event: LogEvent) {
  if (event.level !== 'query') return;
  const text = event.query.sql.replace(/\s+/g, ' ').slice(0, 160);
  statements.set(text, (statements.get(text) ?? 0) + 1);
}

const serverEnv = { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', PORT: '0', HOST: '127.0.0.1', ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}) };
// The pool the server would have on PostgreSQL (DATABASE_POOL_SIZE, default 10).
const postgresPool = testConfig({ ...serverEnv, DATABASE_URL: 'postgres://bench' }).database;
const poolSize = process.env.TEST_DB === 'postgres' && postgresPool.kind === 'postgres' ? postgresPool.poolSize : undefined;
const database = await createTestDatabase({ log: countStatement, ...(poolSize ? { poolSize } : {}) });
const config = testConfig(serverEnv);
await applyInstanceConfig(database.db, config);
const app = await buildApp({
  config,
  db: database.db,
  webRoot: '/nonexistent',
  logger: { level: config.logLevel, redact: { paths: logRedactions, censor: '[redacted]' }, stream: fs.createWriteStream('/dev/null') },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const t: TestApp = { app, database, db: database.db, config, close: async () => undefined };

const caller = await newCaller(t, { markets: ['US'], roles: ['admin_agent'] });
const offers = [await createOffer(database.db, { name: 'Bench Business Basic' }), await createOffer(database.db, { name: 'Bench Business Premium' })];
await createTemplate(database.db, { versionRank: 1 });
const lineItems = offers.map((offer, index) => ({ offerId: offer.id, quantity: 5 + index }));

// One onboarding through the API: its rows are what the floor writes again.
const sample = await app.inject({
  method: 'POST',
  url: '/v1/onboardings',
  headers: { ...caller.headers, 'content-type': 'application/json', 'MS-RequestId': randomUUID() },
  payload: JSON.stringify(onboardingBody(lineItems)),
});
if (sample.statusCode !== 201) throw new Error(`the sample onboarding failed: ${sample.statusCode} ${sample.body}`);
const template = await rowsOfOnboarding(database.db, (sample.json() as { customer: { id: string } }).customer.id);

type Rows = { [K in keyof DB]?: Record<string, unknown>[] };
/** In the order a transaction can insert them (foreign keys). */
const tables = ['domain_registry', 'customers', 'customer_relationships', 'agreement_confirmations', 'orders', 'subscriptions', 'order_line_items', 'audit_records', 'idempotency_records'] as const;

/** Every row that one onboarding wrote, table by table. */
async function rowsOfOnboarding(db: Executor, customerId: string): Promise<Rows> {
  const customer = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow();
  const orderIds = (await db.selectFrom('orders').select('id').where('customer_id', '=', customerId).execute()).map((row) => row.id);
  const audit = await db.selectFrom('audit_records').selectAll().where('customer_id', '=', customerId).execute();
  const requestId = audit[0]?.request_id;
  if (!requestId) throw new Error('the sample onboarding left no audit record with its MS-RequestId');
  return {
    domain_registry: await db.selectFrom('domain_registry').selectAll().where('customer_id', '=', customerId).execute(),
    customers: [customer],
    customer_relationships: await db.selectFrom('customer_relationships').selectAll().where('customer_id', '=', customerId).execute(),
    agreement_confirmations: await db.selectFrom('agreement_confirmations').selectAll().where('customer_id', '=', customerId).execute(),
    orders: await db.selectFrom('orders').selectAll().where('customer_id', '=', customerId).execute(),
    subscriptions: await db.selectFrom('subscriptions').selectAll().where('customer_id', '=', customerId).execute(),
    order_line_items: await db.selectFrom('order_line_items').selectAll().where('order_id', 'in', orderIds).execute(),
    audit_records: audit.map((row) => ({ ...row, new_value: JSON.stringify(row.new_value) })),
    idempotency_records: await db.selectFrom('idempotency_records').selectAll().where('request_id', '=', requestId).execute(),
  };
}

/** The sample's rows with fresh ids, domain and MS-RequestId (the partner, user, offers and template stay). */
function cloneRows(rows: Rows): Rows {
  const fresh = new Map<unknown, string>();
  for (const table of tables) for (const row of rows[table] ?? []) if (typeof row.id === 'string') fresh.set(row.id, randomUUID());
  const customer = rows.customers![0]!;
  const domain = `${uniquePrefix('floor')}.onmicrosoft.com`;
  fresh.set(customer.commerce_id, randomUUID());
  fresh.set(customer.domain, domain);
  fresh.set(rows.idempotency_records![0]!.request_id, randomUUID());
  const cloned: Rows = {};
  for (const table of tables) {
    cloned[table] = (rows[table] ?? []).map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, fresh.get(value) ?? value])));
  }
  return cloned;
}

/** The floor: the same rows straight through the driver, one statement per table, one transaction. */
async function writeFloorOnboarding() {
  const rows = cloneRows(template);
  await database.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const values = rows[table];
      // The rows came out of these very tables: their shapes are the tables'.
      if (values && values.length > 0) await trx.insertInto(table).values(values as never).execute();
    }
  });
}

let profiler: Session | undefined;

process.on('message', (message: ToServer) => {
  void (async () => {
    switch (message.type) {
      case 'floor':
        send({ type: 'floor', result: await runClients(message.clients, message.seconds, writeFloorOnboarding) });
        return;
      case 'statements':
        {
          const cpu = process.cpuUsage(cpuSince);
          send({ type: 'statements', counts: { total: [...statements.values()].reduce((a, b) => a + b, 0), byStatement: Object.fromEntries(statements), cpuMs: (cpu.user + cpu.system) / 1000 } });
          statements = new Map();
          cpuSince = process.cpuUsage();
        }
        return;
      case 'profile':
        if (message.action === 'start') {
          profiler = new Session();
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
        } else if (profiler) {
          const { profile } = await profiler.post('Profiler.stop');
          fs.writeFileSync(message.file, JSON.stringify(profile));
          profiler.disconnect();
          profiler = undefined;
        }
        send({ type: 'profile' });
        return;
      case 'stop':
        await app.close();
        await database.close();
        process.exit(0);
    }
  })().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});

send({ type: 'ready', url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, headers: caller.headers, offerIds: offers.map((offer) => offer.id), poolSize: poolSize ?? null });
