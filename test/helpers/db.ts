import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '#db/database.ts';
import { migrate } from '#db/migrate.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database the integration tests run on: PGlite, or the PostgreSQL at TEST_DATABASE_URL with TEST_DB=postgres. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A schema of its own in TEST_DATABASE_URL, for a test that opens the database itself (a server
 * process, a restart); `drop` removes it with everything in it.
 */
export async function createTestSchema(prefix: string): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  await admin.runScript(`create schema ${schema}`);
  await admin.close();
  return {
    url,
    schema,
    async drop() {
      const cleanup = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
      await cleanup.runScript(`drop schema if exists ${schema} cascade`);
      await cleanup.close();
    },
  };
}

export interface TestDatabase extends DatabaseHandle {
  /** The PostgreSQL schema of this file's database, when on PostgreSQL. */
  schema?: string;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a schema of its own on PostgreSQL,
 * dropped on close so reruns start clean. Tests create their own data with the factories.
 */
export async function createTestDatabase(options: { migrated?: boolean; poolSize?: number } & DatabaseOptions = {}): Promise<TestDatabase> {
  const { migrated, poolSize = 30, ...databaseOptions } = options;
  let handle: TestDatabase;
  if (testDatabaseKind() === 'postgres') {
    const { url, schema, drop } = await createTestSchema('pd_test');
    const inner = await openDatabase({ kind: 'postgres', url, schema, poolSize }, databaseOptions);
    handle = {
      ...inner,
      schema,
      async close() {
        await inner.close();
        await drop();
      },
    };
  } else {
    handle = await openDatabase({ kind: 'pglite', dataDir: 'memory' }, databaseOptions);
  }
  if (migrated !== false) await migrate(handle);
  return handle;
}
