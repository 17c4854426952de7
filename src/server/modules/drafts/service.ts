import { DomainError } from '#domain/errors.ts';
import type { Draft } from '#contracts/onboarding.ts';
import type { Db, Executor } from '#db/database.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import type { Principal } from '#server/lib/principal.ts';
import type { CustomersService } from '#server/modules/customers/service.ts';
import * as repo from './repository.ts';
import { summarizeDraft } from './summary.ts';

export interface DraftsDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  /** Who may add customers: only they get a draft, refused for the submission's own reason. */
  customers: Pick<CustomersService, 'assertMayAdd'>;
  /** A draft lives this long after its last save (DRAFT_TTL_DAYS). */
  ttlMs: number;
}

export interface DraftInput {
  step: string;
  data: Record<string, unknown>;
  requestId?: string | null | undefined;
  id?: string | null | undefined;
}

const LIST_LIMIT = 100;

/**
 * Onboarding drafts (ours: SPEC §3 "an unfinished wizard is kept as a draft"): a user's own, versioned
 * (If-Match), expiring DRAFT_TTL_DAYS after the last save. The submission that completes one reads
 * its MS-RequestId and deletes it through the functions that take its executor.
 */
export function createDraftsService({ db, ids, clock, customers, ttlMs }: DraftsDeps) {
  const scopeOf = (principal: Principal): repo.DraftScope => ({ userId: principal.user.id, liveAfter: new Date(clock.now().getTime() - ttlMs) });
  const notFound = (id: string) => new DomainError('not_found', `There is no draft ${id}: it was submitted, discarded, or it expired.`);

  function toDraft(principal: Principal, row: repo.DraftRow): Draft {
    const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
    return {
      id: row.id,
      step: row.step as Draft['step'],
      data,
      requestId: row.request_id,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      expiresAt: new Date(row.updated_at.getTime() + ttlMs).toISOString(),
      summary: summarizeDraft(data, principal.user.partner.domainSuffix),
      attributes: { objectType: 'OnboardingDraft' },
    };
  }

  return {
    async create(principal: Principal, input: DraftInput): Promise<Draft> {
      customers.assertMayAdd(principal);
      const id = input.id ?? ids.uuid();
      const row = await repo.insertDraft(db, {
        id,
        userId: principal.user.id,
        partnerId: principal.user.partner.id,
        step: input.step,
        data: JSON.stringify(input.data),
        requestId: input.requestId ?? null,
        now: clock.now(),
      });
      if (!row) throw new DomainError('conflict', `There is a draft ${id} already: save it with PUT, or create one without an id.`, [{ field: 'id', code: 'draft_exists', message: 'Choose another id, or leave it out.' }]);
      return toDraft(principal, row);
    },

    /** Replaces a draft (and renews its expiry); with `expectedVersion`, only if it is still at that version (412). */
    async update(principal: Principal, id: string, input: DraftInput, expectedVersion?: number): Promise<Draft> {
      customers.assertMayAdd(principal);
      const scope = scopeOf(principal);
      const current = await repo.findDraft(db, scope, id);
      if (!current) throw notFound(id);
      const row = await repo.updateDraft(db, scope, id, { step: input.step, data: JSON.stringify(input.data), requestId: input.requestId ?? null, now: clock.now() }, expectedVersion);
      if (!row) {
        throw new DomainError('precondition_failed', `The draft changed since version ${expectedVersion} (it is at ${current.version} or later); reload it.`);
      }
      return toDraft(principal, row);
    },

    async get(principal: Principal, id: string): Promise<Draft> {
      const row = await repo.findDraft(db, scopeOf(principal), id);
      if (!row) throw notFound(id);
      return toDraft(principal, row);
    },

    /** Mine, latest first, at most 100. */
    async list(principal: Principal): Promise<Draft[]> {
      const rows = await repo.listDrafts(db, scopeOf(principal), LIST_LIMIT);
      return rows.map((row) => toDraft(principal, row));
    },

    async remove(principal: Principal, id: string): Promise<void> {
      if ((await repo.deleteDraft(db, scopeOf(principal), id)) === 0) throw notFound(id);
    },

    /** The submission's view of its draft: the MS-RequestId it keeps, or `null` when there is no such (live) draft. */
    async requestIdOf(executor: Executor, principal: Principal, id: string): Promise<{ requestId: string | null } | null> {
      const row = await repo.findDraft(executor, scopeOf(principal), id);
      return row ? { requestId: row.request_id } : null;
    },

    async keepRequestId(executor: Executor, principal: Principal, id: string, requestId: string): Promise<void> {
      await repo.setDraftRequestId(executor, principal.user.id, id, requestId);
    },

    /** In the submission's transaction: the draft it completes goes with the customer's creation. */
    async completed(executor: Executor, principal: Principal, id: string): Promise<void> {
      await repo.deleteDraft(executor, { userId: principal.user.id }, id);
    },
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
