import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Executor } from '#db/database.ts';

export interface WindowCount {
  /** Requests counted in the key's current window, this one included. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/**
 * Counts one request of `key` in its fixed window of `windowMs`, opening a new window when the last one
 * has ended: one atomic statement (the row lock orders concurrent requests of the same key), timed by
 * the database's clock, which every server process shares.
 */
export async function countRequest(db: Executor, key: string, windowMs: number): Promise<WindowCount> {
  const ended = sql<boolean>`api_rate_limits.resets_at <= now()`;
  const row = await db
    .insertInto('api_rate_limits')
    .values({ key, hits: 1, resets_at: sql<Date>`now() + ${windowMs}::integer * interval '1 millisecond'` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${ended} then 1 else api_rate_limits.hits + 1 end`,
        resets_at: sql<Date>`case when ${ended} then excluded.resets_at else api_rate_limits.resets_at end`,
      }),
    )
    .returning(['hits', sql<number>`greatest(0, ceil(extract(epoch from resets_at - now()) * 1000))::integer`.as('ttl_ms')])
    .executeTakeFirstOrThrow();
  return { current: row.hits, ttl: row.ttl_ms };
}

/** Windows that have ended (the hourly purge). */
export async function deleteEndedWindows(db: Executor, now: Date) {
  await db.deleteFrom('api_rate_limits').where('resets_at', '<', now).execute();
}

/**
 * @fastify/rate-limit's store over the api_rate_limits table (PostgreSQL), so that every server process
 * counts against the same limit. A failed count is logged and the request let through (skipOnError).
 */
export function databaseRateLimitStore(db: Executor, log: FastifyBaseLogger): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: WindowCount) => void, timeWindow: number) {
      countRequest(db, key, timeWindow).then(
        (count) => callback(null, count),
        (error: unknown) => {
          log.error({ err: error }, 'the API rate limit could not count a request; it is let through');
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child() {
      return new DatabaseRateLimitStore();
    }
  };
}
