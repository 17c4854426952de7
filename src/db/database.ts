import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type KyselyConfig, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Db = Kysely<DB>;
/** A query executor: the database itself or an open transaction. Repositories take one of these. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (migrations) on one connection. */
  runScript(sql: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; schema?: string | undefined; poolSize?: number | undefined }
  | { kind: 'pglite'; dataDir: string | 'memory' };

/** Kysely's query log (the benchmarks count statements with it); none by default. */
export interface DatabaseOptions { log?: KyselyConfig['log'] }

// Postgres returns bigint (int8) and numeric as strings; keep numeric a string (money), count(*) too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target, options) : openPglite(target.dataDir, options);
}

function openPostgres(target: { url: string; schema?: string | undefined; poolSize?: number | undefined }, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // A schema of our own (tests, or an operator sharing a database) comes first on the search path.
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...options });
  return {
    db,
    kind: 'postgres',
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // A failed script may leave its transaction open: close it before the client goes back.
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | 'memory', options: DatabaseOptions): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (dataDir !== 'memory') {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(path.resolve(dataDir));
  }
  try {
    // pg_trgm serves the customer list's search inside names (migration 0003): PGlite has a contrib
    // extension only when it is named here. (Options go in the one-argument form: PGlite ignores them
    // after an undefined dataDir.)
    const pglite = new PGlite({ ...(dataDir === 'memory' ? {} : { dataDir: path.join(dataDir, 'pgdata') }), extensions: { pg_trgm } });
    await pglite.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...options });
    return {
      db,
      kind: 'pglite',
      async runScript(script) {
        try {
          await pglite.exec(script);
        } catch (error) {
          if (pglite.isInTransaction()) await pglite.exec('rollback').catch(() => undefined);
          throw error;
        }
      },
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
