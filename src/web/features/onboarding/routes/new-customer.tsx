import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, ErrorCircle16Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldErrorBody } from '#contracts/common.ts';
import type { Draft } from '#contracts/onboarding.ts';
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import { isApiError, uuid } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { whenIdle } from '../../../app/preload.ts';
import { preloadable } from '../preloadable.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { deleteDraft } from '../api/drafts.ts';
import { useLatestAgreement } from '../api/get-latest-agreement.ts';
import { useDraft } from '../api/get-draft.ts';
import { preloadAnswerSchema, useSubmitOnboarding } from '../api/submit-onboarding.ts';
import { confirmationStateOf, forgetConfirmation, heldConfirmation, holdConfirmation, rememberSubmittedDraft, submittedDraft } from '../submission-memory.ts';
import { AccountStep } from '../components/account-step.tsx';
import { Stepper } from '../components/stepper.tsx';
import { WizardContext, type WizardContextValue } from '../components/wizard-context.ts';
import { useDraftAutosave } from '../use-draft-autosave.ts';
import {
  emptyValues,
  fieldOfPath,
  firstUnfinishedStep,
  isWizardRoute,
  STEPS,
  orderOf,
  stepOfPath,
  toRequestBody,
  valuesFromDraft,
  type BodyContext,
  type Step,
  type WizardField,
  type WizardRoute,
  type WizardValues,
} from '../wizard-form.ts';

// Only the first step is needed to open the wizard: each next one is fetched while the person is on
// the step before it (NEXT_STEP below), so that it shows at once.
const SubscriptionsStep = preloadable(() => import('../components/subscriptions-step.tsx').then((module) => module.SubscriptionsStep));
const ReviewStep = preloadable(() => import('../components/review-step.tsx').then((module) => module.ReviewStep));
const Confirmation = preloadable(() => import('../components/confirmation.tsx').then((module) => module.Confirmation));
/** What each step fetches once the browser is idle: the next screen, and on Review what Submit shows. */
const NEXT_STEP: Record<Step, () => void> = {
  account: () => void SubscriptionsStep.preload(),
  subscriptions: () => void ReviewStep.preload(),
  review: () => {
    void Confirmation.preload();
    preloadAnswerSchema().catch(() => undefined);
  },
};
const QueryError = lazy(() => import('../../../app/ui/query-error.tsx').then((module) => ({ default: module.QueryError })));
// Only when there are drafts to resume.
const ResumeDrafts = lazy(() => import('../components/resume-drafts.tsx').then((module) => ({ default: module.ResumeDrafts })));
// Instead of the wizard, rarely: who may not add customers, and the browser's Back into a submitted one.
const CannotAddCustomers = lazy(() => import('../components/wizard-notices.tsx').then((module) => ({ default: module.CannotAddCustomers })));
const AlreadyAdded = lazy(() => import('../components/wizard-notices.tsx').then((module) => ({ default: module.AlreadyAdded })));
const CancelDialog = lazy(() => import('../components/cancel-dialog.tsx').then((module) => ({ default: module.CancelDialog })));

const useStyles = makeStyles({
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, minHeight: '20px' },
  stepHeading: { margin: 0, marginBlockEnd: tokens.spacingVerticalM, ':focus': { outlineStyle: 'none' } },
  notice: { marginBlockEnd: tokens.spacingVerticalL },
});

/**
 * /customers/new/:step — the add-customer wizard. The step is in the path, the draft in `?draft=`;
 * the sign-in details of a new customer are kept only in this page's memory (submission-memory.ts).
 * Who may not add customers is told why here, before any form (and so never gets a draft).
 */
export function Component() {
  const user = useCurrentUser();
  const { t } = useTranslation();
  const denial = user.deniedActions.find((item) => item.action === 'customers.add');
  if (denial !== undefined) {
    return (
      <>
        <PageHeader title={t('onboarding.title')} />
        <Suspense fallback={<Loading />}>
          <CannotAddCustomers reason={denial.reason} />
        </Suspense>
      </>
    );
  }
  return <NewCustomer />;
}

