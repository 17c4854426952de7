import { createContext, use } from 'react';
import type { FieldErrorBody } from '#contracts/common.ts';
import type { SessionUser } from '#contracts/auth.ts';
import type { BodyContext, Step, WizardRoute } from '../wizard-form.ts';

export interface WizardContextValue {
  partner: SessionUser['partner'];
  bodyContext: BodyContext;
  /** `returnToReview`: Update on Review, so the step's Next goes straight back to Review; `replace`: no new history entry. */
  goTo(step: WizardRoute, options?: { returnToReview?: boolean; replace?: boolean }): void;
  /** Opened from Review's Update: Next returns to Review. */
  returnToReview: boolean;
  /** Puts errors on their fields (first one focused, in the form's order); returns those that name no field. */
  applyErrors(errors: readonly FieldErrorBody[]): FieldErrorBody[];
  /** Cancel: asks, then discards the draft. */
  requestCancel(): void;
}

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const value = use(WizardContext);
  if (value === null) throw new Error('useWizard is used outside the wizard');
  return value;
}

export type { Step };
