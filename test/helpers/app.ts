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

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ PARTNERDESK_DEMO_DATA: 'never', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://partnerdesk.test', ...overrides });
}

/** The app over a fresh database, for `app.inject` tests. One per test file. `adapters` fix the clock or the ids, or collect the routes. */
export async function createTestApp(overrides: Record<string, string> = {}, adapters: Pick<AppDeps, 'clock' | 'ids' | 'onRoute'> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  await applyInstanceConfig(database.db, config);
  const app = await buildApp({ config, db: database.db, webRoot: '/nonexistent', ...adapters });
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