function NewCustomer() {
  const { step } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const urlDraft = params.get('draft');
  // Which wizard is open: a new key remounts the form (another draft opened, or a fresh start).
  const [session, setSession] = useState<{ key: number; draftId: string | null; fresh: boolean }>({ key: 0, draftId: urlDraft, fresh: urlDraft === null });
  const { t } = useTranslation();
  const confirmation = confirmationStateOf(location.state);
  const submitted = step !== 'done' && urlDraft !== null ? submittedDraft(urlDraft) : null;

  if (step === 'done' || submitted !== null) {
    // The next wizard opened from here ("Add another customer") starts empty.
    if (session.draftId !== null || !session.fresh) setSession({ key: session.key + 1, draftId: null, fresh: true });
  } else if (urlDraft !== null && urlDraft !== session.draftId) {
    setSession({ key: session.key + 1, draftId: urlDraft, fresh: false });
  }

  // The details are shown once: leaving the confirmation (Done, Back, a link) forgets them.
  const completedDraft = step === 'done' ? (confirmation?.draftId ?? null) : null;
  useEffect(() => {
    if (step !== 'done') return;
    if (completedDraft !== null && confirmation !== null) rememberSubmittedDraft(completedDraft, { customerId: confirmation.customerId, companyName: confirmation.companyName });
    return () => {
      if (!window.location.pathname.startsWith('/customers/new/done')) forgetConfirmation();
    };
  }, [step, completedDraft, confirmation?.customerId, confirmation?.companyName]);

  const onDraftCreated = useCallback((id: string) => setSession((current) => ({ ...current, draftId: id })), []);
  const onSubmitted = useCallback(
    (answer: OnboardingResponse, draftId: string | null) => {
      void navigate('/customers/new/done', { replace: true, state: holdConfirmation(answer, draftId) });
    },
    [navigate],
  );

  if (!isWizardRoute(step)) return <Navigate replace to={{ pathname: '/customers/new/account', search: location.search }} />;

  return (
    <>
      {step === 'done' ? null : <PageHeader title={t('onboarding.title')} description={t('onboarding.description')} />}
      {step === 'done' ? (
        <Suspense fallback={<Loading />}>
          <Confirmation result={heldConfirmation(confirmation)} customer={confirmation} />
        </Suspense>
      ) : submitted !== null ? (
        <Suspense fallback={<Loading />}>
          <AlreadyAdded customer={submitted} />
        </Suspense>
      ) : (
        <WizardLoader key={session.key} draftId={session.fresh ? null : session.draftId} step={step} onDraftCreated={onDraftCreated} onSubmitted={onSubmitted} />
      )}
    </>
  );
}

interface LoaderProps {
  draftId: string | null;
  step: Step;
  onDraftCreated(id: string): void;
  onSubmitted(answer: OnboardingResponse, draftId: string | null): void;
}

/** Opens the draft named in the address (once), then the wizard over it. */
function WizardLoader({ draftId, ...props }: LoaderProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // Only the draft the wizard was opened with is read; the ones it creates itself are already in the form.
  const [openedWith] = useState(draftId);
  const draft = useDraft(openedWith);
  if (openedWith !== null && draft.isPending) return <Loading />;
  if (openedWith !== null && draft.isError) {
    if (isApiError(draft.error, 404)) {
      return (
        <>
          <MessageBar intent="warning" className={styles.notice}>
            <MessageBarBody>{t('onboarding.draftMissing')}</MessageBarBody>
          </MessageBar>
          <Wizard draft={null} {...props} />
        </>
      );
    }
    return (
      <Suspense fallback={<Loading />}>
        <QueryError title={t('onboarding.draftLoadFailed')} error={draft.error} onRetry={() => void draft.refetch()} />
      </Suspense>
    );
  }
  return <Wizard draft={draft.data ?? null} {...props} />;
}

