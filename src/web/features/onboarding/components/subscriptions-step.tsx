import '../locales/en-US-later.ts';
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import type { Offer } from '#contracts/offers.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useOffers } from '../api/get-offers.ts';
import { useValidateOnboarding } from '../api/validate-onboarding.ts';
import { clientErrors, stepOfPath, toRequestBody, type LineItemValues, type WizardValues } from '../wizard-form.ts';
import { useFieldError } from './fields.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { StepActions } from './step-actions.tsx';
import { useWizard } from './wizard-context.ts';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 300px',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tabs: { overflowX: 'auto' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  offer: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  chosen: { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  offerText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingInlineStart: '32px' },
  muted: { color: tokens.colorNeutralForeground2 },
  price: { textAlign: 'end', '@media (max-width: 640px)': { textAlign: 'start', paddingInlineStart: '32px' } },
  quantity: { gridColumn: '1 / -1', paddingInlineStart: '32px', maxWidth: '360px' },
  summary: { position: 'sticky', top: tokens.spacingVerticalL },
  lines: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  total: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type CategoryFilter = 'all' | Offer['category']['id'];

/** Totals per currency (an estimate at list price; the countries we sell in use one currency each). */
export function estimate(lineItems: readonly LineItemValues[], offers: ReadonlyMap<string, Offer>) {
  const totals = new Map<string, number>();
  for (const item of lineItems) {
    const offer = offers.get(item.offerId);
    const quantity = Number(item.quantity);
    if (!offer || !Number.isFinite(quantity) || quantity <= 0) continue;
    totals.set(offer.listPrice.currency, (totals.get(offer.listPrice.currency) ?? 0) + quantity * offer.listPrice.amount);
  }
  return [...totals.entries()].map(([currency, amount]) => ({ currency, amount }));
}

export function useMoney() {
  const { i18n } = useTranslation();
  return (amount: number, currency: string) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount);
}

