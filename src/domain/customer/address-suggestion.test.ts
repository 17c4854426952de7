import { describe, expect, it } from 'vitest';
import { validateAddressForSuggestion } from './address-suggestion.ts';

describe('validateAddressForSuggestion', () => {
  it('verifies a well-formed address, suggesting it unchanged', () => {
    const original = { country: 'US', addressLine1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' };
    expect(validateAddressForSuggestion(original)).toEqual({
      originalAddress: original,
      status: 'Verified',
      validationMessage: null,
      suggestedAddresses: [
        { country: 'US', addressLine1: '1 Microsoft Way', addressLine2: null, addressLine3: null, city: 'Redmond', state: 'WA', postalCode: '98052' },
      ],
    });
  });

  it('standardises: spaces, UK → GB, postal code case and layout', () => {
    const original = { country: 'UK', addressLine1: ' 10   Downing Street ', city: 'London', postalCode: 'sw1a2aa' };
    const answer = validateAddressForSuggestion(original);
    expect(answer.status).toBe('Verified');
    expect(answer.validationMessage).toBe('The address was standardized; use the suggested address.');
    expect(answer.originalAddress).toBe(original);
    expect(answer.suggestedAddresses).toEqual([
      { country: 'GB', addressLine1: '10 Downing Street', addressLine2: null, addressLine3: null, city: 'London', state: null, postalCode: 'SW1A 2AA' },
    ]);
  });

  it('turns state names into codes', () => {
    const answer = validateAddressForSuggestion({ country: 'ca', addressLine1: '111 Wellington St', city: 'Ottawa', state: 'ontario', postalCode: 'k1a0a9' });
    expect(answer.status).toBe('Verified');
    expect(answer.suggestedAddresses[0]).toMatchObject({ country: 'CA', state: 'ON', postalCode: 'K1A 0A9' });
  });

  it('asks for a decision when the ZIP code belongs to another state', () => {
    const answer = validateAddressForSuggestion({ country: 'US', addressLine1: '1 Microsoft Way', city: 'Redmond', state: 'California', postalCode: '98052' });
    expect(answer.status).toBe('InteractionRequired');
    expect(answer.validationMessage).toBe(
      'The ZIP code 98052 is in Washington (WA), not California (CA); check the ZIP code and the state.',
    );
    expect(answer.suggestedAddresses).toEqual([expect.objectContaining({ state: 'WA', postalCode: '98052' })]);
  });

  it('suggests every state that shares a ZIP prefix', () => {
    const answer = validateAddressForSuggestion({ country: 'US', addressLine1: '1 Marine Drive', city: 'Hagåtña', state: 'HI', postalCode: '96910' });
    expect(answer.status).toBe('InteractionRequired');
    expect(answer.suggestedAddresses.map((a) => a.state)).toEqual(['GU', 'MP']);
  });

  it('flags a US or Canadian street without a number', () => {
    const answer = validateAddressForSuggestion({ country: 'US', addressLine1: 'Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' });
    expect(answer.status).toBe('StreetPartial');
    expect(answer.suggestedAddresses).toHaveLength(1);
    expect(validateAddressForSuggestion({ country: 'US', addressLine1: 'Microsoft Way', addressLine2: 'Building 92', city: 'Redmond', state: 'WA', postalCode: '98052' }).status).toBe('Verified');
  });

  it('does not flag streets without numbers elsewhere', () => {
    expect(validateAddressForSuggestion({ country: 'GB', addressLine1: 'Rose Cottage, High Street', city: 'Ambridge', postalCode: 'B1 1AA' }).status).toBe('Verified');
  });

  it('says NotValidated where there is nothing but presence to check', () => {
    const answer = validateAddressForSuggestion({ country: 'AE', addressLine1: 'Sheikh Zayed Road', city: 'Dubai', state: 'Dubai' });
    expect(answer.status).toBe('NotValidated');
    expect(answer.validationMessage).toBe(
      'Addresses in United Arab Emirates can be checked only for their required parts, and this one has them.',
    );
    expect(answer.suggestedAddresses).toEqual([expect.objectContaining({ country: 'AE', city: 'Dubai' })]);
  });

  it('answers None, with the reasons, for an address it cannot accept', () => {
    const answer = validateAddressForSuggestion({ country: 'US', addressLine1: '1 Microsoft Way', city: '', state: 'WA', postalCode: '9805' });
    expect(answer.status).toBe('None');
    expect(answer.suggestedAddresses).toEqual([]);
    expect(answer.validationMessage).toBe(
      'Enter the city; addresses in United States need one. "9805" is not a ZIP code; enter 5 digits, such as 98052, or ZIP+4, such as 98052-6399.',
    );
    expect(validateAddressForSuggestion({ country: 'ZZ', addressLine1: 'x' }).status).toBe('None');
    expect(validateAddressForSuggestion({ country: 'CN', addressLine1: '1 Road', city: 'Hong Kong', state: 'Hong Kong', postalCode: '100000' }).status).toBe('None');
  });

  it('is deterministic', () => {
    const input = { country: 'DE', addressLine1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' };
    expect(validateAddressForSuggestion(input)).toEqual(validateAddressForSuggestion({ ...input }));
  });
});
