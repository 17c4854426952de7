import type { Executor } from '#db/database.ts';

/**
 * The SQL of onboarding drafts. Every read and write is scoped to the draft's user, and every read
 * and update to drafts still alive: saved after `liveAfter` (the caller's now minus the TTL).
 */
const columns = ['id', 'step', 'data', 'request_id', 'version', 'created_at', 'updated_at'] as const;

export interface DraftRow {
  id: string;
  step: string;
  data: unknown;
  request_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface DraftScope {
  userId: string;
  liveAfter: Date;
}

export function findDraft(executor: Executor, scope: DraftScope, id: string): Promise<DraftRow | undefined> {
  return executor
    .selectFrom('onboarding_drafts')
    .select(columns)
    .where('id', '=', id)
    .where('user_id', '=', scope.userId)
    .where('updated_at', '>', scope.liveAfter)
    .executeTakeFirst();
}

export function listDrafts(executor: Executor, scope: DraftScope, limit: number): Promise<DraftRow[]> {
  return executor
    .selectFrom('onboarding_drafts')
    .select(columns)
    .where('user_id', '=', scope.userId)
    .where('updated_at', '>', scope.liveAfter)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** `undefined` when a draft with this id exists already (anyone's). */
export function insertDraft(
  executor: Executor,
  values: { id: string; userId: string; partnerId: string; step: string; data: string; requestId: string | null; now: Date },
): Promise<DraftRow | undefined> {
  return executor
    .insertInto('onboarding_drafts')
    .values({
      id: values.id,
      user_id: values.userId,
      partner_id: values.partnerId,
      step: values.step,
      data: values.data,
      request_id: values.requestId,
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning(columns)
    .executeTakeFirst();
}

/**
 * Replaces a live draft; `undefined` when there is none, or (with `expectedVersion`) when it is at
 * another version. The version check is in the UPDATE itself, so of two concurrent writers only one wins.
 */
export function updateDraft(
  executor: Executor,
  scope: DraftScope,
  id: string,
  values: { step: string; data: string; requestId: string | null; now: Date },
  expectedVersion?: number,
): Promise<DraftRow | undefined> {
  let query = executor
    .updateTable('onboarding_drafts')
    .set((eb) => ({
      step: values.step,
      data: values.data,
      // The request id, once set, stays: it names the submission a retry must find.
      request_id: eb.fn.coalesce('request_id', eb.val(values.requestId)),
      version: eb('version', '+', 1),
      updated_at: values.now,
    }))
    .where('id', '=', id)
    .where('user_id', '=', scope.userId)
    .where('updated_at', '>', scope.liveAfter);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  return query.returning(columns).executeTakeFirst();
}

/** The submission's MS-RequestId, kept for a retry that lost it. Not a change of the draft: its expiry stays. */
export async function setDraftRequestId(executor: Executor, userId: string, id: string, requestId: string): Promise<void> {
  await executor.updateTable('onboarding_drafts').set({ request_id: requestId }).where('id', '=', id).where('user_id', '=', userId).execute();
}

/** How many were deleted (0 or 1); without `liveAfter`, expired or not (the submission that completes it). */
export async function deleteDraft(executor: Executor, scope: { userId: string; liveAfter?: Date }, id: string): Promise<number> {
  let query = executor.deleteFrom('onboarding_drafts').where('id', '=', id).where('user_id', '=', scope.userId);
  if (scope.liveAfter !== undefined) query = query.where('updated_at', '>', scope.liveAfter);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The purge: every draft last saved at or before `cutoff`. */
export async function deleteDraftsSavedBefore(executor: Executor, cutoff: Date): Promise<void> {
  await executor.deleteFrom('onboarding_drafts').where('updated_at', '<=', cutoff).execute();
}
