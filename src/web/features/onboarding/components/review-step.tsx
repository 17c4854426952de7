import '../locales/en-US-later.ts';
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { useActiveResellers } from '../api/get-active-resellers.ts';
import { useOffers } from '../api/get-offers.ts';
import { useValidateOnboarding } from '../api/validate-onboarding.ts';
import { useFieldErrorText } from '../field-errors.ts';
import { clientErrors, stepOfPath, structuralErrors, toRequestBody, type Step, type WizardValues } from '../wizard-form.ts';
import { StepActions } from './step-actions.tsx';
import { estimate, pricedLine } from '../offer-terms.ts';
import { useExplicitTerms, useTermText } from './offer-picker.tsx';
import { useWizard } from './wizard-context.ts';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 220px) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXXS },
  },
  term: { color: tokens.colorNeutralForeground2, '@media (max-width: 640px)': { marginBlockStart: tokens.spacingVerticalS } },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  number: { textAlign: 'end', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  muted: { color: tokens.colorNeutralForeground2 },
  offerCell: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS },
  charge: { whiteSpace: 'nowrap' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface Submission {
  submit(): void;
  isPending: boolean;
  error: unknown;
}

/** Step 3: everything entered, checked by the server once more before Submit is offered. */
export function ReviewStep({ submission }: { submission: Submission }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const termText = useTermText();
  const errorMessage = useErrorMessage();
  const fieldText = useFieldErrorText();
  const wizard = useWizard();
  const { partner, bodyContext } = wizard;
  const { getValues } = useFormContext<WizardValues>();
  const values = getValues();
  const offers = useOffers(values.country);
  const resellers = useActiveResellers(partner.kind === 'indirect_provider');
  const validate = useValidateOnboarding();
  const [problems, setProblems] = useState<FieldErrorBody[] | null>(null);
  const checked = useRef(false);

  const byId = useMemo(() => new Map((offers.data ?? []).map((offer) => [offer.id, offer])), [offers.data]);
  useExplicitTerms(byId);

  const { mutate } = validate;
  const { applyErrors } = wizard;
  useEffect(() => {
    // Once per visit of the step (the form does not change while it is shown).
    if (checked.current) return;
    checked.current = true;
    const current = getValues();
    const body = toRequestBody(current, bodyContext);
    const local = [...structuralErrors(body), ...clientErrors(current, bodyContext, byId, 'all')];
    if (local.length > 0) {
      applyErrors(local);
      setProblems(local);
      return;
    }
    mutate(body, {
      onSuccess: (answer) => {
        if (answer.errors.length > 0) applyErrors(answer.errors);
        setProblems(answer.errors);
      },
    });
  }, [mutate, applyErrors, byId, bodyContext, getValues]);

  const languages = useMemo(() => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
    } catch {
      return null;
    }
  }, [i18n.language]);
  const describe = (code: string) => (code === '' ? '–' : `${languages?.of(code) ?? code} (${code})`);

  const reseller = resellers.data?.find((item) => item.id === values.resellerId);
  const totals = estimate(values.lineItems, byId);
  const valid = problems !== null && problems.length === 0;
  const sectionProblems = (step: Step) => (problems ?? []).filter((problem) => stepOfPath(problem.field) === step);
  const submitError = submission.error;
  const submitFieldErrors = isApiError(submitError) && submitError.fieldErrors.length > 0;

  const rows = (items: [string, string][]) => (
    <dl className={styles.list}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value === '' ? '–' : value}</dd>
        </div>
      ))}
    </dl>
  );

  const sectionHeader = (id: string, title: string, step: Step) => (
    <div className={styles.header}>
      <PanelHeading id={id}>{title}</PanelHeading>
      <Button appearance="secondary" icon={<Edit20Regular />} onClick={() => wizard.goTo(step, { returnToReview: true })} aria-label={`${t('onboarding.actions.update')}: ${title}`}>
        {t('onboarding.actions.update')}
      </Button>
    </div>
  );

  const problemList = (step: Step) => {
    const list = sectionProblems(step);
    if (list.length === 0) return null;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <ul className={styles.problems}>
            {list.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>{fieldText({ type: problem.code, message: problem.message })}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  };

  const signer = [values.signerFirstName, values.signerLastName].filter(Boolean).join(' ');
  const address = [
    values.addressLine1,
    values.addressLine2,
    [values.city, values.state, values.postalCode].filter((part) => part.trim() !== '').join(', '),
    format.region(values.country),
  ]
    .filter((part) => part.trim() !== '')
    .join('\n');

  const accountRows: [string, string][] = [
    [t('onboarding.account.companyName'), values.companyName],
    [t('onboarding.account.domain'), values.domain.trim() === '' ? '' : `${values.domain.trim().toLowerCase()}.${partner.domainSuffix}`],
    ...(values.organizationRegistrationNumber.trim() !== '' ? [[t('onboarding.account.registrationNumber'), values.organizationRegistrationNumber] as [string, string]] : []),
    [t('onboarding.review.address'), address],
    [t('onboarding.review.contact'), [`${values.firstName} ${values.lastName}`.trim(), values.email, values.phoneNumber].filter((part) => part.trim() !== '').join('\n')],
    [t('onboarding.review.languageCulture'), `${describe(values.language)}, ${describe(values.culture)}`],
  ];
  if (partner.instance === 'usgov') {
    accountRows.push([t('onboarding.review.eligibility'), values.eligibilityType === '' ? '' : `${t(`onboarding.eligibility.${values.eligibilityType}`)}: ${values.eligibilityDetails}`]);
  } else {
    accountRows.push([
      t('onboarding.review.agreement'),
      values.agreementAccepted && values.dateAgreed !== ''
        ? `${t('onboarding.review.agreementValue', { date: format.date(`${values.dateAgreed}T12:00:00`), name: signer })}\n${values.signerEmail}`
        : t('onboarding.review.agreementNotAccepted'),
    ]);
  }
  if (partner.kind === 'indirect_provider') {
    accountRows.push([t('onboarding.review.reseller'), reseller ? `${reseller.name} (${reseller.mpnId})` : values.resellerId === '' ? t('onboarding.reseller.none') : values.resellerId]);
  }

  return (
    <div className={styles.sections}>
      <Text className={styles.muted}>{t('onboarding.review.description')}</Text>
      {validate.isPending ? <Spinner size="tiny" label={t('onboarding.actions.checking')} labelPosition="after" /> : null}
      {validate.isError ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('onboarding.review.checkFailed')}</MessageBarTitle>
            {errorMessage(validate.error)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {problems !== null && problems.length > 0 ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('onboarding.review.notValid')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {submitError && !submitFieldErrors ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('onboarding.review.submitFailed')}</MessageBarTitle>
            {errorMessage(submitError)} {isApiError(submitError) && (submitError.status === 0 || submitError.status >= 500) ? t('onboarding.review.submitRetry') : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Panel aria-labelledby="review-account-heading">
        {sectionHeader('review-account-heading', t('onboarding.steps.account'), 'account')}
        {problemList('account')}
        {rows(accountRows)}
      </Panel>

      <Panel aria-labelledby="review-subscriptions-heading">
        {sectionHeader('review-subscriptions-heading', t('onboarding.steps.subscriptions'), 'subscriptions')}
        {problemList('subscriptions')}
        {values.lineItems.length === 0 ? (
          <Text className={styles.muted}>{t('onboarding.review.noSubscriptions')}</Text>
        ) : (
          <Table aria-label={t('onboarding.review.subscriptionsTable')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('onboarding.review.offer')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('onboarding.review.quantity')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('onboarding.review.charge')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {values.lineItems.map((item) => {
                const line = pricedLine(item, byId);
                const quantity = Number(item.quantity);
                return (
                  <TableRow key={item.offerId}>
                    <TableCell>
                      <div className={styles.offerCell}>
                        <Text>{line?.offer.name ?? item.offerId}</Text>
                        {line ? (
                          <Text size={200} className={styles.muted}>
                            {termText.choice(line.choice)}
                          </Text>
                        ) : null}
                      </div>
                    </TableCell>
                    <TableCell className={styles.number}>{Number.isFinite(quantity) ? format.number(quantity) : item.quantity}</TableCell>
                    <TableCell className={mergeClasses(styles.number, styles.charge)}>{line ? termText.lineCharge(line) : '–'}</TableCell>
                  </TableRow>
                );
              })}
              {totals.map((total) => (
                <TableRow key={`${total.currency}-${total.billingCycle}`}>
                  <TableCell>
                    <Text weight="semibold">{termText.totalLabel(total.billingCycle)}</Text>
                  </TableCell>
                  <TableCell />
                  <TableCell className={mergeClasses(styles.number, styles.charge)}>
                    <Text weight="semibold">{termText.charge(total.amount, total.currency, total.billingCycle)}</Text>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Panel>

      <StepActions
        primary={t('onboarding.actions.submit')}
        busy={submission.isPending}
        busyLabel={t('onboarding.actions.submitting')}
        primaryDisabled={!valid}
        onPrimary={submission.submit}
        onBack={() => wizard.goTo('subscriptions')}
        onCancel={wizard.requestCancel}
      />
    </div>
  );
}
