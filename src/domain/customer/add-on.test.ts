import { describe, expect, it } from 'vitest';
import { validatePrerequisites } from './add-on.ts';

const e3 = { id: 'CFQ7TTC0LF8Q:0001', name: 'Microsoft 365 E3' };
const e5 = { id: 'CFQ7TTC0LFLZ:0001', name: 'Microsoft 365 E5' };
const none = () => false;

describe('validatePrerequisites', () => {
  it('accepts an offer that is no add-on', () => {
    expect(validatePrerequisites({ addOnName: 'Microsoft 365 E3', prerequisites: [], has: none })).toEqual([]);
  });

  it('accepts an add-on when the customer has, or orders, one of its prerequisites', () => {
    expect(validatePrerequisites({ addOnName: 'Microsoft 365 Copilot', prerequisites: [e3, e5], has: (id) => id === e5.id })).toEqual([]);
  });

  it('names the one offer needed by its name, not its id', () => {
    expect(validatePrerequisites({ addOnName: 'Microsoft 365 Copilot', prerequisites: [e3], has: none }, 'lineItems.1.offerId')).toEqual([
      {
        field: 'lineItems.1.offerId',
        code: 'prerequisite_missing',
        message: 'Microsoft 365 Copilot is an add-on: the customer needs Microsoft 365 E3 first. Order it too, or add Microsoft 365 Copilot once the customer has it.',
      },
    ]);
  });

  it('lists several as a choice, and falls back to the id of an offer the catalog does not name', () => {
    const [error] = validatePrerequisites({ addOnName: 'Copilot', prerequisites: [e3, e5, { id: 'X:0001', name: null }], has: none });
    expect(error?.message).toBe('Copilot is an add-on: the customer needs one of Microsoft 365 E3, Microsoft 365 E5, or X:0001 first. Order one of them too, or add Copilot once the customer has one.');
  });
});
