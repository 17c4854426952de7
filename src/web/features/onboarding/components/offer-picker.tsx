import '../locales/en-US-later.ts';
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Offer } from '#contracts/offers.ts';
import { useFormatters } from '../../../app/format.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useOffers } from '../api/get-offers.ts';
import { TOP_BAR_HEIGHT } from '../../../app/shell/layout.ts';
import { estimate, hasTermChoice, isFixedQuantity, pricedLine, resolveChoice, type PricedLine, type TermChoice } from '../offer-terms.ts';
import type { LineItemValues, WizardValues } from '../wizard-form.ts';
import { useFieldError } from './fields.tsx';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 300px',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Seven categories do not fit a phone's width in one row: the tabs wrap instead of running off it.
  tabs: { flexWrap: 'wrap' },
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
  choices: {
    gridColumn: '1 / -1',
    paddingInlineStart: '32px',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 180px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    maxWidth: '600px',
    '@media (max-width: 640px)': { paddingInlineStart: 0 },
  },
  fixed: { gridColumn: '1 / -1', paddingInlineStart: '32px' },
  fixedError: { color: tokens.colorPaletteRedForeground1, display: 'block' },
  // Below the top bar (48px, sticky too), not under it.
  summary: {
    position: 'sticky',
    top: `calc(${TOP_BAR_HEIGHT} + ${tokens.spacingVerticalL})`,
    '@media (max-width: 900px)': { position: 'static' },
  },
  lines: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  lineName: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  amount: { whiteSpace: 'nowrap', textAlign: 'end' },
  total: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type CategoryFilter = 'all' | Offer['category']['id'];

const TERM_KEYS = ['P1M', 'P1Y', 'P3Y', 'none'] as const;
const CYCLE_KEYS = ['monthly', 'annual', 'none', 'one_time'] as const;
const isTermKey = (value: string): value is (typeof TERM_KEYS)[number] => (TERM_KEYS as readonly string[]).includes(value);
const isCycleKey = (value: string): value is (typeof CYCLE_KEYS)[number] => (CYCLE_KEYS as readonly string[]).includes(value);

export function useMoney() {
  const { i18n } = useTranslation();
  return (amount: number, currency: string) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount);
}

/** Words for terms, billing cycles and charges, in the UI language (a code the catalog adds later is shown as it is). */
export function useTermText() {
  const { t } = useTranslation();
  const money = useMoney();
  const termName = (term: string) => (isTermKey(term) ? t(`onboarding.subscriptions.termName.${term}`) : term);
  const cycleName = (cycle: string) => (isCycleKey(cycle) ? t(`onboarding.subscriptions.cycleName.${cycle}`) : cycle);
  const charge = (amount: number, currency: string, cycle: string) => (isCycleKey(cycle) ? t(`onboarding.subscriptions.charge.${cycle}`, { amount: money(amount, currency) }) : money(amount, currency));
  return {
    termName,
    cycleName,
    /** "1 year term, billed annually". */
    choice: (choice: TermChoice) => t('onboarding.subscriptions.choice', { term: termName(choice.termDuration), billed: isCycleKey(choice.billingCycle) ? t(`onboarding.subscriptions.billed.${choice.billingCycle}`) : choice.billingCycle }),
    /** "$18.00 per month", "Free" for a trial. */
    charge,
    /** A line's charge, "–" while its quantity is not a number. */
    lineCharge: (line: PricedLine) => (line.amount === null ? '–' : charge(line.amount, line.offer.listPrice.currency, line.choice.billingCycle)),
    totalLabel: (cycle: string) => (isCycleKey(cycle) ? t(`onboarding.subscriptions.estimateTotal.${cycle}`) : cycle),
  };
}

/**
 * Gives every chosen line the term and cycle it is shown with (the offer's usual until changed),
 * so that what the steps show is what is submitted, also for a draft saved before lines had them.
 */
export function useExplicitTerms(offers: ReadonlyMap<string, Offer>) {
  const { control, setValue } = useFormContext<WizardValues>();
  const lineItems = useWatch({ control, name: 'lineItems' });
  useEffect(() => {
    lineItems.forEach((item, index) => {
      const offer = offers.get(item.offerId);
      if (!offer) return;
      const choice = resolveChoice(item, offer);
      if (choice.termDuration !== item.termDuration) setValue(`lineItems.${index}.termDuration`, choice.termDuration);
      if (choice.billingCycle !== item.billingCycle) setValue(`lineItems.${index}.billingCycle`, choice.billingCycle);
    });
  }, [lineItems, offers, setValue]);
}

