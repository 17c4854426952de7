/**
 * A chosen offer's term and billing cycle as the subscriptions step shows them, and the estimate at
 * list price. The catalog's list price is per license and month; a line billed annually is charged
 * twelve months at once, a trial (billing cycle `none`) nothing.
 */
import type { Offer } from '#contracts/offers.ts';
import type { LineItemValues } from './wizard-form.ts';

export interface TermChoice {
  termDuration: string;
  billingCycle: string;
}

/** The line's term and cycle where the offer has them, else the offer's usual (its first term, that term's first cycle). */
export function resolveChoice(item: Pick<LineItemValues, 'termDuration' | 'billingCycle'>, offer: Pick<Offer, 'terms' | 'termDuration' | 'supportedBillingCycles'>): TermChoice {
  const term = offer.terms.find((option) => option.duration === item.termDuration) ?? offer.terms[0];
  if (term === undefined) return { termDuration: offer.termDuration, billingCycle: offer.supportedBillingCycles[0] ?? 'monthly' };
  const billingCycle = term.billingCycles.includes(item.billingCycle) ? item.billingCycle : (term.billingCycles[0] ?? 'monthly');
  return { termDuration: term.duration, billingCycle };
}

/** Months charged at once for a billing cycle (0: not billed). */
function monthsPerCharge(billingCycle: string): number {
  switch (billingCycle) {
    case 'annual':
      return 12;
    case 'none':
      return 0;
    default:
      return 1;
  }
}

/** What one line costs per billing period, or null while its quantity is not a number. */
export function lineCharge(offer: Pick<Offer, 'listPrice'>, quantity: string, billingCycle: string): number | null {
  const count = Number(quantity);
  if (quantity.trim() === '' || !Number.isFinite(count) || count < 0) return null;
  return Math.round(count * offer.listPrice.amount * monthsPerCharge(billingCycle) * 100) / 100;
}

export interface PricedLine {
  offer: Offer;
  choice: TermChoice;
  /** Per billing period; null while the quantity is not a number. */
  amount: number | null;
}

/** A chosen line with its offer, its term and cycle, and what it costs; null for an offer no longer sold. */
export function pricedLine(item: LineItemValues, offers: ReadonlyMap<string, Offer>): PricedLine | null {
  const offer = offers.get(item.offerId);
  if (!offer) return null;
  const choice = resolveChoice(item, offer);
  return { offer, choice, amount: lineCharge(offer, item.quantity, choice.billingCycle) };
}

export interface EstimateTotal {
  currency: string;
  billingCycle: string;
  amount: number;
}

/** Totals per currency and billing cycle (monthly first), leaving out what is not billed. */
export function estimate(lineItems: readonly LineItemValues[], offers: ReadonlyMap<string, Offer>): EstimateTotal[] {
  const totals: EstimateTotal[] = [];
  for (const item of lineItems) {
    const line = pricedLine(item, offers);
    if (!line || line.amount === null || monthsPerCharge(line.choice.billingCycle) === 0) continue;
    const { offer, amount } = line;
    const { billingCycle } = line.choice;
    const total = totals.find((candidate) => candidate.currency === offer.listPrice.currency && candidate.billingCycle === billingCycle);
    if (total) total.amount = Math.round((total.amount + amount) * 100) / 100;
    else totals.push({ currency: offer.listPrice.currency, billingCycle, amount });
  }
  const rank = (cycle: string) => ['monthly', 'annual', 'one_time'].indexOf(cycle);
  return totals.sort((a, b) => a.currency.localeCompare(b.currency) || rank(a.billingCycle) - rank(b.billingCycle));
}

/** A fixed number of licenses (minimum = maximum, as trials have): nothing to choose. */
export function isFixedQuantity(offer: Pick<Offer, 'minimumQuantity' | 'maximumQuantity'>): boolean {
  return offer.minimumQuantity === offer.maximumQuantity;
}

/** Whether the offer has a choice of term or billing cycle to offer. */
export function hasTermChoice(offer: Pick<Offer, 'terms'>): boolean {
  return offer.terms.length > 1 || offer.terms.some((term) => term.billingCycles.length > 1);
}
