import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp, type App } from '#server/app.ts';
import type { Clock } from '#server/lib/adapters.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { testConfig } from './app.ts';
import { createTestDatabase } from './db.ts';

/** A clock a test moves: it starts at `start` (now by default) and runs only when told. */
export interface AdjustableClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function adjustableClock(start: Date = new Date()): AdjustableClock {
  let now = start;
  return {
    now: () => now,
    set: (at) => (now = at),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

/**
 * A real server on a random port over a fresh migrated database, serving the built portal (e2e).
 * `beforeListen` may add hooks (the portal's benchmark times every request). `clock` is the one the
 * server uses (expiries, sessions, audit dates): a fixed or `adjustableClock()` one.
 */
export async function startTestServer(overrides: Record<string, string> = {}, beforeListen: (app: App) => void = () => undefined, options: { clock?: Clock } = {}) {
  const database = await createTestDatabase();
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', ...overrides });
  await applyInstanceConfig(database.db, config);
  const app = await buildApp({ config, db: database.db, databaseKind: database.kind, webRoot: path.resolve('dist/web'), ...(options.clock ? { clock: options.clock } : {}) });
  beforeListen(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
