import { describe, expect, it } from 'vitest';
import type { Offer } from '#contracts/offers.ts';
import { estimate, hasTermChoice, isFixedQuantity, lineCharge, resolveChoice } from './offer-terms.ts';

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'A:0001',
    name: 'Plan A',
    description: '',
    minimumQuantity: 1,
    maximumQuantity: 300,
    rank: 0,
    uri: '/v1/offers/A%3A0001?country=US',
    locale: 'en-US',
    country: 'US',
    category: { id: 'small_business', name: 'Small business', rank: 2, locale: 'en-US', country: 'US', attributes: { objectType: 'OfferCategory' } },
    prerequisiteOffers: [],
    isAddOn: false,
    hasAddOns: false,
    isAvailableForPurchase: true,
    isAutoRenewable: true,
    product: { id: 'A:0001', name: 'Plan A', unit: 'Licenses' },
    // Partner Center's properties the portal does not read.
    salesGroupId: null, upgradeTargetOffers: [], conversionTargetOffers: [], reselleeQualifications: [], resellerQualifications: [], isInternal: false,
    billing: 'license',
    supportedBillingCycles: ['monthly', 'annual'],
    termDuration: 'P1Y',
    terms: [
      { duration: 'P1Y', billingCycles: ['monthly', 'annual'] },
      { duration: 'P1M', billingCycles: ['monthly'] },
    ],
    unitType: 'Licenses',
    isTrial: false,
    limit: null,
    limitUnitOfMeasure: 'None',
    listPrice: { amount: 6, currency: 'USD' },
    links: { self: { uri: '/v1/offers/A%3A0001?country=US', method: 'GET', headers: [] } },
    attributes: { objectType: 'Offer' },
    ...overrides,
  };
}

describe('resolveChoice', () => {
  it("keeps a term and cycle the offer has, and falls back to the offer's usual otherwise", () => {
    expect(resolveChoice({ termDuration: 'P1Y', billingCycle: 'annual' }, offer())).toEqual({ termDuration: 'P1Y', billingCycle: 'annual' });
    expect(resolveChoice({ termDuration: '', billingCycle: '' }, offer())).toEqual({ termDuration: 'P1Y', billingCycle: 'monthly' });
    // A one-month term is never billed annually: the cycle follows the term.
    expect(resolveChoice({ termDuration: 'P1M', billingCycle: 'annual' }, offer())).toEqual({ termDuration: 'P1M', billingCycle: 'monthly' });
  });
});

describe('lineCharge and estimate', () => {
  it('charges a month at a time, twelve at once when billed annually, and nothing for a trial', () => {
    expect(lineCharge(offer(), '3', 'monthly')).toBe(18);
    expect(lineCharge(offer(), '3', 'annual')).toBe(216);
    expect(lineCharge(offer(), '25', 'none')).toBe(0);
    expect(lineCharge(offer(), '', 'monthly')).toBeNull();
  });

  it('totals per currency and billing cycle, monthly first', () => {
    const offers = new Map([
      ['A:0001', offer()],
      ['B:0001', offer({ id: 'B:0001', listPrice: { amount: 12.5, currency: 'USD' } })],
      ['T:0001', offer({ id: 'T:0001', isTrial: true, terms: [{ duration: 'P1M', billingCycles: ['none'] }], listPrice: { amount: 0, currency: 'USD' } })],
    ]);
    expect(
      estimate(
        [
          { offerId: 'B:0001', quantity: '2', termDuration: 'P1Y', billingCycle: 'annual' },
          { offerId: 'A:0001', quantity: '3', termDuration: 'P1M', billingCycle: 'monthly' },
          { offerId: 'T:0001', quantity: '25', termDuration: '', billingCycle: '' },
        ],
        offers,
      ),
    ).toEqual([
      { currency: 'USD', billingCycle: 'monthly', amount: 18 },
      { currency: 'USD', billingCycle: 'annual', amount: 300 },
    ]);
  });
});

describe('isFixedQuantity and hasTermChoice', () => {
  it('tells a fixed number of licenses and an offer with something to choose', () => {
    expect(isFixedQuantity(offer({ minimumQuantity: 25, maximumQuantity: 25 }))).toBe(true);
    expect(isFixedQuantity(offer())).toBe(false);
    expect(hasTermChoice(offer())).toBe(true);
    expect(hasTermChoice(offer({ terms: [{ duration: 'P1M', billingCycles: ['none'] }] }))).toBe(false);
  });
});
