/**
 * License quantities (SPEC §4): a whole number within the offer's minimum and maximum; with a
 * per-customer purchase limit, what the customer has plus what is asked cannot exceed it.
 * The codes match errors.ts (`quantity_out_of_bounds` 2002, `purchase_limit_exceeded`).
 */
import type { FieldError } from '../errors.ts';
import { fieldError } from './result.ts';

export const quantityErrorCodes = ['quantity_not_integer', 'quantity_out_of_bounds', 'purchase_limit_exceeded'] as const;

export type QuantityBounds = { min: number; max: number };

export function validateQuantity(quantity: unknown, bounds: QuantityBounds, field = 'quantity'): FieldError[] {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity)) {
    return [fieldError(field, 'quantity_not_integer', 'Enter the number of licenses as a whole number, such as 5.')];
  }
  if (quantity < bounds.min || quantity > bounds.max) {
    return [
      fieldError(
        field,
        'quantity_out_of_bounds',
        `Enter between ${bounds.min} and ${bounds.max} licenses for this offer; ${quantity} is outside that range.`,
      ),
    ];
  }
  return [];
}

export type PurchaseLimitCheck = {
  /** Licenses of the offer the customer already holds. */
  existingQuantity: number;
  requestedQuantity: number;
  /** The offer's per-customer limit; null or undefined when it has none. */
  limit: number | null | undefined;
};

export function validatePurchaseLimit(check: PurchaseLimitCheck, field = 'quantity'): FieldError[] {
  const { existingQuantity, requestedQuantity, limit } = check;
  if (limit === null || limit === undefined || existingQuantity + requestedQuantity <= limit) return [];
  const left = Math.max(0, limit - existingQuantity);
  return [
    fieldError(
      field,
      'purchase_limit_exceeded',
      left === 0
        ? `The customer already has ${existingQuantity} licenses of this offer, its limit of ${limit}; no more can be bought.`
        : `This offer is limited to ${limit} licenses per customer and the customer has ${existingQuantity}; enter ${left} or fewer.`,
    ),
  ];
}