/**
 * The offer picker (the wizard's Subscriptions step and a customer's Add subscriptions): the offers sold
 * in `country`, by category and searched, a number of licenses and a term each, and the estimate beside
 * them. It edits the `lineItems` of the form around it (a form whose values have `lineItems`).
 */
export function OfferPicker({ country, description }: { country: string; /** Instead of the wizard's ("…or order later"). */ description?: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const { control, getValues, setValue, clearErrors } = useFormContext<WizardValues>();
  const lineItems = useWatch({ control, name: 'lineItems' });
  const offers = useOffers(country);
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [query, setQuery] = useState('');

  const byId = useMemo(() => new Map((offers.data ?? []).map((offer) => [offer.id, offer])), [offers.data]);
  const categories = useMemo(() => [...new Set((offers.data ?? []).map((offer) => offer.category.id))], [offers.data]);
  const needle = query.trim().toLocaleLowerCase(i18n.language);
  const shown = (offers.data ?? []).filter(
    (offer) =>
      (category === 'all' || offer.category.id === category) &&
      (needle === '' || offer.name.toLocaleLowerCase(i18n.language).includes(needle) || offer.description.toLocaleLowerCase(i18n.language).includes(needle)),
  );

  useExplicitTerms(byId);

  const toggle = (offer: Offer, checked: boolean) => {
    clearErrors('lineItems');
    const current = getValues('lineItems');
    const next = checked
      ? [...current.filter((item) => item.offerId !== offer.id), { offerId: offer.id, quantity: String(offer.minimumQuantity), ...resolveChoice({ termDuration: '', billingCycle: '' }, offer) }]
      : current.filter((item) => item.offerId !== offer.id);
    setValue('lineItems', next, { shouldDirty: true });
  };

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
                item={index >= 0 ? lineItems[index] : undefined}
                prerequisites={offer.prerequisiteOffers.map((id) => byId.get(id)?.name ?? id)}
                onToggle={toggle}
              />
            );
          })}
        </ul>
      </>
    );

  return (
    <div className={styles.layout}>
      <Panel aria-labelledby="offers-heading">
        <PanelHeading id="offers-heading">{t('onboarding.subscriptions.offersLabel')}</PanelHeading>
        <Text className={styles.muted}>{description ?? t('onboarding.subscriptions.description')}</Text>
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
      <EstimatePanel lineItems={lineItems} offers={byId} />
    </div>
  );
}

function EstimatePanel({ lineItems, offers }: { lineItems: readonly LineItemValues[]; offers: ReadonlyMap<string, Offer> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useTermText();
  const totals = estimate(lineItems, offers);
  return (
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
                const line = pricedLine(item, offers);
                const quantity = Number(item.quantity);
                return (
                  <li key={item.offerId} className={styles.line}>
                    <span className={styles.lineName}>
                      <Text>{t('onboarding.subscriptions.estimateLine', { quantity: Number.isFinite(quantity) ? format.number(quantity) : '–', name: line?.offer.name ?? item.offerId })}</Text>
                      {line ? (
                        <Text size={200} className={styles.muted}>
                          {text.choice(line.choice)}
                        </Text>
                      ) : null}
                    </span>
                    {line && line.amount !== null ? <Text className={styles.amount}>{text.lineCharge(line)}</Text> : null}
                  </li>
                );
              })}
            </ul>
            {totals.map((total) => (
              <div key={`${total.currency}-${total.billingCycle}`} className={styles.total}>
                <Text weight="semibold">{text.totalLabel(total.billingCycle)}</Text>
                <Text weight="semibold" className={styles.amount}>
                  {text.charge(total.amount, total.currency, total.billingCycle)}
                </Text>
              </div>
            ))}
            <Text size={200} className={styles.muted}>
              {t('onboarding.subscriptions.estimateNote')}
            </Text>
          </>
        )}
      </div>
    </Panel>
  );
}

