/**
 * The portal's own files (issue 8, the portal as a person feels it): a signed-in browser fetches a
 * dozen chunks at a cold load, each with the session cookie. Looking up the session for each put every
 * file behind a database query (on PGlite, one connection: one after the other), a hundred
 * milliseconds and more before the first byte of each chunk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { testConfig } from '#test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts';
import { createPartner, createUser, FACTORY_PASSWORD, signIn } from '#test/factories.ts';

/** Counts the queries the app sends (observes them; the database still answers them). */
function counting(): KyselyPlugin & { queries: number } {
  const plugin = {
    queries: 0,
    transformQuery<T>(args: { node: T }): T {
      plugin.queries++;
      return args.node;
    },
    transformResult: async <R>(args: { result: R }) => args.result,
  };
  return plugin;
}

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let webRoot: string;
const queries = counting();

beforeAll(async () => {
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'pd-portal-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(webRoot, 'assets/app-abc123.js'), 'export const answer = 42;\n');
  database = await createTestDatabase();
  const config = testConfig();
  await applyInstanceConfig(database.db, config);
  app = await buildApp({ config, db: database.db.withPlugin(queries), webRoot });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe("the portal's files", () => {
  it('are sent to a signed-in browser without a database query', async () => {
    const partner = await createPartner(database.db);
    const user = await createUser(database.db, { partnerId: partner.id, roles: ['admin_agent'] });
    const { cookie } = await signIn(app, user.email, FACTORY_PASSWORD);

    const before = queries.queries;
    const response = await app.inject({ url: '/assets/app-abc123.js', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('answer = 42');
    expect(queries.queries - before).toBe(0);

    // The API still knows who is calling.
    const session = await app.inject({ url: '/api/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(queries.queries - before).toBeGreaterThan(0);
  });
});