function Wizard({ draft, step, onDraftCreated, onSubmitted }: Omit<LoaderProps, 'draftId'> & { draft: Draft | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const { partner } = user;
  // The form starts once (with the partner's first market, and the reseller it was opened for).
  const [startValues] = useState(() => {
    const empty = emptyValues(partner.markets[0] ?? '', params.get('reseller') ?? '');
    return draft ? valuesFromDraft(draft.data, empty) : empty;
  });
  const form = useForm<WizardValues>({ defaultValues: startValues, mode: 'onSubmit' });
  const { control, setError, setFocus, reset, formState } = form;
  const values = useWatch({ control }) as WizardValues;
  const agreement = useLatestAgreement(partner.instance !== 'usgov');
  const [stale, setStale] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [cancelState, setCancelState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const submit = useSubmitOnboarding();
  // One MS-RequestId per submission; a retry after a lost answer sends the same one.
  const requestId = useRef<string | null>(draft?.requestId ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const keepDraftInAddress = useCallback(
    (id: string) => {
      onDraftCreated(id);
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('draft', id);
          return next;
        },
        { replace: true },
      );
    },
    [onDraftCreated, setParams],
  );
  const autosave = useDraftAutosave({
    initial: draft,
    values,
    step,
    enabled: draft !== null || formState.isDirty,
    onCreated: keepDraftInAddress,
    onStale: (fresh) => {
      reset(valuesFromDraft(fresh.data, startValues));
      setStale(true);
    },
  });

  const bodyContext: BodyContext = useMemo(
    () => ({
      instance: partner.instance,
      isIndirectProvider: partner.kind === 'indirect_provider',
      templateId: agreement.data?.templateId ?? null,
      draftId: null,
    }),
    [partner.instance, partner.kind, agreement.data],
  );

  const returnToReview = params.get('return') === 'review' && step !== 'review';
  const goTo = useCallback(
    (target: WizardRoute, options: { returnToReview?: boolean; replace?: boolean } = {}) => {
      const next = new URLSearchParams(params);
      if (options.returnToReview === true) next.set('return', 'review');
      else next.delete('return');
      const search = next.toString();
      void navigate({ pathname: `/customers/new/${target}`, search: search === '' ? '' : `?${search}` }, { replace: options.replace ?? false });
    },
    [navigate, params],
  );

  const applyErrors = useCallback(
    (errors: readonly FieldErrorBody[]) => {
      const general: FieldErrorBody[] = [];
      const byField = new Map<WizardField, FieldErrorBody>();
      for (const error of errors) {
        const field = fieldOfPath(error.field);
        if (field === null) general.push(error);
        else if (!byField.has(field)) byField.set(field, error);
      }
      const ordered = [...byField.entries()].sort(([a], [b]) => orderOf(a) - orderOf(b));
      for (const [field, error] of ordered) setError(field as Path<WizardValues>, { type: error.code, message: error.message });
      const first = ordered[0]?.[0];
      if (first !== undefined) setTimeout(() => setFocus(first as Path<WizardValues>), 0);
      return general;
    },
    [setError, setFocus],
  );

  // What had the focus when Cancel was asked for (the Cancel button): it gets it back when the dialog closes.
  const cancelOpener = useRef<HTMLElement | null>(null);
  const requestCancel = useCallback(() => {
    cancelOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setCancelState({ busy: false, error: null });
    setCancelOpen(true);
  }, []);
  const closeCancel = () => {
    setCancelOpen(false);
    const opener = cancelOpener.current;
    setTimeout(() => opener?.focus(), 0);
  };

  const context: WizardContextValue = useMemo(
    () => ({ partner, bodyContext, goTo, returnToReview, applyErrors, requestCancel }),
    [partner, bodyContext, goTo, returnToReview, applyErrors, requestCancel],
  );

  useEffect(() => whenIdle(NEXT_STEP[step]), [step]);

  // A new step: its heading takes the focus, so keyboard and screen reader users start at the top of it.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // After the shell's own focus move (to the page's h1), which runs after this effect.
    const timer = setTimeout(() => {
      headingRef.current?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    }, 0);
    return () => clearTimeout(timer);
  }, [step]);

  const discard = async () => {
    setCancelState({ busy: true, error: null });
    autosave.stop();
    const id = autosave.draftId();
    try {
      if (id !== null) await deleteDraft(id);
      void navigate('/customers');
    } catch (error) {
      if (isApiError(error, 404)) {
        void navigate('/customers');
        return;
      }
      setCancelState({ busy: false, error });
    }
  };

  const doSubmit = async () => {
    if (submit.isPending) return;
    const id = requestId.current ?? uuid();
    requestId.current = id;
    try {
      // What is not saved yet is saved first (usually nothing: Review saved it). The MS-RequestId is not
      // sent with it: the server keeps it on the draft as the submission arrives, for a retry after a
      // lost answer, and a save of its own would put one more request before the submission.
      await autosave.flush();
    } catch (error) {
      submit.reset();
      setSubmitError(error);
      return;
    }
    setSubmitError(null);
    const draftId = autosave.draftId();
    const body = toRequestBody(form.getValues(), { ...bodyContext, draftId });
    let answer: OnboardingResponse;
    try {
      // Awaited, not a mutate callback: the answer reaches the confirmation even if this form remounts meanwhile.
      answer = await submit.mutateAsync({ body, requestId: id });
    } catch (error) {
      if (!isApiError(error) || error.status === 0 || error.status >= 500) return; // the same id again on retry
      requestId.current = null; // a definite answer: the next submission is a new one
      if (error.fieldErrors.length > 0) {
        const target = error.fieldErrors.map((fieldError) => stepOfPath(fieldError.field)).includes('account') ? 'account' : 'subscriptions';
        applyErrors(error.fieldErrors);
        goTo(target);
      }
      return;
    }
    autosave.stop();
    onSubmitted(answer, draftId);
  };
  const [submitError, setSubmitError] = useState<unknown>(null);

  const unfinished = step === 'account' ? null : firstUnfinishedStep(values, bodyContext);
  if (unfinished !== null && STEPS.indexOf(unfinished) < STEPS.indexOf(step)) {
    return <Navigate replace to={{ pathname: `/customers/new/${unfinished}`, search: params.toString() === '' ? '' : `?${params.toString()}` }} />;
  }

  return (
    <FormProvider {...form}>
      <WizardContext value={context}>
        <Stepper current={step} />
        {stale ? (
          <MessageBar intent="info" className={styles.notice}>
            <MessageBarBody>{t('onboarding.draftReloaded')}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => setStale(false)}>{t('onboarding.dismiss')}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {step === 'account' && draft === null && !formState.isDirty && autosave.draftId() === null ? (
          <Suspense fallback={null}>
            <ResumeDrafts />
          </Suspense>
        ) : null}
        <div className={styles.notice}>
          <Text as="h2" size={600} weight="semibold" block className={styles.stepHeading} ref={headingRef} tabIndex={-1} id="step-heading">
            {t(`onboarding.steps.${step}`)}
          </Text>
          <SaveStatusText status={autosave.status} />
        </div>
        <form noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="step-heading">
          <Suspense fallback={<Loading />}>
            {step === 'account' ? <AccountStep /> : null}
            {step === 'subscriptions' ? <SubscriptionsStep /> : null}
            {step === 'review' ? (
              <ReviewStep submission={{ submit: () => void doSubmit(), isPending: submit.isPending, error: submitError ?? submit.error }} />
            ) : null}
          </Suspense>
        </form>
        {cancelOpen ? (
          <Suspense fallback={null}>
            <CancelDialog
              open={cancelOpen}
              busy={cancelState.busy}
              error={cancelState.error}
              onConfirm={() => void discard()}
              onClose={closeCancel}
            />
          </Suspense>
        ) : null}
      </WizardContext>
    </FormProvider>
  );
}

function SaveStatusText({ status }: { status: ReturnType<typeof useDraftAutosave>['status'] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Text size={200} className={styles.status} role="status">
      {status === 'saving' ? t('onboarding.saving') : null}
      {status === 'saved' ? (
        <>
          <CheckmarkCircle16Regular aria-hidden /> {t('onboarding.saved')}
        </>
      ) : null}
      {status === 'failed' ? (
        <>
          <ErrorCircle16Regular aria-hidden /> {t('onboarding.saveFailed')}
        </>
      ) : null}
    </Text>
  );
}
