import '../locales/en-US-later.ts';
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useOffers } from '../api/get-offers.ts';
import { useValidateOnboarding } from '../api/validate-onboarding.ts';
import { clientErrors, stepOfPath, toRequestBody, type WizardValues } from '../wizard-form.ts';
import { OfferPicker } from './offer-picker.tsx';
import { StepActions } from './step-actions.tsx';
import { useWizard } from './wizard-context.ts';

// Shown only after a failed check.
const ErrorSummary = lazy(() => import('./error-summary.tsx').then((module) => ({ default: module.ErrorSummary })));

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** Step 2: offers sold in the customer's country, by category, with a number of licenses each (the offer picker). */
export function SubscriptionsStep() {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const wizard = useWizard();
  const { control, getValues } = useFormContext<WizardValues>();
  const [country, lineItems] = useWatch({ control, name: ['country', 'lineItems'] });
  // The picker's query: the same cache entry, for the checks and the error summary's names.
  const offers = useOffers(country);
  const validate = useValidateOnboarding();
  const [summary, setSummary] = useState<{ general: FieldErrorBody[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const byId = useMemo(() => new Map((offers.data ?? []).map((offer) => [offer.id, offer])), [offers.data]);

  const next = async () => {
    setFailure(null);
    const values = getValues();
    const errors = clientErrors(values, wizard.bodyContext, byId, 'subscriptions');
    try {
      if (errors.length === 0 && values.lineItems.length > 0) {
        const answer = await validate.mutateAsync(toRequestBody(values, wizard.bodyContext));
        errors.push(...answer.errors.filter((error) => stepOfPath(error.field) === 'subscriptions'));
      }
      if (errors.length > 0) {
        setSummary({ general: wizard.applyErrors(errors) });
        return;
      }
      setSummary(null);
      wizard.goTo('review');
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div className={styles.main}>
      {summary ? (
        <Suspense fallback={null}>
          <ErrorSummary
            general={summary.general}
            labelOf={(field) => t('onboarding.subscriptions.quantityFor', { name: byId.get(lineItems[Number(/\d+/.exec(field)?.[0])]?.offerId ?? '')?.name ?? '' })}
          />
        </Suspense>
      ) : null}
      {failure ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{errorMessage(failure)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <OfferPicker country={country} />
      <StepActions
        primary={t('onboarding.actions.nextReview')}
        busy={validate.isPending}
        busyLabel={t('onboarding.actions.checking')}
        onPrimary={() => void next()}
        onBack={() => wizard.goTo('account')}
        onCancel={wizard.requestCancel}
      />
    </div>
  );
}
