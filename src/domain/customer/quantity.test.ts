import { describe, expect, it } from 'vitest';
import { validatePurchaseLimit, validateQuantity } from './quantity.ts';

const bounds = { min: 1, max: 300 };
const codes = (quantity: unknown) => validateQuantity(quantity, bounds).map((e) => e.code);

describe('validateQuantity', () => {
  it.each([1, 25, 300])('accepts %i', (quantity) => {
    expect(codes(quantity)).toEqual([]);
  });

  it.each([0, -1, 301, 10_000])('refuses %i, outside the bounds', (quantity) => {
    expect(codes(quantity)).toEqual(['quantity_out_of_bounds']);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined])('refuses %j, not a whole number', (quantity) => {
    expect(codes(quantity)).toEqual(['quantity_not_integer']);
  });

  it('says the range', () => {
    expect(validateQuantity(500, { min: 5, max: 100 }, 'lineItems[0].quantity')).toEqual([
      {
        field: 'lineItems[0].quantity',
        code: 'quantity_out_of_bounds',
        message: 'Enter between 5 and 100 licenses for this offer; 500 is outside that range.',
      },
    ]);
  });
});

describe('validatePurchaseLimit', () => {
  it('allows any quantity without a limit', () => {
    expect(validatePurchaseLimit({ existingQuantity: 1000, requestedQuantity: 1000, limit: null })).toEqual([]);
    expect(validatePurchaseLimit({ existingQuantity: 1000, requestedQuantity: 1000, limit: undefined })).toEqual([]);
  });

  it('allows up to the limit', () => {
    expect(validatePurchaseLimit({ existingQuantity: 2, requestedQuantity: 3, limit: 5 })).toEqual([]);
  });

  it('refuses past the limit, saying how many are left', () => {
    expect(validatePurchaseLimit({ existingQuantity: 2, requestedQuantity: 4, limit: 5 })).toEqual([
      {
        field: 'quantity',
        code: 'purchase_limit_exceeded',
        message: 'This offer is limited to 5 licenses per customer and the customer has 2; enter 3 or fewer.',
      },
    ]);
  });

  it('says when none are left', () => {
    expect(validatePurchaseLimit({ existingQuantity: 5, requestedQuantity: 1, limit: 5 })[0]?.message).toBe(
      'The customer already has 5 licenses of this offer, its limit of 5; no more can be bought.',
    );
  });
});
