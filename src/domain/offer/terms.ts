/**
 * Terms and billing cycles of an offer (new commerce): an offer is sold with one or more terms (a
 * commitment of a month, a year, three years), the usual one first, and billed at one of its billing
 * cycles. A cycle longer than the term cannot be: a one-month term is never billed annually.
 * https://learn.microsoft.com/partner-center/developer/order-resources (OrderLineItem.termDuration)
 */
import type { FieldError } from '../errors.ts';
import { fieldError } from '../customer/result.ts';

export const termDurations = ['P1M', 'P1Y', 'P3Y', 'none'] as const;
export type TermDuration = (typeof termDurations)[number];

export const billingCycles = ['monthly', 'annual', 'none', 'one_time'] as const;
export type BillingCycle = (typeof billingCycles)[number];

export interface TermOption {
  duration: TermDuration;
  /** The offer's billing cycles this term can be billed at, in the offer's order. */
  billingCycles: BillingCycle[];
}

/** Annual billing needs a commitment of at least a year; every other cycle suits every term. */
export function billingCycleFitsTerm(cycle: BillingCycle, term: TermDuration): boolean {
  return cycle !== 'annual' || term === 'P1Y' || term === 'P3Y';
}

/** The offer's terms (the usual first), each with the cycles it can be billed at. */
export function termOptions(terms: readonly TermDuration[], cycles: readonly BillingCycle[]): TermOption[] {
  return [...new Set(terms)].map((duration) => ({ duration, billingCycles: cycles.filter((cycle) => billingCycleFitsTerm(cycle, duration)) }));
}

/**
 * What is wrong with a catalog offer's terms and cycles, at `terms.N` (or `term`): a term none of the
 * offer's billing cycles can bill, such as a one-month term of an offer billed only annually.
 */
export function termCatalogErrors(terms: readonly TermDuration[], cycles: readonly BillingCycle[], field: 'terms' | 'term'): FieldError[] {
  return termOptions(terms, cycles).flatMap((option, index) =>
    option.billingCycles.length > 0
      ? []
      : [fieldError(field === 'terms' ? `terms.${index}` : 'term', 'term_not_billable', `A ${option.duration} term cannot be billed ${cycles.join(' or ')}: add a billing cycle that suits it (monthly), or remove the term.`)],
  );
}

export interface TermChoice {
  termDuration: TermDuration;
  billingCycle: BillingCycle;
}

export interface RequestedTerm {
  termDuration?: string | null | undefined;
  billingCycle?: string | null | undefined;
  /** The fields to name in errors (`lineItems.0.termDuration`, or the order's `billingCycle`). */
  termField: string;
  billingCycleField: string;
}

/**
 * The term and billing cycle of one line: the ones asked for, checked against the offer's; what is
 * not asked for is the offer's usual (its first term, that term's first cycle; for a cycle without a
 * term, the first term that can be billed so).
 */
export function chooseTerm(options: readonly TermOption[], requested: RequestedTerm): { ok: true; value: TermChoice } | { ok: false; errors: FieldError[] } {
  const offered = (list: readonly string[]) => list.join(' or ');
  const termDuration = requested.termDuration?.trim() || undefined;
  const billingCycle = requested.billingCycle?.trim() || undefined;
  const known = options.map((option) => option.duration as string);
  if (termDuration !== undefined && !known.includes(termDuration)) {
    return { ok: false, errors: [fieldError(requested.termField, 'term_not_offered', `This offer is sold with a term of ${offered(known)}, not ${termDuration}.`)] };
  }
  const candidates = termDuration === undefined ? options : options.filter((option) => option.duration === termDuration);
  const option = billingCycle === undefined ? candidates[0] : candidates.find((candidate) => (candidate.billingCycles as string[]).includes(billingCycle));
  if (option === undefined || option.billingCycles[0] === undefined) {
    const allowed = [...new Set(candidates.flatMap((candidate) => candidate.billingCycles))];
    const term = termDuration === undefined ? '' : ` with a ${termDuration} term`;
    return { ok: false, errors: [fieldError(requested.billingCycleField, 'billing_cycle_not_supported', `This offer is billed ${offered(allowed)}${term}, not ${billingCycle ?? 'so'}.`)] };
  }
  return { ok: true, value: { termDuration: option.duration, billingCycle: (billingCycle as BillingCycle | undefined) ?? option.billingCycles[0] } };
}

/** The end of a commitment that starts at `start`, or null for an offer without a term. */
export function termEnd(start: Date, term: TermDuration | string): Date | null {
  const end = new Date(start);
  switch (term) {
    case 'P1M':
      end.setUTCMonth(end.getUTCMonth() + 1);
      return end;
    case 'P1Y':
      end.setUTCFullYear(end.getUTCFullYear() + 1);
      return end;
    case 'P3Y':
      end.setUTCFullYear(end.getUTCFullYear() + 3);
      return end;
    default:
      return null;
  }
}
