/**
 * Add-ons (SPEC §2 Offer): an add-on can be bought only by a customer that holds, or orders with it,
 * one of the offers it builds on (Partner Center's `prerequisiteOffers`). The message names the
 * offers by name, as people know them, not by their catalog ids.
 */
import type { FieldError } from '../errors.ts';
import { fieldError } from './result.ts';

export const addOnErrorCodes = ['prerequisite_missing'] as const;

export interface PrerequisiteCheck {
  /** The add-on's name, e.g. "Microsoft 365 Copilot". */
  addOnName: string;
  /** The offers it builds on: any one of them is enough. A name is null when the catalog has none. */
  prerequisites: readonly { id: string; name: string | null }[];
  /** Whether the customer holds an offer, or orders it in the same order. */
  has: (offerId: string) => boolean;
}

export function validatePrerequisites(check: PrerequisiteCheck, field = 'offerId'): FieldError[] {
  const { addOnName, prerequisites, has } = check;
  if (prerequisites.length === 0 || prerequisites.some((offer) => has(offer.id))) return [];
  const names = prerequisites.map((offer) => offer.name ?? offer.id);
  const needed = names.length === 1 ? names[0]! : `one of ${new Intl.ListFormat('en', { type: 'disjunction' }).format(names)}`;
  return [
    fieldError(
      field,
      'prerequisite_missing',
      `${addOnName} is an add-on: the customer needs ${needed} first. Order ${names.length === 1 ? 'it' : 'one of them'} too, or add ${addOnName} once the customer has ${names.length === 1 ? 'it' : 'one'}.`,
    ),
  ];
}