/** Step 2: offers sold in the customer's country, by category, with a number of licenses each. */
export function SubscriptionsStep() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const errorMessage = useErrorMessage();
  const wizard = useWizard();
  const { control, getValues, setValue, clearErrors } = useFormContext<WizardValues>();
  const [country, lineItems] = useWatch({ control, name: ['country', 'lineItems'] });
  const offers = useOffers(country);
  const validate = useValidateOnboarding();
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [query, setQuery] = useState('');
  const [summary, setSummary] = useState<{ general: FieldErrorBody[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const byId = useMemo(() => new Map((offers.data ?? []).map((offer) => [offer.id, offer])), [offers.data]);
  const categories = useMemo(() => [...new Set((offers.data ?? []).map((offer) => offer.category.id))], [offers.data]);
  const needle = query.trim().toLocaleLowerCase(i18n.language);
  const shown = (offers.data ?? []).filter(
    (offer) =>
      (category === 'all' || offer.category.id === category) &&
      (needle === '' || offer.name.toLocaleLowerCase(i18n.language).includes(needle) || offer.description.toLocaleLowerCase(i18n.language).includes(needle)),
  );

  const toggle = (offer: Offer, checked: boolean) => {
    clearErrors('lineItems');
    const current = getValues('lineItems');
    const next = checked
      ? [...current.filter((item) => item.offerId !== offer.id), { offerId: offer.id, quantity: String(offer.minimumQuantity) }]
      : current.filter((item) => item.offerId !== offer.id);
    setValue('lineItems', next, { shouldDirty: true });
  };

  const next = async () => {
    setFailure(null);
    const values = getValues();
    const errors = clientErrors(values, wizard.bodyContext, wizard.offerBounds, 'subscriptions');
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

  const totals = estimate(lineItems, byId);
  let list;
  if (offers.isPending) list = <Loading />;
  else if (offers.isError) list = <QueryError title={t('onboarding.subscriptions.loadFailed')} error={offers.error} onRetry={() => void offers.refetch()} />;
  else if (offers.data.length === 0) list = <Text>{t('onboarding.subscriptions.noOffers', { country: format.region(country) })}</Text>;
  else
    list = (
      <>
        {shown.length === 0 ? <Text>{t('onboarding.subscriptions.noMatches')}</Text> : null}
        <ul className={styles.list} aria-labelledby="offers-heading">
          {shown.map((offer) => {
            const index = lineItems.findIndex((item) => item.offerId === offer.id);
            return (
              <OfferRow
                key={offer.id}
                offer={offer}
                index={index}
                quantity={index >= 0 ? (lineItems[index]?.quantity ?? '') : ''}
                prerequisites={offer.prerequisiteOffers.map((id) => byId.get(id)?.name ?? id)}
                onToggle={toggle}
              />
            );
          })}
        </ul>
      </>
    );

  return (
    <div className={styles.main}>
      {summary ? (
        <ErrorSummary
          general={summary.general}
          labelOf={(field) => t('onboarding.subscriptions.quantityFor', { name: byId.get(lineItems[Number(/\d+/.exec(field)?.[0])]?.offerId ?? '')?.name ?? '' })}
        />
      ) : null}
      {failure ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{errorMessage(failure)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.layout}>
        <Panel aria-labelledby="offers-heading">
          <PanelHeading id="offers-heading">{t('onboarding.subscriptions.offersLabel')}</PanelHeading>
          <Text className={styles.muted}>{t('onboarding.subscriptions.description')}</Text>
          <div className={styles.tools}>
            <Field label={t('onboarding.subscriptions.search')}>
              <Input
                type="search"
                value={query}
                onChange={(_event, data) => setQuery(data.value)}
                contentBefore={<Search20Regular aria-hidden />}
                placeholder={t('onboarding.subscriptions.searchPlaceholder')}
              />
            </Field>
            {categories.length > 1 ? (
              <TabList
                className={styles.tabs}
                selectedValue={category}
                onTabSelect={(_event, data) => setCategory(data.value as CategoryFilter)}
                aria-label={t('onboarding.subscriptions.categories')}
              >
                <Tab value="all">{t('onboarding.subscriptions.all')}</Tab>
                {categories.map((id) => (
                  <Tab key={id} value={id}>
                    {t(`onboarding.subscriptions.category.${id}`)}
                  </Tab>
                ))}
              </TabList>
            ) : null}
          </div>
          {list}
        </Panel>
        <Panel aria-labelledby="estimate-heading" className={styles.summary}>
          <PanelHeading id="estimate-heading">{t('onboarding.subscriptions.estimate')}</PanelHeading>
          <div aria-live="polite">
            {lineItems.length === 0 ? (
              <Text className={styles.muted}>{t('onboarding.subscriptions.estimateEmpty')}</Text>
            ) : (
              <>
                <Text weight="semibold">{t('onboarding.subscriptions.selected', { count: lineItems.length })}</Text>
                <ul className={styles.lines}>
                  {lineItems.map((item) => {
                    const offer = byId.get(item.offerId);
                    const quantity = Number(item.quantity);
                    return (
                      <li key={item.offerId} className={styles.line}>
                        <Text>{t('onboarding.subscriptions.estimateLine', { quantity: Number.isFinite(quantity) ? format.number(quantity) : '–', name: offer?.name ?? item.offerId })}</Text>
                        {offer && Number.isFinite(quantity) ? <Text>{money(quantity * offer.listPrice.amount, offer.listPrice.currency)}</Text> : null}
                      </li>
                    );
                  })}
                </ul>
                {totals.map((total) => (
                  <div key={total.currency} className={styles.total}>
                    <Text weight="semibold">{t('onboarding.subscriptions.estimateTotal')}</Text>
                    <Text weight="semibold">{money(total.amount, total.currency)}</Text>
                  </div>
                ))}
                <Text size={200} className={styles.muted}>
                  {t('onboarding.subscriptions.estimateNote')}
                </Text>
              </>
            )}
          </div>
        </Panel>
      </div>
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

function OfferRow({
  offer,
  index,
  quantity,
  prerequisites,
  onToggle,
}: {
  offer: Offer;
  index: number;
  quantity: string;
  /** The names of the offers an add-on builds on (any one of them), for its error. */
  prerequisites: string[];
  onToggle: (offer: Offer, checked: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const chosen = index >= 0;
  return (
    <li className={mergeClasses(styles.offer, chosen && styles.chosen)}>
      <div>
        <Checkbox checked={chosen} onChange={(_event, data) => onToggle(offer, data.checked === true)} label={<Text weight="semibold">{offer.name}</Text>} />
        <div className={styles.offerText}>
          <Text size={200} className={styles.muted}>
            {offer.description}
          </Text>
          <Text size={200} className={styles.muted}>
            {t('onboarding.subscriptions.bounds', { min: format.number(offer.minimumQuantity), max: format.number(offer.maximumQuantity) })}
            {' · '}
            {t(`onboarding.subscriptions.category.${offer.category.id}`)}
          </Text>
        </div>
      </div>
      <Text className={styles.price}>{t('onboarding.subscriptions.price', { price: money(offer.listPrice.amount, offer.listPrice.currency) })}</Text>
      {chosen ? <QuantityField offer={offer} index={index} value={quantity} prerequisites={prerequisites} /> : null}
    </li>
  );
}

function QuantityField({ offer, index, value, prerequisites }: { offer: Offer; index: number; value: string; prerequisites: string[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const { register, setValue, clearErrors } = useFormContext<WizardValues>();
  const name = `lineItems.${index}.quantity` as const;
  // Registered for its ref only (so an error can focus it); the value is controlled here.
  const { ref } = register(name);
  const error = useFieldError(name, {
    min: offer.minimumQuantity,
    max: offer.maximumQuantity,
    addOn: offer.name,
    prerequisite: new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(prerequisites),
  });
  return (
    <Field label={t('onboarding.subscriptions.quantity')} required validationMessage={error} className={styles.quantity}>
      <Input
        type="number"
        inputMode="numeric"
        min={offer.minimumQuantity}
        max={offer.maximumQuantity}
        step={1}
        value={value}
        ref={ref}
        aria-label={t('onboarding.subscriptions.quantityFor', { name: offer.name })}
        onChange={(_event, data) => {
          clearErrors(name);
          setValue(name, data.value, { shouldDirty: true });
        }}
      />
    </Field>
  );
}
