import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant: serialises migrations of several processes sharing one PostgreSQL.
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrationResult { applied: string[]; alreadyApplied: number }

export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(migrationsDir, file), 'utf8') }));
}

/** Applies pending migrations, each in its own transaction, in order. Forward-only. */
export async function migrate(handle: DatabaseHandle): Promise<MigrationResult> {
  // Under the lock too: two processes creating the table at once collide in pg_type (23505).
  await handle.runScript(`
    begin;
    select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});
    create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now());
    commit;
  `);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of listMigrations()) {
    const done = await sql<{ name: string }>`select name from schema_migrations where name = ${migration.name}`.execute(handle.db);
    if (done.rows.length > 0) {
      alreadyApplied++;
      continue;
    }
    // The lock is taken inside the transaction and the check repeated, so that of two processes
    // migrating at once the second sees the first's work and skips it.
    const quotedName = migration.name.replace(/'/g, "''");
    await handle.runScript(`
      begin;
      select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});
      do $guard$ begin
        if exists (select 1 from schema_migrations where name = '${quotedName}') then
          raise exception 'partnerdesk: migration already applied' using errcode = 'P0001';
        end if;
      end $guard$;
      ${migration.sql}
      ;
      insert into schema_migrations (name) values ('${quotedName}');
      commit;
    `).then(
      () => applied.push(migration.name),
      async (error: unknown) => {
        if (error instanceof Error && error.message.includes('partnerdesk: migration already applied')) {
          alreadyApplied++;
          return;
        }
        throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      },
    );
  }
  return { applied, alreadyApplied };
}
