/**
 * Issue 8 §3, SPEC §9 "Nothing acknowledged is ever lost": a real server process takes a stream of
 * onboardings (customer, agreement, 2-line order), each with its own MS-RequestId, and is killed with
 * SIGKILL in the middle of it. On the same data (PostgreSQL, or a PGlite data directory whose pid lock
 * the dead process left behind): every acknowledged onboarding is whole, none is partial, and retrying
 * every request with its MS-RequestId creates each customer exactly once, the acknowledged ones
 * answered with the first answer (the one-time password included).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Executor } from '#db/database.ts';
import { migrate } from '#db/migrate.ts';
import { loadConfig } from '#server/config.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { processDatabase, startServerProcess, type ProcessDatabase, type ServerProcess } from '#test/helpers/processes.ts';
import { createOffer, createTemplate, onboardingBody, type OnboardingBody } from './onboarding-fixtures.ts';

/** How many onboardings the stream holds, how many go at once, and after how many answers the server dies. */
const STREAM = 48;
const CONCURRENCY = 6;
const KILL_AFTER_ACKS = 12;

interface Submission { requestId: string; body: OnboardingBody; domain: string }
type Fate = { kind: 'acknowledged'; status: number; body: OnboardedBody } | { kind: 'lost' } | { kind: 'unsent' };
interface OnboardedBody { customer: { id: string }; order: { id: string }; userCredentials: { password: string } }

let database: ProcessDatabase;
let env: Record<string, string>;
let partnerId: string;
let userEmail: string;
let offers: string[];
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await processDatabase('pd_crash');
  env = {
    ...database.env,
    PARTNERDESK_DEMO_DATA: 'never',
    // The key that seals stored answers, so that a replay after the restart can open them.
    PARTNERDESK_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    // The stream and its retries come from one partner in well under a minute.
    API_RATE_LIMIT_PER_MINUTE: '0',
  };
  // The operator's setup, before any server holds the data directory.
  const handle = await openDatabase(database.target);
  try {
    await migrate(handle);
    await applyInstanceConfig(handle.db, loadConfig(env));
    const partner = await createPartner(handle.db, { kind: 'direct' });
    partnerId = partner.id;
    userEmail = (await createUser(handle.db, { partnerId, roles: ['admin_agent'] })).email;
    await createTemplate(handle.db);
    offers = [(await createOffer(handle.db)).id, (await createOffer(handle.db)).id];
  } finally {
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  await database?.remove();
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  servers.push(server);
  return server;
}

