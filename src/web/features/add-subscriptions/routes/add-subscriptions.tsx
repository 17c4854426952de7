import '../locales/register-en-US.ts';
import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Checkmark16Regular, Open16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FieldErrorBody } from '#contracts/common.ts';
import type { CreateOrderRequest, Order } from '#contracts/orders.ts';
import type { Customer } from '#contracts/customers.ts';
import { isApiError, uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
// The customer's data and the wizard's offer picker and agreement fields, not copies of them.
import { useCustomer } from '../../customers/api/get-customer.ts';
import { useCustomerAgreements } from '../../customers/api/get-customer-agreements.ts';
import { useLatestAgreement } from '../../onboarding/api/get-latest-agreement.ts';
import { useOffers } from '../../onboarding/api/get-offers.ts';
import { TextField, useFormStyles } from '../../onboarding/components/fields.tsx';
import { OfferPicker, useTermText } from '../../onboarding/components/offer-picker.tsx';
import { StepActions } from '../../onboarding/components/step-actions.tsx';
import { estimate, pricedLine } from '../../onboarding/offer-terms.ts';
import type { WizardValues } from '../../onboarding/wizard-form.ts';
import { useCreateOrder } from '../api/create-order.ts';

/** Today in the browser's time zone, YYYY-MM-DD (as the wizard's; not imported, so its form module stays in the wizard's chunk). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Step = 'agreement' | 'subscriptions' | 'review';

/** The wizard's fields this page uses (the offer picker and the agreement fields read them by these names). */
type Values = Pick<WizardValues, 'country' | 'lineItems' | 'dateAgreed' | 'signerFirstName' | 'signerLastName' | 'signerEmail' | 'signerPhoneNumber'>;
type Form = UseFormReturn<Values>;

const SIGNER_FIELDS = { 'customerAgreement.dateAgreed': 'dateAgreed', 'customerAgreement.primaryContact.firstName': 'signerFirstName', 'customerAgreement.primaryContact.lastName': 'signerLastName', 'customerAgreement.primaryContact.email': 'signerEmail', 'customerAgreement.primaryContact.phoneNumber': 'signerPhoneNumber' } as const;

const useStyles = makeStyles({
  breadcrumb: { marginBlockEnd: tokens.spacingVerticalS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  steps: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  badgeCurrent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
  badgeDone: { backgroundColor: tokens.colorNeutralBackground3 },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorBrandForegroundLink },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  lineText: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Keeps the date alone on its row beside the signer's fields; on a phone (one column) it is not there.
  spacer: { '@media (max-width: 640px)': { display: 'none' } },
});

function Breadcrumbs({ customer, current }: { customer: Customer | undefined; current: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const go = (to: string) => (event: React.MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  return (
    <Breadcrumb aria-label={t('addSubscriptions.breadcrumb')} className={styles.breadcrumb} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton href="/customers" onClick={go('/customers')}>
          {t('addSubscriptions.customers')}
        </BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      {customer ? (
        <>
          <BreadcrumbItem>
            <BreadcrumbButton href={`/customers/${customer.id}`} onClick={go(`/customers/${customer.id}`)}>
              {customer.companyProfile.companyName}
            </BreadcrumbButton>
          </BreadcrumbItem>
          <BreadcrumbDivider />
        </>
      ) : null}
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}

function Steps({ steps, current }: { steps: readonly Step[]; current: Step }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const currentIndex = steps.indexOf(current);
  return (
    <nav aria-label={t('addSubscriptions.stepsLabel')}>
      <ol className={styles.steps}>
        {steps.map((step, index) => {
          const isCurrent = step === current;
          const done = index < currentIndex;
          return (
            <li key={step} className={mergeClasses(styles.step, isCurrent && styles.current)} aria-current={isCurrent ? 'step' : undefined}>
              <span className={mergeClasses(styles.badge, isCurrent && styles.badgeCurrent, done && styles.badgeDone)} aria-hidden>
                {done ? <Checkmark16Regular /> : index + 1}
              </span>
              <Text weight={isCurrent ? 'semibold' : 'regular'}>{t(`addSubscriptions.steps.${step}`)}</Text>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Notice({ text, customerId }: { text: string; customerId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
      <div>
        <LinkButton to={`/customers/${customerId}`}>{t('addSubscriptions.actions.back')}</LinkButton>
      </div>
    </>
  );
}

/** The agreement step: the latest Customer Agreement to read, the date and the signer (the wizard's fields). */
function AgreementStep({ company }: { company: string }) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const { t } = useTranslation();
  const latest = useLatestAgreement(true);
  return (
    <Panel aria-labelledby="agreement-heading">
      <PanelHeading id="agreement-heading">{t('onboarding.agreement.section')}</PanelHeading>
      <Text className={styles.muted}>{t('addSubscriptions.agreement.intro', { company })}</Text>
      {latest.data ? (
        <a href={latest.data.agreementLink} target="_blank" rel="noopener noreferrer" className={styles.link}>
          {t('onboarding.agreement.link')}
          <Open16Regular aria-hidden />
          <span className={styles.visuallyHidden}>{t('onboarding.agreement.newWindow')}</span>
        </a>
      ) : latest.isSuccess ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('onboarding.agreement.noTemplate')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={formStyles.grid}>
        <TextField name="dateAgreed" label={t('onboarding.agreement.date')} required type="date" max={localToday()} hint={t('onboarding.agreement.dateHint')} />
        <span className={styles.spacer} />
        <TextField name="signerFirstName" label={t('onboarding.agreement.signerFirstName')} required autoComplete="off" />
        <TextField name="signerLastName" label={t('onboarding.agreement.signerLastName')} required />
        <TextField name="signerEmail" label={t('onboarding.agreement.signerEmail')} required type="email" inputMode="email" />
        <TextField name="signerPhoneNumber" label={t('onboarding.agreement.signerPhone')} type="tel" inputMode="tel" />
      </div>
    </Panel>
  );
}

/** What the order will be: the lines, the agreement confirmed with it, and the reseller they are sold through. */
function ReviewStep({ form, customer, withAgreement, offers }: { form: Form; customer: Customer; withAgreement: boolean; offers: ReturnType<typeof useOffers> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useTermText();
  const values = useWatch({ control: form.control });
  const byId = useMemo(() => new Map((offers.data ?? []).map((offer) => [offer.id, offer])), [offers.data]);
  const lines = (values.lineItems ?? []).flatMap((item) => {
    const line = item.offerId && item.quantity !== undefined ? pricedLine({ offerId: item.offerId, quantity: item.quantity, termDuration: item.termDuration ?? '', billingCycle: item.billingCycle ?? '' }, byId) : null;
    return line ? [{ ...line, quantity: Number(item.quantity) }] : [];
  });
  const totals = estimate(form.getValues('lineItems'), byId);
  return (
    <>
      {withAgreement ? (
        <Panel aria-labelledby="review-agreement-heading">
          <PanelHeading id="review-agreement-heading">{t('addSubscriptions.review.agreementTitle')}</PanelHeading>
          <Text>
            {t('addSubscriptions.review.agreementLine', {
              date: values.dateAgreed ? format.date(`${values.dateAgreed}T12:00:00Z`) : '',
              name: `${values.signerFirstName ?? ''} ${values.signerLastName ?? ''}`.trim(),
              email: values.signerEmail ?? '',
            })}
          </Text>
        </Panel>
      ) : null}
      <Panel aria-labelledby="review-lines-heading">
        <PanelHeading id="review-lines-heading">{t('addSubscriptions.review.subscriptionsTitle')}</PanelHeading>
        <ul className={styles.lines}>
          {lines.map((line) => (
            <li key={line.offer.id}>
              <Text className={styles.lineText}>{t('addSubscriptions.review.line', { quantity: format.number(line.quantity), name: line.offer.name })}</Text>
              <Text size={200} className={styles.muted}>
                {' · '}
                {text.choice(line.choice)}
                {line.amount !== null ? ` · ${text.lineCharge(line)}` : ''}
              </Text>
            </li>
          ))}
        </ul>
        {totals.map((total) => (
          <Text key={`${total.currency}-${total.billingCycle}`} weight="semibold">
            {text.totalLabel(total.billingCycle)}: {text.charge(total.amount, total.currency, total.billingCycle)}
          </Text>
        ))}
      </Panel>
      <ResellerNote customer={customer} />
    </>
  );
}

/** An indirect provider's sales go through the customer's reseller: said here, changed on the customer's page. */
function ResellerNote({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.partner.kind !== 'indirect_provider') return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('addSubscriptions.reseller.title')}</MessageBarTitle>
        {customer.indirectReseller ? t('addSubscriptions.reseller.through', { name: customer.indirectReseller.name }) : t('addSubscriptions.reseller.none')}
      </MessageBarBody>
    </MessageBar>
  );
}

function Done({ customer, order, withAgreement }: { customer: Customer; order: Order; withAgreement: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const company = customer.companyProfile.companyName;
  return (
    <div className={styles.main}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('addSubscriptions.done.title')}</MessageBarTitle>
          {t('addSubscriptions.done.body', { company, count: order.lineItems.length })} {withAgreement ? t('addSubscriptions.done.agreement') : null}
        </MessageBarBody>
      </MessageBar>
      <Panel aria-labelledby="done-heading">
        <PanelHeading id="done-heading">{t('addSubscriptions.review.subscriptionsTitle')}</PanelHeading>
        <ul className={styles.lines}>
          {order.lineItems.map((line) => (
            <li key={line.subscriptionId}>
              <Text className={styles.lineText}>{t('addSubscriptions.done.line', { quantity: format.number(line.quantity), name: line.friendlyName ?? line.offerName })}</Text>
            </li>
          ))}
        </ul>
      </Panel>
      <div className={styles.actions}>
        <LinkButton appearance="primary" to={`/customers/${customer.id}`}>
          {t('addSubscriptions.done.back', { company })}
        </LinkButton>
      </div>
    </div>
  );
}

function AddSubscriptions({ customer, needsAgreement: neededAtFirst }: { customer: Customer; needsAgreement: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const country = customer.billingProfile.defaultAddress.country;
  const form = useForm<Values>({
    defaultValues: { country, lineItems: [], dateAgreed: localToday(), signerFirstName: '', signerLastName: '', signerEmail: '', signerPhoneNumber: '' },
  });
  const offers = useOffers(country);
  // Fixed when the page opens: a confirmation recorded meanwhile (600061) drops the step, keeping the lines.
  const [needsAgreement, setNeedsAgreement] = useState(neededAtFirst);
  const steps: readonly Step[] = needsAgreement ? ['agreement', 'subscriptions', 'review'] : ['subscriptions', 'review'];
  const [step, setStep] = useState<Step>(steps[0]!);
  const [requestId, setRequestId] = useState(uuid);
  const [general, setGeneral] = useState<string | null>(null);
  const [placed, setPlaced] = useState<{ order: Order; withAgreement: boolean } | null>(null);
  const create = useCreateOrder();
  const cancel = () => void navigate(`/customers/${customer.id}`);
  const text = useTermText();

  const goTo = (next: Step) => {
    setGeneral(null);
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  /** Required agreement fields, checked here; the server checks each again (format, date, template). */
  const checkAgreement = () => {
    const values = form.getValues();
    let ok = true;
    // The wizard's codes: the field shows their text in the UI language.
    const codes = { dateAgreed: 'agreement_date_required', signerFirstName: 'name_required', signerLastName: 'name_required', signerEmail: 'email_required' } as const;
    for (const name of ['dateAgreed', 'signerFirstName', 'signerLastName', 'signerEmail'] as const) {
      if (values[name].trim() === '') {
        form.setError(name, { type: codes[name], message: '' }, { shouldFocus: ok });
        ok = false;
      }
    }
    return ok;
  };

  const billedCycles = () => [...new Set(form.getValues('lineItems').map((item) => item.billingCycle).filter((cycle) => cycle !== '' && cycle !== 'none'))];

  const checkLines = () => {
    const items = form.getValues('lineItems');
    if (items.length === 0) {
      setGeneral(t('addSubscriptions.chooseOne'));
      return false;
    }
    let ok = true;
    for (const [index, item] of items.entries()) {
      const offer = offers.data?.find((candidate) => candidate.id === item.offerId);
      const quantity = Number(item.quantity);
      if (offer && (!Number.isInteger(quantity) || quantity < offer.minimumQuantity || quantity > offer.maximumQuantity)) {
        form.setError(`lineItems.${index}.quantity`, { type: 'quantity_out_of_bounds', message: '' }, { shouldFocus: ok });
        ok = false;
      }
    }
    // Partner Center's order has one billing cycle (trials are not billed and go with any).
    const cycles = billedCycles();
    if (ok && cycles.length > 1) {
      setGeneral(t('addSubscriptions.oneCycle', { cycles: cycles.map((cycle) => text.cycleName(cycle)).join(' / ') }));
      return false;
    }
    return ok;
  };

  const body = (): CreateOrderRequest => {
    const values = form.getValues();
    const cycle = billedCycles()[0];
    return {
      lineItems: values.lineItems.map((item, index) => ({ lineItemNumber: index, offerId: item.offerId, quantity: Number(item.quantity), termDuration: item.termDuration || null })),
      ...(cycle ? { billingCycle: cycle as CreateOrderRequest['billingCycle'] } : {}),
      ...(needsAgreement
        ? {
            customerAgreement: {
              dateAgreed: values.dateAgreed,
              primaryContact: { firstName: values.signerFirstName, lastName: values.signerLastName, email: values.signerEmail, phoneNumber: values.signerPhoneNumber.trim() || null },
            },
          }
        : {}),
    };
  };

  /** The server's field errors at their fields, on the step that has them; the rest said above the step. */
  const showErrors = (errors: FieldErrorBody[], fallback: string) => {
    let target: Step | null = null;
    const unplaced: string[] = [];
    for (const error of errors) {
      const signerField = SIGNER_FIELDS[error.field as keyof typeof SIGNER_FIELDS];
      const line = /^lineItems\.(\d+)\.(quantity|termDuration|billingCycle)$/.exec(error.field);
      if (signerField) {
        form.setError(signerField, { type: error.code, message: error.message });
        target = 'agreement';
      } else if (line) {
        form.setError(`lineItems.${Number(line[1])}.${line[2] as 'quantity'}`, { type: error.code, message: error.message });
        target ??= 'subscriptions';
      } else {
        unplaced.push(error.message);
      }
    }
    if (target && steps.includes(target)) setStep(target);
    setGeneral(unplaced.length > 0 ? unplaced.join(' ') : target ? null : fallback);
  };

  const submit = () => {
    setGeneral(null);
    create.mutate(
      { customerId: customer.id, requestId, body: body() },
      {
        onSuccess: (order) => setPlaced({ order, withAgreement: needsAgreement }),
        onError: (error) => {
          // Another submission would be another order: a new id once the answer says this one was refused.
          setRequestId(uuid());
          if (isApiError(error) && error.code === 600061) {
            setNeedsAgreement(false);
            setStep('review');
            setGeneral(t('addSubscriptions.alreadyConfirmed'));
            return;
          }
          if (isApiError(error) && error.fieldErrors.length > 0) showErrors(error.fieldErrors, errorMessage(error));
          else setGeneral(errorMessage(error));
        },
      },
    );
  };

  if (placed) return <Done customer={customer} order={placed.order} withAgreement={placed.withAgreement} />;

  const index = steps.indexOf(step);
  const back = index > 0 ? () => goTo(steps[index - 1]!) : undefined;
  return (
    <FormProvider {...form}>
      <div className={styles.main}>
        <Steps steps={steps} current={step} />
        {general ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{general}</MessageBarBody>
          </MessageBar>
        ) : null}
        {step === 'agreement' ? <AgreementStep company={customer.companyProfile.companyName} /> : null}
        {step === 'subscriptions' ? <OfferPicker country={country} description={t('addSubscriptions.offersDescription')} /> : null}
        {step === 'review' ? <ReviewStep form={form} customer={customer} withAgreement={needsAgreement} offers={offers} /> : null}
        {step === 'review' ? (
          <StepActions
            primary={t('addSubscriptions.review.submit')}
            busy={create.isPending}
            busyLabel={t('addSubscriptions.review.submitting')}
            onPrimary={submit}
            {...(back ? { onBack: back } : {})}
            onCancel={cancel}
          />
        ) : (
          <StepActions
            primary={t('addSubscriptions.actions.next')}
            onPrimary={() => {
              if (step === 'agreement' ? checkAgreement() : checkLines()) goTo(steps[index + 1]!);
            }}
            {...(back ? { onBack: back } : {})}
            onCancel={cancel}
          />
        )}
      </div>
    </FormProvider>
  );
}

function Page({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const customer = useCustomer(customerId);
  // US Government has no agreement step (SPEC §8).
  const agreementApplies = user.partner.instance !== 'usgov';
  const agreements = useCustomerAgreements(customerId, agreementApplies);

  if (customer.isPending || (agreementApplies && agreements.isPending)) return (<><Breadcrumbs customer={undefined} current={t('addSubscriptions.title')} /><Loading /></>);
  if (customer.isError || (agreementApplies && agreements.isError)) {
    const error = customer.error ?? agreements.error;
    return (
      <>
        <Breadcrumbs customer={undefined} current={t('addSubscriptions.title')} />
        <PageHeader title={t('addSubscriptions.title')} />
        <QueryError title={t('addSubscriptions.loadFailed')} error={error} onRetry={() => void Promise.all([customer.refetch(), agreements.refetch()])} />
      </>
    );
  }
  const company = customer.data.companyProfile.companyName;
  // The confirmations the server counts for an order: this partner's (and an indirect reseller's provider's).
  const needsAgreement = agreementApplies && !(agreements.data?.items ?? []).some((agreement) => agreement.type === 'MicrosoftCustomerAgreement');
  let content;
  if (!user.actions.includes('orders.create')) content = <Notice text={t('addSubscriptions.mayNotOrder')} customerId={customerId} />;
  else if (needsAgreement && !user.actions.includes('agreements.confirm'))
    content = <Notice text={user.partner.kind === 'indirect_reseller' ? t('addSubscriptions.resellerMayNotConfirm', { company }) : t('addSubscriptions.mayNotConfirm', { company })} customerId={customerId} />;
  else content = <AddSubscriptions customer={customer.data} needsAgreement={needsAgreement} />;
  return (
    <>
      <Breadcrumbs customer={customer.data} current={t('addSubscriptions.title')} />
      <PageHeader title={t('addSubscriptions.title')} description={t('addSubscriptions.description', { company, country: format.region(customer.data.billingProfile.defaultAddress.country) })} />
      {content}
    </>
  );
}

export function Component() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  if (!GUID.test(customerId)) {
    return (
      <>
        <PageHeader title={t('addSubscriptions.title')} />
        <MessageBar intent="error">
          <MessageBarBody>{t('addSubscriptions.loadFailed')}</MessageBarBody>
        </MessageBar>
        <LinkButton appearance="primary" to="/customers">
          {t('addSubscriptions.customers')}
        </LinkButton>
      </>
    );
  }
  return <Page key={customerId} customerId={customerId} />;
}
