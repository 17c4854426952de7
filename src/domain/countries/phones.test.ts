import { describe, expect, it } from 'vitest';
import { checkPhoneNumber, countryCallingCodes, isValidPhoneNumber, phoneNumberRegex } from './phones.ts';

describe('checkPhoneNumber', () => {
  it.each([
    ['US', '(425) 882-8080', '+14258828080'],
    ['US', '+1 425 882 8080', '+14258828080'],
    ['CA', '+1 416 555 0123', '+14165550123'],
    ['US', '+1 416 555 0123', '+14165550123'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['DE', '+49 30 12345678', '+493012345678'],
    ['FR', '01 23 45 67 89', '+33123456789'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['IN', '98765 43210', '+919876543210'],
    ['JP', '03-1234-5678', '+81312345678'],
    ['TW', '02 2345 6789', '+886223456789'],
    ['CN', '010 1234 5678', '+861012345678'],
    ['AE', '050 123 4567', '+971501234567'],
  ])('%s %j is valid, %s', (country, input, e164) => {
    expect(checkPhoneNumber(input, country)).toEqual({ ok: true, e164 });
  });

  it('refuses numbers that cannot exist', () => {
    expect(checkPhoneNumber('555-0100', 'US')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkPhoneNumber('+1 123 456 7890', 'US')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkPhoneNumber('12', 'DE')).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('refuses text that is no phone number', () => {
    expect(checkPhoneNumber('call me', 'US')).toEqual({ ok: false, reason: 'unparseable' });
  });

  it('refuses a valid number of another country', () => {
    expect(checkPhoneNumber('+44 20 7946 0958', 'US')).toEqual({ ok: false, reason: 'wrong_country' });
    expect(isValidPhoneNumber('+81 3-1234-5678', 'TW')).toBe(false);
  });

  it('checks territories libphonenumber lacks against the plan they use', () => {
    expect(checkPhoneNumber('+47 22 12 34 56', 'XJ').ok).toBe(true);
    expect(checkPhoneNumber('+1 425 882 8080', 'UM').ok).toBe(true);
  });

  it('accepts any valid international number where there is no telephone service', () => {
    expect(checkPhoneNumber('+1 425 882 8080', 'BV').ok).toBe(true);
    expect(checkPhoneNumber('4258828080', 'BV').ok).toBe(false);
  });
});

describe('countryCallingCodes', () => {
  it.each([
    ['US', ['1']],
    ['CA', ['1']],
    ['GB', ['44']],
    ['TW', ['886']],
    ['AE', ['971']],
    ['XS', ['599']],
    ['BV', []],
  ])('%s → %j', (country, codes) => {
    expect(countryCallingCodes(country)).toEqual(codes);
  });
});

describe('phoneNumberRegex', () => {
  const pattern = new RegExp(phoneNumberRegex);

  it.each(['+1 (425) 882-8080', '020 7946 0958', '03.1234.5678', '1234'])('hints %j is fine', (input) => {
    expect(pattern.test(input)).toBe(true);
  });

  it.each(['abc', '12', '+1 425 882 8080 ext 5', '1'.repeat(21)])('hints %j is not', (input) => {
    expect(pattern.test(input)).toBe(false);
  });
});
