/**
 * Issue 8: the key that seals stored responses (which hold temporary passwords) is kept outside the
 * database: a dump or backup of the database never holds it. A key file beside the data, made once;
 * an older version's key in the database moved out to it; rotation; a wrong or missing key stops the
 * start with a sentence saying what to do. Each test restarts "the server" over the same database:
 * a file-backed PGlite directory, or a schema of its own on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/database.ts';
import { migrate } from '#db/migrate.ts';
import { buildApp, type App } from '#server/app.ts';
import { applyInstanceConfig, loadKeyring } from '#server/bootstrap.ts';
import { loadConfig } from '#server/config.ts';
import { keyId, KeyringError, readKeyFile } from '#server/lib/keyring.ts';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';
import { createTestSchema, testDatabaseKind } from '#test/helpers/db.ts';
import { runCli } from '#test/helpers/processes.ts';
import { customerBody } from './onboarding-fixtures.ts';

const onPostgres = testDatabaseKind() === 'postgres';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** One installation: its database (reopened at each start), its directory for the key file. */
async function installation() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerdesk-keys-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  let env: Record<string, string> = { PARTNERDESK_DATA_DIR: dataDir };
  if (onPostgres) {
    const { url, schema, drop } = await createTestSchema('pd_keys');
    cleanups.push(drop);
    // On PostgreSQL the key file would default to the working directory: this one's is in the test's.
    env = { DATABASE_URL: url, DATABASE_SCHEMA: schema, PARTNERDESK_KEY_FILE: path.join(dir, 'partnerdesk.key') };
  }
  const config = (extra: Record<string, string> = {}) => loadConfig({ PARTNERDESK_DEMO_DATA: 'never', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://partnerdesk.test', ...env, ...extra });
  const keyFile = onPostgres ? path.join(dir, 'partnerdesk.key') : `${dataDir}.key`;
  return { dir, dataDir, env, keyFile, config };
}
type Installation = Awaited<ReturnType<typeof installation>>;

interface Running { app: App; handle: DatabaseHandle; stop(): Promise<void> }

/** Starts "the server" as main.ts does (open, migrate, instance config, build); the caller stops it. */
async function start(site: Installation, extra: Record<string, string> = {}): Promise<Running> {
  const config = site.config(extra);
  const handle = await openDatabase(config.database);
  try {
    await migrate(handle);
    await applyInstanceConfig(handle.db, config);
    const app = await buildApp({ config, db: handle.db, webRoot: '/nonexistent' });
    await app.ready();
    return { app, handle, stop: async () => { await app.close(); await handle.close(); } };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Opens the database alone (no app, so no keys), for a look or a change, and closes it. */
async function withDatabase<T>(site: Installation, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(site.config().database);
  try {
    await migrate(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function callerOf(server: Running) {
  const partner = await createPartner(server.handle.db);
  const user = await createUser(server.handle.db, { partnerId: partner.id, roles: ['admin_agent'] });
  return { email: user.email, headers: await bearerFor(server.app, user.email) };
}

async function createCustomer(server: Running, headers: Record<string, string>, body: unknown, requestId: string) {
  return server.app.inject({ method: 'POST', url: '/v1/customers', headers: { ...headers, 'content-type': 'application/json', 'MS-RequestId': requestId }, payload: JSON.stringify(body) });
}

/** A start, a caller, and one customer created with an MS-RequestId: an answer sealed and stored. */
async function startWithAnswer(site: Installation, extra: Record<string, string> = {}) {
  const server = await start(site, extra);
  const { email } = await callerOf(server);
  const body = customerBody();
  const requestId = randomUUID();
  const created = await createCustomer(server, await bearerFor(server.app, email), body, requestId);
  expect(created.statusCode, created.body).toBe(201);
  return { server, email, body, requestId, created };
}

/** The same request again after a restart: the first answer, opened. */
async function expectReplay(server: Running, first: Awaited<ReturnType<typeof startWithAnswer>>) {
  const replay = await createCustomer(server, await bearerFor(server.app, first.email), first.body, first.requestId);
  expect(replay.statusCode, replay.body).toBe(201);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.json()).toEqual(first.created.json());
}

async function sealedOf(db: DatabaseHandle['db'], requestId: string): Promise<string> {
  const row = await db.selectFrom('idempotency_records').select('response_encrypted').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  return row.response_encrypted!;
}

/** Every row of every table of the database as text, as a dump shows it. */
async function dump(db: DatabaseHandle['db']): Promise<string> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const rows: string[] = [];
  for (const { name } of tables.rows) {
    const result = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    rows.push(...result.rows.map((r) => `${name}: ${r.row}`));
  }
  return rows.join('\n');
}

/** The forms a 32-byte key could take in a dump. */
const spellings = (key: Buffer) => [key.toString('base64'), key.toString('base64url'), key.toString('hex')];

/** File-backed PGlite takes seconds to open, and each test opens it several times. */
const slow = { timeout: 180_000 };

describe('the sealing key, kept outside the database', slow, () => {
  it('is made once in a key file beside the data (mode 0600), no table holds it, and a restart opens what it sealed', async () => {
    const site = await installation();
    const answer = await startWithAnswer(site);
    const first = answer.server;
    const keys = readKeyFile(site.keyFile);
    expect(keys).toHaveLength(1);
    if (!onPostgres) expect(path.dirname(site.keyFile)).toBe(path.dirname(site.dataDir));
    expect(fs.statSync(site.keyFile).mode & 0o777).toBe(0o600);
    const everything = await dump(first.handle.db);
    expect(everything).toContain('idempotency_records: (');
    for (const spelling of spellings(keys![0]!)) expect(everything).not.toContain(spelling);
    const keyFileBefore = fs.readFileSync(site.keyFile, 'utf8');
    await first.stop();

    const second = await start(site);
    await expectReplay(second, answer);
    expect(fs.readFileSync(site.keyFile, 'utf8')).toBe(keyFileBefore);
    await second.stop();
  });

  it('moves the key an earlier version kept in the database out to the key file, and still opens what it sealed', async () => {
    const site = await installation();
    const oldKey = randomBytes(32);
    const answer = await startWithAnswer(site, { PARTNERDESK_ENCRYPTION_KEY: oldKey.toString('base64') });
    const { requestId, created } = answer;
    await answer.server.stop();
    // As the earlier version left it: the key in `settings`, the answer sealed in the v1 format.
    await withDatabase(site, async ({ db }) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', oldKey, iv);
      const sealedBody = Buffer.concat([cipher.update(JSON.stringify({ status: 201, body: created.json() }), 'utf8'), cipher.final()]);
      const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealedBody.toString('base64url')].join('.');
      await db.updateTable('idempotency_records').set({ response_encrypted: v1 }).where('request_id', '=', requestId).execute();
      await db.insertInto('settings').values({ key: 'encryption_key', value: oldKey.toString('base64') }).execute();
    });

    const upgraded = await start(site);
    expect(readKeyFile(site.keyFile)).toEqual([oldKey]);
    expect(await upgraded.handle.db.selectFrom('settings').select('key').where('key', '=', 'encryption_key').execute()).toEqual([]);
    for (const spelling of spellings(oldKey)) expect(await dump(upgraded.handle.db)).not.toContain(spelling);
    await expectReplay(upgraded, answer);
    await upgraded.stop();
  });
});

describe('rotation', slow, () => {
  it('keeps opening what the old key sealed, seals with the new one, and refuses a start without a key still needed', async () => {
    const site = await installation();
    const answer = await startWithAnswer(site);
    const first = answer.server;
    const [key1] = readKeyFile(site.keyFile)!;
    expect(await sealedOf(first.handle.db, answer.requestId)).toMatch(new RegExp(`^v2\\.${keyId(key1!)}\\.`));

    // While the server runs (PGlite holds its data directory): rotation touches only the key file.
    const rotated = await runCli(['keys', 'rotate'], { ...site.env, PARTNERDESK_DEMO_DATA: 'never' });
    expect(rotated.code, rotated.stderr).toBe(0);
    const [key2, stillKey1] = readKeyFile(site.keyFile)!;
    expect(stillKey1).toEqual(key1);
    expect(rotated.stdout).toContain(`Added key ${keyId(key2!)}`);
    await first.stop();

    const second = await start(site);
    await expectReplay(second, answer);
    const headers = await bearerFor(second.app, answer.email);
    const afterId = randomUUID();
    expect((await createCustomer(second, headers, customerBody(), afterId)).statusCode).toBe(201);
    expect(await sealedOf(second.handle.db, afterId)).toMatch(new RegExp(`^v2\\.${keyId(key2!)}\\.`));
    await second.stop();

    // Key 1 dropped while an answer it sealed has not expired: the start says so and how to fix it.
    const keepKey1 = fs.readFileSync(site.keyFile, 'utf8');
    fs.writeFileSync(site.keyFile, keepKey1.replace(`${key1!.toString('base64')}\n`, ''));
    await expect(start(site)).rejects.toThrow(KeyringError);
    await expect(start(site)).rejects.toThrow(`sealed with a key this server does not have (key id ${keyId(key1!)})`);
    // Once they have expired (24 hours), key 1 is not needed any more.
    await withDatabase(site, async (handle) => {
      const config = site.config();
      await expect(loadKeyring(handle.db, config, new Date(Date.now() + 25 * 3_600_000))).resolves.toMatchObject({ current: { id: keyId(key2!) } });
    });
  });

  it('takes PARTNERDESK_ENCRYPTION_KEY as a list, newest first: the first seals, every one opens', async () => {
    const site = await installation();
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const answer = await startWithAnswer(site, { PARTNERDESK_ENCRYPTION_KEY: a.toString('base64') });
    await answer.server.stop();
    const second = await start(site, { PARTNERDESK_ENCRYPTION_KEY: `${b.toString('base64')}, ${a.toString('base64')}` });
    await expectReplay(second, answer);
    const headers = await bearerFor(second.app, answer.email);
    const newer = randomUUID();
    await createCustomer(second, headers, customerBody(), newer);
    expect(await sealedOf(second.handle.db, newer)).toMatch(new RegExp(`^v2\\.${keyId(b)}\\.`));
    // With a key from config, no key file is made.
    expect(fs.existsSync(site.keyFile)).toBe(false);
    await second.stop();
  });
});

describe('a wrong or missing key', slow, () => {
  it('stops `partnerdesk serve` with exit code 2 and a sentence saying what to do, not a stack trace', async () => {
    const site = await installation();
    await (await startWithAnswer(site)).server.stop();
    const [key] = readKeyFile(site.keyFile)!;

    const wrong = randomBytes(32);
    fs.rmSync(site.keyFile);
    const result = await runCli(['serve'], { ...site.env, PARTNERDESK_DEMO_DATA: 'never', PARTNERDESK_ENCRYPTION_KEY: wrong.toString('base64'), HOST: '127.0.0.1', PORT: '0' });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Stored answers in this database are sealed with a key this server does not have \\(key id ${keyId(key!)}\\), until \\S+Z\\. ` +
          `The keys come from PARTNERDESK_ENCRYPTION_KEY and the key file ${site.keyFile.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(this server's key ids: ${keyId(wrong)}\\)\\. ` +
          'Servers sharing one database must share their keys',
      ),
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // Nothing was written: the wrong key made no key file.
    expect(fs.existsSync(site.keyFile)).toBe(false);
  });

  it('refuses a key file that is not one, naming the line', async () => {
    const site = await installation();
    fs.mkdirSync(path.dirname(site.keyFile), { recursive: true });
    fs.writeFileSync(site.keyFile, '# keys\nnot-a-key\n', { mode: 0o600 });
    await expect(start(site)).rejects.toThrow(`The key file ${site.keyFile} is not valid: line 2 is not a key (32 bytes, base64).`);
  });
});
