import { describe, expect, it } from 'vitest';
import {
  compactRegistrationNumber,
  isRegistrationNumberRequired,
  isRegistrationNumberSupported,
  isValidCnpj,
  isValidGstin,
  isValidInn,
  isValidNip,
  isValidOgrn,
  isValidRegistrationNumber,
  registrationNumberFormat,
  registrationNumberRequiredCountries,
} from './registration-numbers.ts';

const required = ['AM', 'AZ', 'BY', 'BR', 'HU', 'IN', 'IQ', 'KZ', 'KG', 'MD', 'MM', 'PL', 'RU', 'SA', 'ZA', 'SS', 'TJ', 'TH', 'TR', 'UA', 'AE', 'UZ', 'VE', 'VN'];

describe('where a registration number is required and supported', () => {
  it('is exactly the spec list', () => {
    expect([...registrationNumberRequiredCountries].sort()).toEqual([...required].sort());
  });

  it.each(required)('%s requires and supports it, with a format', (code) => {
    expect(isRegistrationNumberRequired(code)).toBe(true);
    expect(isRegistrationNumberSupported(code)).toBe(true);
    expect(registrationNumberFormat(code)).toEqual({ label: expect.any(String), hint: expect.any(String) });
  });

  it.each(['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'TW', 'CN'])('%s neither requires nor supports it', (code) => {
    expect(isRegistrationNumberRequired(code)).toBe(false);
    expect(isRegistrationNumberSupported(code)).toBe(false);
    expect(registrationNumberFormat(code)).toBeUndefined();
    expect(isValidRegistrationNumber(code, '12345678')).toBe(false);
  });
});

describe('check digit algorithms', () => {
  it('CNPJ, numeric and the alphanumeric form of 2026', () => {
    expect(isValidCnpj('11222333000181')).toBe(true);
    expect(isValidCnpj('11222333000182')).toBe(false);
    expect(isValidCnpj('12ABC34501DE35')).toBe(true);
    expect(isValidCnpj('12ABC34501DE36')).toBe(false);
    expect(isValidCnpj('00000000000000')).toBe(false);
    expect(isValidCnpj('1122233300018')).toBe(false);
  });

  it('GSTIN', () => {
    expect(isValidGstin('27AAPFU0939F1ZV')).toBe(true);
    expect(isValidGstin('29AAGCB7383J1Z4')).toBe(true);
    expect(isValidGstin('27AAPFU0939F1ZW')).toBe(false);
    expect(isValidGstin('27AAPFU0939F1YV')).toBe(false);
  });

  it('NIP', () => {
    expect(isValidNip('1234563218')).toBe(true);
    expect(isValidNip('5260250274')).toBe(true);
    expect(isValidNip('1234563219')).toBe(false);
    expect(isValidNip('123456321')).toBe(false);
  });

  it('INN and OGRN', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
    expect(isValidOgrn('1027700132195')).toBe(true);
    expect(isValidOgrn('1027700132196')).toBe(false);
  });
});

describe('isValidRegistrationNumber', () => {
  it.each([
    ['AE', '100123456700003'],
    ['AM', '02512345'],
    ['AZ', '1234567891'],
    ['BR', '11.222.333/0001-81'],
    ['BR', '11222333000181'],
    ['BY', '190123456'],
    ['HU', '12345678-1-23'],
    ['HU', 'HU12345678'],
    ['IN', '27AAPFU0939F1ZV'],
    ['IN', 'aapfu0939f'],
    ['IN', 'U72200KA2009PTC049889'],
    ['IQ', 'BAG-12345'],
    ['KG', '01234567891234'],
    ['KZ', '123456789012'],
    ['MD', '1003600123456'],
    ['MM', '123456789'],
    ['PL', '123-456-32-18'],
    ['PL', 'PL1234563218'],
    ['PL', '012345678'],
    ['RU', '7707083893'],
    ['RU', '1027700132195'],
    ['SA', '1010123456'],
    ['SA', '300123456700003'],
    ['SS', '12345'],
    ['TH', '0105551234567'],
    ['TJ', '123456789'],
    ['TR', '1234567890'],
    ['UA', '12345678'],
    ['UZ', '123456789'],
    ['VE', 'J-12345678-9'],
    ['VN', '0101234567-001'],
    ['VN', '0101234567'],
    ['ZA', '2001/012345/07'],
    ['ZA', '4123456789'],
  ])('%s %j is valid', (country, input) => {
    expect(isValidRegistrationNumber(country, input)).toBe(true);
  });

  it.each([
    ['AE', '10012345670000'],
    ['AE', '1001234567000AB'],
    ['AM', '1234567'],
    ['BR', '11.222.333/0001-82'],
    ['BY', '12345678'],
    ['HU', '1234567'],
    ['IN', '27AAPFU0939F1ZW'],
    ['IN', '12345'],
    ['IQ', 'AB'],
    ['PL', '1234563219'],
    ['RU', '7707083894'],
    ['SA', '200123456700003'],
    ['TH', '010555123456'],
    ['TR', '123456789'],
    ['VE', 'X-12345678-9'],
    ['VN', '010123456'],
    ['ZA', '1701/012345/07'],
    ['AE', '100123456700003!'],
    ['AE', '-100123456700003'],
    ['SS', `${'1'.repeat(51)}`],
  ])('%s %j is not valid', (country, input) => {
    expect(isValidRegistrationNumber(country, input)).toBe(false);
  });
});

describe('compactRegistrationNumber', () => {
  it('drops separators and an EU VAT prefix, and upper-cases', () => {
    expect(compactRegistrationNumber('BR', '11.222.333/0001-81')).toBe('11222333000181');
    expect(compactRegistrationNumber('PL', 'pl 123-456-32-18')).toBe('1234563218');
    expect(compactRegistrationNumber('IN', '27aapfu0939f1zv')).toBe('27AAPFU0939F1ZV');
    expect(compactRegistrationNumber('VE', 'J-12345678-9')).toBe('J123456789');
  });
});
