import type { TFunction } from 'i18next';

/** Billing cycles and terms are open strings in the API; a value we have no words for is shown as it is. */
export function billingCycleLabel(t: TFunction, cycle: string): string {
  switch (cycle) {
    case 'monthly':
    case 'annual':
    case 'none':
    case 'one_time':
      return t(`customerDetail.billingCycles.${cycle}`);
    default:
      return cycle;
  }
}

export function termLabel(t: TFunction, term: string): string {
  switch (term) {
    case 'P1M':
    case 'P1Y':
    case 'P3Y':
    case 'none':
      return t(`customerDetail.terms.${term}`);
    default:
      return term;
  }
}
