import { draftSchema, type Draft } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

export type DraftStep = Draft['step'];
export interface DraftInput {
  step: DraftStep;
  data: Record<string, unknown>;
  requestId?: string | null;
}

export interface SaveOptions {
  /** A save on page hide: the request outlives the page. */
  keepalive?: boolean;
}

/** POST /v1/onboardings/drafts: the first save of a new wizard, under the id the wizard chose (so it is in the address before the answer). */
export async function createDraft(id: string, input: DraftInput, options: SaveOptions = {}) {
  return draftSchema.parse(await apiRequest<unknown>('/v1/onboardings/drafts', { method: 'POST', body: { ...input, id }, keepalive: options.keepalive ?? false }));
}

/** PUT /v1/onboardings/drafts/{id} with If-Match: 412 when someone saved it since `version`. */
export async function updateDraft(id: string, version: number, input: DraftInput, options: SaveOptions = {}) {
  return draftSchema.parse(
    await apiRequest<unknown>(`/v1/onboardings/drafts/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: input,
      headers: { 'If-Match': `"${version}"` },
      keepalive: options.keepalive ?? false,
    }),
  );
}

/** DELETE /v1/onboardings/drafts/{id}: Cancel. */
export async function deleteDraft(id: string): Promise<void> {
  await apiRequest<void>(`/v1/onboardings/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
