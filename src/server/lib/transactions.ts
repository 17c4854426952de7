import type { Transaction } from 'kysely';
import type { DB } from '#db/schema.ts';
import type { Executor } from '#db/database.ts';

/** Runs `fn` in a transaction, or in the caller's if `executor` already is one (Kysely has no nesting). */
export function inTransaction<T>(executor: Executor, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return executor.isTransaction ? fn(executor as Transaction<DB>) : executor.transaction().execute(fn);
}
