import { describe, expect, it } from 'vitest';
import { errorCatalog } from './errors.ts';
import {
  checkAgreementDate,
  checkCulture,
  checkEmail,
  checkPersonName,
  checkPhone,
  checkRegistrationNumber,
  errorsOf,
  validateAddress,
  validatePurchaseLimit,
  validatePrerequisites,
  validateQuantity,
  customerFieldErrorCodes,
  validateAddressForSuggestion,
  validateCompanyName,
  validateDomainPrefix,
} from './customer-rules.ts';

describe('customer-rules', () => {
  it('exports the rules', () => {
    expect(validateDomainPrefix('contoso')).toEqual([]);
    expect(validateCompanyName('Contoso').errors).toEqual([]);
    expect(validateAddressForSuggestion({ country: 'DE', addressLine1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' }).status).toBe(
      'Verified',
    );
  });

  it('lists every field error code once', () => {
    expect(new Set(customerFieldErrorCodes).size).toBe(customerFieldErrorCodes.length);
    expect(customerFieldErrorCodes.every((code) => /^[a-z]+(_[a-z0-9]+)*$/.test(code))).toBe(true);
  });

  it('uses the error catalog codes for the rules that have a Partner Center number', () => {
    for (const code of ['registration_number_missing', 'registration_number_invalid', 'registration_number_not_supported', 'phone_missing', 'quantity_out_of_bounds', 'purchase_limit_exceeded', 'prerequisite_missing'] as const) {
      expect(customerFieldErrorCodes).toContain(code);
      expect(errorCatalog[code].status).toBe(400);
    }
  });

  it('produces only listed codes', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const produced = [
      ...validateDomainPrefix('con-toso'),
      ...validateCompanyName('LLC').errors,
      ...validateCompanyName('contoso.com').warnings,
      ...errorsOf(checkPhone('', 'BR')),
      ...errorsOf(checkPhone('+44 20 7946 0958', 'US')),
      ...errorsOf(checkRegistrationNumber('1', 'US')),
      ...errorsOf(checkRegistrationNumber('1', 'BR')),
      ...errorsOf(checkEmail('ann@partner.example', { partnerDomains: ['partner.example'] })),
      ...errorsOf(checkPersonName('test', 'first')),
      ...errorsOf(checkAgreementDate('2030-01-01', now)),
      ...errorsOf(checkCulture('xx', 'US')),
      ...errorsOf(validateAddress({ country: 'US', addressLine1: '', state: 'ZZ', postalCode: '1' })),
      ...validateQuantity(0, { min: 1, max: 2 }),
      ...validatePurchaseLimit({ existingQuantity: 1, requestedQuantity: 2, limit: 2 }),
      ...validatePrerequisites({ addOnName: 'Add-on', prerequisites: [{ id: 'A', name: 'Base' }], has: () => false }),
    ].map((error) => error.code);
    expect(produced).toHaveLength(18);
    for (const code of produced) expect(customerFieldErrorCodes).toContain(code);
  });
});