function OfferRow({
  offer,
  index,
  item,
  prerequisites,
  onToggle,
}: {
  offer: Offer;
  index: number;
  item: LineItemValues | undefined;
  /** The names of the offers an add-on builds on (any one of them), for its error. */
  prerequisites: string[];
  onToggle: (offer: Offer, checked: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const text = useTermText();
  const chosen = index >= 0 && item !== undefined;
  const fixed = isFixedQuantity(offer);
  const quantityText = fixed
    ? t(offer.isTrial ? 'onboarding.subscriptions.fixedTrial' : 'onboarding.subscriptions.fixed', { quantity: format.number(offer.minimumQuantity) })
    : t('onboarding.subscriptions.bounds', { min: format.number(offer.minimumQuantity), max: format.number(offer.maximumQuantity) });
  return (
    <li className={mergeClasses(styles.offer, chosen && styles.chosen)}>
      <div>
        <Checkbox checked={chosen} onChange={(_event, data) => onToggle(offer, data.checked === true)} label={<Text weight="semibold">{offer.name}</Text>} />
        <div className={styles.offerText}>
          <Text size={200} className={styles.muted}>
            {offer.description}
          </Text>
          <Text size={200} className={styles.muted}>
            {fixed && chosen ? null : (
              <>
                {quantityText}
                {' · '}
              </>
            )}
            {t(`onboarding.subscriptions.category.${offer.category.id}`)}
            {offer.terms.length > 1 ? (
              <>
                {' · '}
                {t('onboarding.subscriptions.termsOffered', { terms: offer.terms.map((term) => text.termName(term.duration)).join(' / ') })}
              </>
            ) : null}
          </Text>
        </div>
      </div>
      <Text className={styles.price}>
        {offer.listPrice.amount === 0 ? t('onboarding.subscriptions.priceFree') : t('onboarding.subscriptions.price', { price: money(offer.listPrice.amount, offer.listPrice.currency) })}
      </Text>
      {chosen && fixed ? <FixedQuantity index={index} text={quantityText} /> : null}
      {chosen && (!fixed || hasTermChoice(offer)) ? (
        <div className={styles.choices}>
          {fixed ? null : <QuantityField offer={offer} index={index} value={item.quantity} prerequisites={prerequisites} />}
          {hasTermChoice(offer) ? <TermFields offer={offer} index={index} item={item} /> : null}
        </div>
      ) : null}
    </li>
  );
}

/** A number of licenses nothing can change (minimum = maximum): said, not asked; a server error on it shows here. */
function FixedQuantity({ index, text }: { index: number; text: string }) {
  const styles = useStyles();
  const error = useFieldError(`lineItems.${index}.quantity`);
  return (
    <div className={styles.fixed}>
      <Text weight="semibold">{text}</Text>
      {error ? (
        <Text role="alert" className={styles.fixedError}>
          {error}
        </Text>
      ) : null}
    </div>
  );
}

/** The term and the billing frequency of a chosen offer that has a choice of them. */
function TermFields({ offer, index, item }: { offer: Offer; index: number; item: LineItemValues }) {
  const { t } = useTranslation();
  const text = useTermText();
  const { register, setValue, clearErrors } = useFormContext<WizardValues>();
  const termName = `lineItems.${index}.termDuration` as const;
  const cycleName = `lineItems.${index}.billingCycle` as const;
  const termError = useFieldError(termName);
  const cycleError = useFieldError(cycleName);
  // Registered for their refs only (an error focuses them); the values are set here.
  const termRef = register(termName).ref;
  const cycleRef = register(cycleName).ref;
  const choice = resolveChoice(item, offer);
  const cycles = offer.terms.find((term) => term.duration === choice.termDuration)?.billingCycles ?? [];
  return (
    <>
      <Field label={t('onboarding.subscriptions.term')} validationMessage={termError}>
        <Select
          ref={termRef}
          value={choice.termDuration}
          aria-label={t('onboarding.subscriptions.termFor', { name: offer.name })}
          disabled={offer.terms.length < 2}
          onChange={(_event, data) => {
            clearErrors([termName, cycleName]);
            const next = resolveChoice({ termDuration: data.value, billingCycle: choice.billingCycle }, offer);
            setValue(termName, next.termDuration, { shouldDirty: true });
            setValue(cycleName, next.billingCycle, { shouldDirty: true });
          }}
        >
          {offer.terms.map((term) => (
            <option key={term.duration} value={term.duration}>
              {text.termName(term.duration)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('onboarding.subscriptions.billingCycle')} validationMessage={cycleError}>
        <Select
          ref={cycleRef}
          value={choice.billingCycle}
          aria-label={t('onboarding.subscriptions.billingCycleFor', { name: offer.name })}
          disabled={cycles.length < 2}
          onChange={(_event, data) => {
            clearErrors([termName, cycleName]);
            setValue(cycleName, data.value, { shouldDirty: true });
          }}
        >
          {cycles.map((cycle) => (
            <option key={cycle} value={cycle}>
              {text.cycleName(cycle)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

function QuantityField({ offer, index, value, prerequisites }: { offer: Offer; index: number; value: string; prerequisites: string[] }) {
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
    <Field label={t('onboarding.subscriptions.quantity')} required validationMessage={error}>
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
