import { describe, expect, it } from 'vitest';
import { hasPostalCodes, isPostalCodeRequired, isValidPostalCode, normalizePostalCode, postalCodePattern } from './postal-codes.ts';

describe('postalCodePattern', () => {
  it('is the spec pattern for the US', () => {
    expect(postalCodePattern('US')).toBe('^\\d{5}(-\\d{4})?$');
  });

  it('is null where there are no postal codes', () => {
    expect(postalCodePattern('AE')).toBeNull();
    expect(postalCodePattern('HK')).toBeNull();
    expect(hasPostalCodes('AE')).toBe(false);
  });
});

describe('isPostalCodeRequired', () => {
  it('is true where the country has postal codes', () => {
    for (const code of ['US', 'CA', 'GB', 'DE', 'FR', 'BR', 'IN', 'JP', 'TW', 'CN']) expect(isPostalCodeRequired(code)).toBe(true);
  });

  it('is false where there are none, or they are optional in practice', () => {
    for (const code of ['AE', 'HK', 'QA', 'NG', 'BH']) expect(isPostalCodeRequired(code)).toBe(false);
  });
});

describe('normalizePostalCode', () => {
  it.each([
    ['US', ' 98052 ', '98052'],
    ['US', '980526399', '98052-6399'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['CA', 'K1A  0B1', 'K1A 0B1'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['GB', 'm1 1ae', 'M1 1AE'],
    ['NL', '1234ab', '1234 AB'],
    ['JP', '1000001', '100-0001'],
    ['BR', '01310100', '01310-100'],
    ['PL', '00950', '00-950'],
    ['DE', '10115', '10115'],
    ['IE', 'd02 x285', 'D02 X285'],
  ])('%s %j → %j', (country, input, expected) => {
    expect(normalizePostalCode(country, input)).toBe(expected);
  });
});

describe('isValidPostalCode', () => {
  it.each([
    ['US', '98052'],
    ['US', '98052-6399'],
    ['CA', 'K1A 0B1'],
    ['GB', 'EC1A 1BB'],
    ['DE', '01067'],
    ['FR', '75008'],
    ['BR', '01310-100'],
    ['IN', '560001'],
    ['JP', '100-0001'],
    ['TW', '100'],
    ['TW', '106409'],
    ['CN', '200000'],
    ['AE', 'anything'],
  ])('%s %j is valid', (country, input) => {
    expect(isValidPostalCode(country, input)).toBe(true);
  });

  it.each([
    ['US', '9805'],
    ['US', '98052-63'],
    ['US', 'ABCDE'],
    ['CA', '123 456'],
    ['GB', '123'],
    ['DE', '101150'],
    ['FR', '7500'],
    ['BR', '1310-100'],
    ['IN', '56000'],
    ['JP', '100-00001'],
    ['CN', '20000'],
  ])('%s %j is not valid', (country, input) => {
    expect(isValidPostalCode(country, input)).toBe(false);
  });
});
