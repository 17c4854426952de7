import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { DomainError, errorCatalog } from '#domain/errors.ts';
import type { DB } from '#db/schema.ts';
import type { Db } from '#db/database.ts';
import type { Clock } from './adapters.ts';
import type { Keyring } from './keyring.ts';
import { seal, unseal, UnsealError } from './sealed.ts';
import { domainErrorBody } from './error-body.ts';

/**
 * SPEC §5 idempotency. The key is the caller's partner + method + route + MS-RequestId. The record is
 * claimed first, in the transaction of the change (INSERT ... ON CONFLICT, taking over only an expired
 * record): a twin that arrives at the same moment waits on that row until the first commits, then
 * replays its answer.
 * 2xx and 4xx answers are stored (sealed: they may hold a temporary password) for 24 hours.
 */
export interface IdempotencyKey { partnerId: string; method: string; route: string; requestId: string }

export interface Outcome<T> { status: number; body: T; replayed: boolean }

/** A stored answer sent again, status and body as they were. */
export class ReplayedResponse extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super('replayed response');
  }
}

const TTL_MS = 24 * 3_600_000;
const MAX_ATTEMPTS = 5;

export function requestHash(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

/** JSON with sorted keys, so that the same body in another key order is the same request. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function createIdempotency({ db, clock, keyring }: { db: Db; clock: Clock; keyring: Keyring }) {
  /**
   * Runs `change` in a transaction, at most once per key. Without a key it simply runs in a transaction.
   * A DomainError with a 4xx status rolls the change back but is stored, and thrown again on replay.
   */
  async function run<T>(
    key: IdempotencyKey | undefined,
    body: unknown,
    change: (trx: Transaction<DB>) => Promise<{ status: number; body: T }>,
  ): Promise<Outcome<T>> {
    if (!key) {
      const result = await db.transaction().execute(change);
      return { ...result, replayed: false };
    }
    const hash = requestHash(body);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        // An expired record is gone for every purpose: the claim takes its place, in the same statement.
        const claimed = await trx
          .insertInto('idempotency_records')
          .values({
            partner_id: key.partnerId,
            method: key.method,
            route: key.route,
            request_id: key.requestId,
            request_hash: hash,
            expires_at: new Date(now.getTime() + TTL_MS),
          })
          .onConflict((oc) =>
            oc
              .columns(['partner_id', 'method', 'route', 'request_id'])
              .doUpdateSet((eb) => ({
                request_hash: eb.ref('excluded.request_hash'),
                status_code: null,
                response_encrypted: null,
                created_at: sql<Date>`excluded.created_at`,
                expires_at: eb.ref('excluded.expires_at'),
              }))
              .where('idempotency_records.expires_at', '<=', now),
          )
          .returning('request_id')
          .executeTakeFirst();
        if (!claimed) {
          const existing = await trx
            .selectFrom('idempotency_records')
            .select(['request_hash', 'status_code', 'response_encrypted'])
            .where('partner_id', '=', key.partnerId)
            .where('method', '=', key.method)
            .where('route', '=', key.route)
            .where('request_id', '=', key.requestId)
            .executeTakeFirst();
          // Gone (its first transaction rolled back after our insert gave up): try again.
          if (!existing || existing.status_code === null || existing.response_encrypted === null) return undefined;
          if (existing.request_hash !== hash) {
            throw new DomainError('idempotency_mismatch', `MS-RequestId ${key.requestId} was already used with a different request body. Use a new MS-RequestId for a new request.`);
          }
          const stored = JSON.parse(openStored(keyring, existing.response_encrypted, key.requestId)) as { status: number; body: T };
          return { ...stored, replayed: true };
        }

        await sql`savepoint idempotent_change`.execute(trx);
        let result: { status: number; body: unknown };
        let failure: DomainError | undefined;
        try {
          result = await change(trx);
        } catch (error) {
          if (!(error instanceof DomainError) || errorCatalog[error.code].status >= 500) throw error;
          // A refusal (4xx) is an answer too: undo the change, keep the answer.
          await sql`rollback to savepoint idempotent_change`.execute(trx);
          failure = error;
          result = { status: errorCatalog[error.code].status, body: domainErrorBody(error) };
        }
        await trx
          .updateTable('idempotency_records')
          .set({ status_code: result.status, response_encrypted: seal(keyring, JSON.stringify(result)) })
          .where('partner_id', '=', key.partnerId)
          .where('method', '=', key.method)
          .where('route', '=', key.route)
          .where('request_id', '=', key.requestId)
          .execute();
        return failure ? { failure } : { ...(result as { status: number; body: T }), replayed: false };
      });
      if (outcome === undefined) continue;
      if ('failure' in outcome) throw outcome.failure;
      if (outcome.replayed && outcome.status >= 400) throw new ReplayedResponse(outcome.status, outcome.body);
      return outcome;
    }
    throw new DomainError('conflict', `MS-RequestId ${key.requestId} is being processed by another request; try again.`);
  }

  return { run };
}

export type Idempotency = ReturnType<typeof createIdempotency>;

/**
 * A stored answer opened for its replay. One that no key of this server opens was sealed by a server
 * with other keys (servers sharing one PostgreSQL must share them): a 503 that says so, not a crash.
 */
function openStored(keyring: Keyring, sealed: string, requestId: string): string {
  try {
    return unseal(keyring, sealed);
  } catch (error) {
    if (!(error instanceof UnsealError)) throw error;
    throw new DomainError(
      'unavailable',
      `The first answer to MS-RequestId ${requestId} was ${error.message}. Every server sharing this database needs the same PARTNERDESK_ENCRYPTION_KEY or key file; tell your operator.`,
    );
  }
}
