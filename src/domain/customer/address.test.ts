import { describe, expect, it } from 'vitest';
import { getCountryRules, type CountryRules } from '../countries/country-rules.ts';
import { checkPostalCode, checkState, validateAddress, type AddressInput } from './address.ts';

const rules = (code: string) => getCountryRules(code) as CountryRules;
const codes = (address: AddressInput) => {
  const result = validateAddress(address);
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
};

const valid: Record<string, AddressInput> = {
  US: { country: 'US', addressLine1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
  CA: { country: 'CA', addressLine1: '111 Wellington St', city: 'Ottawa', state: 'ON', postalCode: 'K1A 0A9' },
  GB: { country: 'GB', addressLine1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA' },
  DE: { country: 'DE', addressLine1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' },
  FR: { country: 'FR', addressLine1: '1 Rue de Rivoli', city: 'Paris', postalCode: '75001' },
  BR: { country: 'BR', addressLine1: 'Av. Paulista, 1000', city: 'São Paulo', state: 'SP', postalCode: '01310-100' },
  IN: { country: 'IN', addressLine1: 'MG Road 1', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001' },
  JP: { country: 'JP', addressLine1: '1-1 Chiyoda', city: 'Tokyo', postalCode: '100-0001' },
  TW: { country: 'TW', addressLine1: '信義路五段7號', city: '台北市', postalCode: '110' },
  CN: { country: 'CN', addressLine1: '5 Danling Street', city: 'Beijing', state: 'BJ', postalCode: '100080' },
  AE: { country: 'AE', addressLine1: 'Sheikh Zayed Road', city: 'Dubai' },
  SG: { country: 'SG', addressLine1: '1 Marina Boulevard', postalCode: '018989' },
  HK: { country: 'HK', addressLine1: '1 Queen’s Road Central' },
};

describe('validateAddress', () => {
  it.each(Object.entries(valid))('accepts an address in %s', (_country, address) => {
    expect(codes(address)).toEqual([]);
  });

  it('returns the address normalised, absent parts null', () => {
    const result = validateAddress({
      country: 'us',
      addressLine1: '  1   Microsoft Way ',
      addressLine2: '',
      city: ' Redmond ',
      state: 'washington',
      postalCode: '980526399',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        country: 'US',
        addressLine1: '1 Microsoft Way',
        addressLine2: null,
        addressLine3: null,
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052-6399',
      },
    });
  });

  it('accepts UK as GB and upper-cases the postcode in its layout', () => {
    const result = validateAddress({ country: 'uk', addressLine1: '10 Downing Street', city: 'London', postalCode: 'sw1a2aa' });
    expect(result).toMatchObject({ ok: true, value: { country: 'GB', postalCode: 'SW1A 2AA' } });
  });

  it('requires a known country', () => {
    expect(codes({ addressLine1: 'x' })).toEqual(['country:country_required']);
    expect(codes({ country: 'ZZ', addressLine1: 'x' })).toEqual(['country:country_invalid']);
    expect(codes({ country: 'USA' })).toEqual(['country:country_invalid', 'addressLine1:address_line_required']);
  });

  it('requires line 1 and limits lines to 200 characters', () => {
    expect(codes({ ...valid.DE, addressLine1: ' ' })).toEqual(['addressLine1:address_line_required']);
    expect(codes({ ...valid.DE, addressLine1: 'a'.repeat(200) })).toEqual([]);
    expect(codes({ ...valid.DE, addressLine1: 'a'.repeat(201), addressLine2: 'b'.repeat(201), addressLine3: 'c'.repeat(201) })).toEqual([
      'addressLine1:address_line_too_long',
      'addressLine2:address_line_too_long',
      'addressLine3:address_line_too_long',
    ]);
  });

  it('requires the city except in city-states', () => {
    expect(codes({ ...valid.US, city: '' })).toEqual(['city:city_required']);
    expect(codes({ ...valid.AE, city: null })).toEqual(['city:city_required']);
    expect(codes({ ...valid.SG, city: null })).toEqual([]);
    expect(codes({ ...valid.DE, city: 'x'.repeat(201) })).toEqual(['city:city_too_long']);
  });

  it('requires the state where the country does', () => {
    for (const country of ['US', 'CA', 'CN', 'BR', 'IN']) {
      expect(codes({ ...valid[country], state: undefined })).toEqual(['state:state_required']);
    }
    expect(codes({ ...valid.DE, state: null })).toEqual([]);
  });

  it('requires the postal code where the country has them, and checks its form', () => {
    expect(codes({ ...valid.US, postalCode: '' })).toEqual(['postalCode:postal_code_required']);
    expect(codes({ ...valid.US, postalCode: '9805' })).toEqual(['postalCode:postal_code_invalid']);
    expect(codes({ ...valid.CA, postalCode: '12345' })).toEqual(['postalCode:postal_code_invalid']);
    expect(codes({ ...valid.JP, postalCode: '1000001' })).toEqual([]);
    expect(codes({ ...valid.AE, postalCode: null })).toEqual([]);
    expect(codes({ ...valid.AE, postalCode: 'P.O. Box 1234' })).toEqual([]);
    expect(codes({ ...valid.AE, postalCode: 'x'.repeat(21) })).toEqual(['postalCode:postal_code_invalid']);
  });

  it('puts the prefix before each field name', () => {
    const result = validateAddress({ country: 'US', addressLine1: '', city: 'Redmond', state: 'XX', postalCode: '98052' }, undefined, 'billingProfile.defaultAddress');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      'billingProfile.defaultAddress.addressLine1',
      'billingProfile.defaultAddress.state',
    ]);
  });

  it('uses the rules given when they are the address country', () => {
    expect(validateAddress(valid.US ?? {}, rules('US')).ok).toBe(true);
    expect(codes({ ...valid.US })).toEqual([]);
    expect(validateAddress(valid.US ?? {}, rules('CA'))).toMatchObject({ ok: false, errors: [{ code: 'country_invalid' }] });
  });
});

describe('checkState', () => {
  it.each([
    ['US', 'WA', 'WA'],
    ['US', 'wa', 'WA'],
    ['US', 'California', 'CA'],
    ['US', 'us-ny', 'NY'],
    ['CA', 'Québec', 'QC'],
    ['CN', 'guangdong', 'GD'],
    ['CN', 'Beijing Shi', 'BJ'],
    ['MX', 'Jalisco', 'JAL'],
    ['MX', 'cdmx', 'CMX'],
  ])('%s %j → %s', (country, input, code) => {
    expect(checkState(input, rules(country))).toEqual({ ok: true, value: code });
  });

  it('keeps free text where there is no list', () => {
    expect(checkState('  New   South Wales ', rules('AU'))).toEqual({ ok: true, value: 'New South Wales' });
    expect(checkState('Karnataka', rules('IN'))).toEqual({ ok: true, value: 'Karnataka' });
    expect(checkState('Bavaria', rules('DE'))).toEqual({ ok: true, value: 'Bavaria' });
    expect(checkState('x'.repeat(201), rules('DE'))).toMatchObject({ ok: false, errors: [{ code: 'state_too_long' }] });
  });

  it('refuses a state not in the list, with an example', () => {
    expect(checkState('Ontario', rules('US'))).toEqual({
      ok: false,
      errors: [
        {
          field: 'state',
          code: 'state_invalid',
          message: '"Ontario" is not a state or province of United States; choose one from the list (a code such as AK for Alaska).',
        },
      ],
    });
    expect(checkState('Hong Kong', rules('CN'))).toMatchObject({ ok: false });
    expect(checkState('Taiwan', rules('CN'))).toMatchObject({ ok: false });
  });

  it('is null when not given and not required', () => {
    expect(checkState('', rules('GB'))).toEqual({ ok: true, value: null });
  });
});

describe('checkPostalCode', () => {
  it('explains the US form', () => {
    expect(checkPostalCode('980', rules('US'))).toEqual({
      ok: false,
      errors: [
        {
          field: 'postalCode',
          code: 'postal_code_invalid',
          message: '"980" is not a ZIP code; enter 5 digits, such as 98052, or ZIP+4, such as 98052-6399.',
        },
      ],
    });
  });

  it('names the country elsewhere', () => {
    expect(checkPostalCode('ABC', rules('DE'))).toMatchObject({
      ok: false,
      errors: [{ message: '"ABC" is not a postal code of Germany; check it against the customer\'s mail.' }],
    });
  });
});
