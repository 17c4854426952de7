import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber } from './registration-number.ts';

describe('checkRegistrationNumber', () => {
  it.each([
    ['BR', ' 11.222.333/0001-81 ', '11.222.333/0001-81'],
    ['IN', '27aapfu0939f1zv', '27AAPFU0939F1ZV'],
    ['AE', '100123456700003', '100123456700003'],
    ['PL', 'PL 123-456-32-18', 'PL 123-456-32-18'],
    ['ZA', '2001/012345/07', '2001/012345/07'],
  ])('%s %j is stored as %j', (country, input, value) => {
    expect(checkRegistrationNumber(input, country)).toEqual({ ok: true, value });
  });

  it.each(['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'TW', 'CN'])('is not needed in %s', (country) => {
    expect(checkRegistrationNumber(undefined, country)).toEqual({ ok: true, value: null });
    expect(checkRegistrationNumber('  ', country)).toEqual({ ok: true, value: null });
  });

  it.each(['US', 'GB', 'DE', 'FR', 'JP', 'TW', 'CN'])('is refused in %s, which does not support it', (country) => {
    expect(checkRegistrationNumber('12345678', country)).toMatchObject({
      ok: false,
      errors: [{ field: 'organizationRegistrationNumber', code: 'registration_number_not_supported' }],
    });
  });

  it.each(['BR', 'IN', 'AE', 'RU', 'TR', 'VN'])('is required in %s', (country) => {
    expect(checkRegistrationNumber(null, country)).toMatchObject({ ok: false, errors: [{ code: 'registration_number_missing' }] });
  });

  it('names the number the country uses when it is missing', () => {
    expect(checkRegistrationNumber('', 'BR')).toEqual({
      ok: false,
      errors: [
        {
          field: 'organizationRegistrationNumber',
          code: 'registration_number_missing',
          message: 'Enter the organization registration number; customers in Brazil need one (CNPJ).',
        },
      ],
    });
  });

  it('says what the format is when it is wrong', () => {
    expect(checkRegistrationNumber('11.222.333/0001-82', 'BR', 'companyProfile.organizationRegistrationNumber')).toEqual({
      ok: false,
      errors: [
        {
          field: 'companyProfile.organizationRegistrationNumber',
          code: 'registration_number_invalid',
          message: '"11.222.333/0001-82" is not a valid CNPJ; enter 14 characters with valid check digits, such as 11.222.333/0001-81.',
        },
      ],
    });
    expect(checkRegistrationNumber('12345', 'IN')).toMatchObject({ ok: false, errors: [{ code: 'registration_number_invalid' }] });
    expect(checkRegistrationNumber('1234', 'AE')).toMatchObject({ ok: false, errors: [{ code: 'registration_number_invalid' }] });
  });
});
