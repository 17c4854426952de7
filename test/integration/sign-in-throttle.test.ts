import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/database.ts';
import { buildApp, type App } from '#server/app.ts';
import { passwordHasher, type PasswordHasher } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { createPartner, createUser } from '#test/factories.ts';

// The real hasher, watched: how many passwords the server checked is what a guessing attacker gets.
let verifications = 0;
const countingHasher: PasswordHasher = {
  ...passwordHasher,
  verify: (password, stored) => {
    verifications++;
    return passwordHasher.verify(password, stored);
  },
};

const LIMITS = { SIGN_IN_MAX_FAILURES: '5', SIGN_IN_ACCOUNT_MAX_FAILURES: '12', SIGN_IN_ADDRESS_MAX_FAILURES: '15' };

let t: TestApp;
/** A second server process on the same database: its own app and, on PostgreSQL, its own connection pool. */
let second: { app: App; database?: DatabaseHandle };
beforeAll(async () => {
  t = await createTestApp(LIMITS, { hasher: countingHasher });
  const url = process.env.TEST_DATABASE_URL;
  const database = testDatabaseKind() === 'postgres' && url ? await openDatabase({ kind: 'postgres', url, schema: t.database.schema, poolSize: 10 }) : undefined;
  const app = await buildApp({ config: t.config, db: database?.db ?? t.db, webRoot: '/nonexistent', hasher: countingHasher });
  await app.ready();
  second = database ? { app, database } : { app };
});
afterAll(async () => {
  await second.app.close();
  await second.database?.close();
  await t.close();
});

async function guessAtOnce(guesses: { email: string; address: string }[]) {
  verifications = 0;
  const responses = await Promise.all(
    guesses.map(({ email, address }, i) =>
      (i % 2 === 0 ? t.app : second.app).inject({ method: 'POST', url: '/api/session', remoteAddress: address, payload: { email, password: `guess-${i}` } }),
    ),
  );
  const statuses = responses.map((response) => response.statusCode);
  expect(statuses.every((status) => status === 401 || status === 429), statuses.join()).toBe(true);
  return { checked: verifications, refused: statuses.filter((status) => status === 429).length };
}

describe('sign-in throttle under concurrent guesses (two servers, one database)', () => {
  it('checks at most SIGN_IN_MAX_FAILURES passwords of 50 concurrent guesses for one account from one address', async () => {
    const partner = await createPartner(t.db);
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['sales_agent'] });
    const { checked, refused } = await guessAtOnce(Array.from({ length: 50 }, () => ({ email: user.email, address: '192.0.2.10' })));
    expect(checked).toBeLessThanOrEqual(5);
    expect(refused).toBeGreaterThanOrEqual(45);
  });

  it('checks at most SIGN_IN_ACCOUNT_MAX_FAILURES passwords of 50 concurrent guesses for one account from 50 addresses', async () => {
    const partner = await createPartner(t.db);
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['sales_agent'] });
    const { checked } = await guessAtOnce(Array.from({ length: 50 }, (_, i) => ({ email: user.email, address: `192.0.2.${100 + i}` })));
    expect(checked).toBeLessThanOrEqual(12);
  });

  it('checks at most SIGN_IN_ADDRESS_MAX_FAILURES passwords of 50 concurrent guesses for 50 unknown emails from one address', async () => {
    const { checked } = await guessAtOnce(Array.from({ length: 50 }, (_, i) => ({ email: `nobody-${i}@spray.example`, address: '192.0.2.20' })));
    // Every checked guess cost a password hash, though none of the emails exists.
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(15);
  });
});
