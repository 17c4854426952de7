/**
 * What the wizard remembers of a submission. The answer (with the one-time admin password) lives only in
 * this page's memory, outside React, so that no remount, interrupted render or lost mutation callback
 * between the answer and the confirmation can drop it; it is forgotten when the confirmation is left.
 * Which drafts were submitted (ids and the customer, nothing secret) is kept for the tab's session, so
 * that the browser's Back into a finished wizard says what happened instead of showing an empty step.
 */
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import { uuid } from '../../app/api-client.ts';

/** The history state of the confirmation page: which answer to show, and the customer it names. */
export interface ConfirmationState {
  confirmation: string;
  customerId: string;
  companyName: string;
  /** The draft the submission completed: Back into it says the customer was added. */
  draftId: string | null;
}

let held: { key: string; answer: OnboardingResponse } | null = null;

/** Keeps the answer until its confirmation is left; returns the history state that shows it. */
export function holdConfirmation(answer: OnboardingResponse, draftId: string | null): ConfirmationState {
  const key = uuid();
  held = { key, answer };
  return { confirmation: key, customerId: answer.customer.id, companyName: answer.customer.companyProfile.companyName, draftId };
}

/** The answer for this history entry, while it is still held. */
export function heldConfirmation(state: ConfirmationState | null): OnboardingResponse | null {
  return state !== null && held !== null && held.key === state.confirmation ? held.answer : null;
}

export function forgetConfirmation(): void {
  held = null;
}

export function confirmationStateOf(state: unknown): ConfirmationState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { confirmation, customerId, companyName, draftId } = state as Record<string, unknown>;
  if (typeof confirmation !== 'string' || typeof customerId !== 'string' || typeof companyName !== 'string') return null;
  return { confirmation, customerId, companyName, draftId: typeof draftId === 'string' ? draftId : null };
}

const SUBMITTED_KEY = 'partnerdesk.submittedDrafts';

export interface SubmittedDraft {
  customerId: string;
  companyName: string;
}

function readSubmitted(): Record<string, SubmittedDraft> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(SUBMITTED_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, SubmittedDraft>) : {};
  } catch {
    return {};
  }
}

export function rememberSubmittedDraft(draftId: string, customer: SubmittedDraft): void {
  try {
    // The latest few are enough: they only answer the browser's Back within this tab.
    const entries = Object.entries({ ...readSubmitted(), [draftId]: customer }).slice(-20);
    sessionStorage.setItem(SUBMITTED_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage disabled: Back into the finished wizard shows "draft missing" instead.
  }
}

export function submittedDraft(draftId: string): SubmittedDraft | null {
  const entry = readSubmitted()[draftId];
  return entry !== undefined && typeof entry.customerId === 'string' && typeof entry.companyName === 'string' ? entry : null;
}
