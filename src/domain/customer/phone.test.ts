import { describe, expect, it } from 'vitest';
import { checkPhone } from './phone.ts';

describe('checkPhone', () => {
  it.each([
    ['US', '(425) 882-8080', '+14258828080'],
    ['CA', '613-555-0199', '+16135550199'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['DE', '030 12345678', '+493012345678'],
    ['FR', '+33 1 23 45 67 89', '+33123456789'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['IN', '+91 98765 43210', '+919876543210'],
    ['JP', '03-1234-5678', '+81312345678'],
    ['TW', '(02) 2345-6789', '+886223456789'],
    ['CN', '010 1234 5678', '+861012345678'],
    ['AE', '050 123 4567', '+971501234567'],
    ['uk', '020 7946 0958', '+442079460958'],
  ])('%s %j → %s', (country, input, e164) => {
    expect(checkPhone(input, country)).toEqual({ ok: true, value: e164 });
  });

  it.each(['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'TW', 'CN'])('is optional in %s', (country) => {
    expect(checkPhone('', country)).toEqual({ ok: true, value: null });
    expect(checkPhone(null, country)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['BR', 'Brazil'],
    ['IN', 'India'],
    ['AE', 'United Arab Emirates'],
    ['TR', 'Türkiye'],
  ])('is required in %s, which requires a registration number', (country, name) => {
    expect(checkPhone('  ', country)).toEqual({
      ok: false,
      errors: [{ field: 'phoneNumber', code: 'phone_missing', message: `Enter a phone number; customers in ${name} need one.` }],
    });
  });

  it('refuses an invalid number with a hint', () => {
    expect(checkPhone('555-0100', 'US', 'billingProfile.defaultAddress.phoneNumber')).toEqual({
      ok: false,
      errors: [
        {
          field: 'billingProfile.defaultAddress.phoneNumber',
          code: 'phone_invalid',
          message: '"555-0100" is not a valid phone number in United States; check the digits, or start with + and the country code.',
        },
      ],
    });
    expect(checkPhone('not a phone', 'DE')).toMatchObject({ ok: false, errors: [{ code: 'phone_invalid' }] });
  });

  it("refuses another country's number", () => {
    expect(checkPhone('+44 20 7946 0958', 'DE')).toMatchObject({ ok: false, errors: [{ code: 'phone_wrong_country' }] });
  });
});