async function bearer(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: userEmail, password: FACTORY_PASSWORD }) });
  expect(response.status).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { access_token: string }).access_token}` };
}

function submit(url: string, headers: Record<string, string>, submission: Submission) {
  return fetch(`${url}/v1/onboardings`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'MS-RequestId': submission.requestId },
    body: JSON.stringify(submission.body),
  });
}

/**
 * Sends the stream CONCURRENCY at a time and kills the server with SIGKILL as soon as KILL_AFTER_ACKS
 * answers have come back, while the next onboardings are in flight (some mid-transaction).
 */
async function streamUntilKilled(server: ServerProcess, headers: Record<string, string>, submissions: Submission[]): Promise<Fate[]> {
  const fates: Fate[] = submissions.map(() => ({ kind: 'unsent' }));
  let next = 0;
  let acks = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < submissions.length) {
      const index = next++;
      try {
        const response = await submit(server.url, headers, submissions[index]!);
        const body = (await response.json()) as OnboardedBody;
        fates[index] = { kind: 'acknowledged', status: response.status, body };
        if (++acks === KILL_AFTER_ACKS) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch {
        // The connection died with the server: this client never learnt the outcome.
        fates[index] = { kind: 'lost' };
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await server.exited;
  return fates;
}

interface CustomerRecord {
  id: string;
  domain: string;
  relationships: number;
  agreements: number;
  orders: { lines: number; subscriptions: number }[];
  audit: string[];
  idempotency: (number | null)[];
}

/** What the database holds for each customer of the partner, and the records that belong to no customer. */
async function inventory(db: Executor) {
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'domain'])
    .where('created_by_partner_id', '=', partnerId)
    .execute();
  const records: CustomerRecord[] = [];
  for (const customer of customers) {
    const orders = await db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).execute();
    records.push({
      ...customer,
      relationships: (await db.selectFrom('customer_relationships').select('partner_id').where('customer_id', '=', customer.id).where('partner_id', '=', partnerId).execute()).length,
      agreements: (await db.selectFrom('agreement_confirmations').select('id').where('customer_id', '=', customer.id).execute()).length,
      orders: await Promise.all(
        orders.map(async (order) => ({
          lines: (await db.selectFrom('order_line_items').select('line_item_number').where('order_id', '=', order.id).execute()).length,
          subscriptions: (await db.selectFrom('subscriptions').select('id').where('order_id', '=', order.id).execute()).length,
        })),
      ),
      audit: (await db.selectFrom('audit_records').select('operation_type').where('customer_id', '=', customer.id).execute()).map((row) => row.operation_type).sort(),
      idempotency: [],
    });
  }
  const registered = await db.selectFrom('domain_registry').select(['domain', 'customer_id']).execute();
  const idempotency = await db.selectFrom('idempotency_records').select(['request_id', 'status_code', 'response_encrypted']).where('partner_id', '=', partnerId).execute();
  const orphans = {
    // A domain held by no customer would be lost for ever (a taken domain never frees up).
    domains: registered.filter((row) => !customers.some((customer) => customer.id === row.customer_id)).map((row) => row.domain),
    orders: (await db.selectFrom('orders').leftJoin('customers', 'customers.id', 'orders.customer_id').select('orders.id').where('orders.partner_id', '=', partnerId).where('customers.id', 'is', null).execute()).length,
    // A claimed key without its answer would block its retry for 24 hours.
    unanswered: idempotency.filter((row) => row.status_code === null || row.response_encrypted === null).map((row) => row.request_id),
  };
  return { customers: records, idempotency, orphans };
}

/** Each customer has all of an onboarding: relationship, agreement, one order with 2 lines and their subscriptions, the audit trail. */
function expectWhole(record: CustomerRecord) {
  expect(record, record.domain).toMatchObject({
    relationships: 1,
    agreements: 1,
    orders: [{ lines: 2, subscriptions: 2 }],
    audit: ['add_customer', 'create_customer_agreement', 'create_order', 'onboard_customer'],
  });
}

async function checkDatabase(submissions: Submission[], fates: Fate[], { afterRetries }: { afterRetries: boolean }) {
  // On PGlite this opens the directory the killed process had locked: the stale lock is taken over.
  const handle = await openDatabase(database.target);
  try {
    const { customers, idempotency, orphans } = await inventory(handle.db);
    expect(orphans).toEqual({ domains: [], orders: 0, unanswered: [] });
    for (const record of customers) expectWhole(record);
    const byDomain = new Map(customers.map((record) => [record.domain, record]));
    expect(byDomain.size, 'one customer per domain').toBe(customers.length);
    for (const [index, submission] of submissions.entries()) {
      const fate = fates[index]!;
      const record = byDomain.get(submission.domain);
      if (fate.kind === 'acknowledged') expect(record?.id, `acknowledged ${submission.domain}`).toBe(fate.body.customer.id);
      if (afterRetries) {
        expect(record, `retried ${submission.domain}`).toBeDefined();
        expect(idempotency.filter((row) => row.request_id === submission.requestId).map((row) => row.status_code)).toEqual([201]);
      } else if (fate.kind === 'unsent') {
        expect(record, `never sent ${submission.domain}`).toBeUndefined();
      }
    }
    // Nothing but the stream's customers.
    expect(customers.every((record) => submissions.some((submission) => submission.domain === record.domain))).toBe(true);
    return customers.length;
  } finally {
    await handle.close();
  }
}

describe('SIGKILL in the middle of a stream of onboardings', () => {
  it('keeps every acknowledged onboarding whole, none partial, and each retry creates its customer exactly once', async () => {
    const submissions: Submission[] = Array.from({ length: STREAM }, () => {
      const body = onboardingBody([{ offerId: offers[0]!, quantity: 2 }, { offerId: offers[1]!, quantity: 3 }]);
      return { requestId: randomUUID(), body, domain: body.companyProfile.domain };
    });

    const first = await start();
    const fates = await streamUntilKilled(first, await bearer(first.url), submissions);
    expect(first.child.signalCode).toBe('SIGKILL');
    const acknowledged = fates.filter((fate) => fate.kind === 'acknowledged');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    for (const fate of acknowledged) expect(fate.status).toBe(201);
    expect(fates.some((fate) => fate.kind !== 'acknowledged'), 'the kill left some onboardings unanswered').toBe(true);

    const afterCrash = await checkDatabase(submissions, fates, { afterRetries: false });
    expect(afterCrash).toBeGreaterThanOrEqual(acknowledged.length);

    // Restarted on the same data, every request is retried with its MS-RequestId, twice.
    const second = await start();
    const headers = await bearer(second.url);
    for (let round = 0; round < 2; round++) {
      const answers = await Promise.all(submissions.map((submission) => submit(second.url, headers, submission)));
      for (const [index, response] of answers.entries()) {
        const fate = fates[index]!;
        const body = (await response.json()) as OnboardedBody;
        expect(response.status, JSON.stringify(body)).toBe(201);
        if (fate.kind === 'acknowledged') {
          expect(response.headers.get('idempotent-replayed')).toBe('true');
          expect(body).toEqual(fate.body);
        } else {
          // Never answered before the kill: created now (or replayed, had it committed); the second round replays it.
          fates[index] = { kind: 'acknowledged', status: response.status, body };
        }
      }
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect(await checkDatabase(submissions, fates, { afterRetries: true })).toBe(STREAM);
  }, 240_000);
});
