import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '#server/config.ts';
import { buildApp, type App, type AppDeps } from '#server/app.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  db: TestDatabase['db'];
  config: Config;
  close(): Promise<void>;
}

/** The sealing key of this test process's apps: from config, so that no test writes a key file beside ./data. */
export const TEST_ENCRYPTION_KEY = randomBytes(32).toString('base64');

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ PARTNERDESK_DEMO_DATA: 'never', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://partnerdesk.test', PARTNERDESK_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ...overrides });
}

/**
 * The app over a fresh database, for `app.inject` tests. One per test file. `adapters` fix the clock or
 * the ids, watch the password hasher, or collect the routes.
 */
export async function createTestApp(overrides: Record<string, string> = {}, adapters: Pick<AppDeps, 'clock' | 'ids' | 'hasher' | 'onRoute'> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  await applyInstanceConfig(database.db, config);
  const app = await buildApp({ config, db: database.db, databaseKind: database.kind, webRoot: '/nonexistent', ...adapters });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
