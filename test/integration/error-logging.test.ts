/**
 * Issue 8: a database error is logged without the statement's bound values. The server's own log
 * (pino, as main.ts configures it) is captured while a write fails in the database: its SQLSTATE and
 * constraint are there, the customer's name, email and phone are not (PGlite puts them in `params`,
 * PostgreSQL in `detail`: "Failing row contains (…)").
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, logRedactions, type App } from '#server/app.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { loggableError } from '#server/lib/pg-errors.ts';
import { testConfig } from '#test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts';
import { customerBody, newCaller, uniquePrefix } from './onboarding-fixtures.ts';

let database: TestDatabase;
let app: App;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = testConfig({ LOG_LEVEL: 'info' });
  await applyInstanceConfig(database.db, config);
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  app = await buildApp({ config, db: database.db, webRoot: '/nonexistent', logger: { level: 'info', redact: { paths: logRedactions, censor: '[redacted]' }, stream } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a database error in a request', () => {
  it('is logged with its code and constraint, and none of the values bound to the statement', async () => {
    const caller = await newCaller({ app, db: database.db, database, config: testConfig(), close: async () => undefined });
    // Every insert of a customer now fails in the database itself: a 500, as a bug would make.
    await sql`alter table customers add constraint forced_failure check (length(company_name) < 0) not valid`.execute(database.db);
    const prefix = uniquePrefix();
    const body = customerBody({ prefix, companyName: `Wingtip Secret ${prefix}` });
    body.billingProfile.email = `dana.secret.${prefix}@wingtip.example`;
    const response = await app.inject({ method: 'POST', url: '/v1/customers', headers: { ...caller.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    await sql`alter table customers drop constraint forced_failure`.execute(database.db);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('forced_failure');

    const log = lines.join('');
    const entry = lines.map((line) => JSON.parse(line) as { msg: string; err?: Record<string, unknown> }).find((line) => line.msg === 'unhandled error');
    expect(entry?.err).toMatchObject({ code: '23514', constraint: 'forced_failure', table: 'customers' });
    for (const value of [body.billingProfile.companyName!, body.billingProfile.email, prefix, 'Whitfield', '4255550100', 'sha256$']) {
      expect(log, value).not.toContain(value);
    }
  });

  it('leaves out the value a data exception quotes in its message', async () => {
    let caught: unknown;
    try {
      await sql`select ${'secret-not-a-uuid'}::uuid`.execute(database.db);
    } catch (error) {
      caught = error;
    }
    const logged = JSON.stringify(loggableError(caught));
    expect(logged).toContain('22P02');
    expect(logged).not.toContain('secret-not-a-uuid');
  });
});
