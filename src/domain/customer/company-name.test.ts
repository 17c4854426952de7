import { describe, expect, it } from 'vitest';
import { validateCompanyName } from './company-name.ts';

const codes = (input: string | null | undefined) => validateCompanyName(input).errors.map((e) => e.code);
const warnings = (input: string) => validateCompanyName(input).warnings.map((e) => e.code);

describe('validateCompanyName', () => {
  it.each([
    'Contoso',
    'Contoso Ltd',
    'Contoso, Inc.',
    'HP',
    '3M',
    'A1 Telekom',
    '台灣微軟股份有限公司',
    'Société Générale S.A.',
    'X'.repeat(2) + 'Y',
    'C'.repeat(254) + 'D',
  ])('accepts %j', (input) => {
    expect(validateCompanyName(input).errors).toEqual([]);
  });

  it('stores the name trimmed with spaces collapsed', () => {
    expect(validateCompanyName('  Contoso    Pty   Ltd ').value).toBe('Contoso Pty Ltd');
  });

  it.each(['', '  ', null, undefined])('requires a name (%j)', (input) => {
    expect(codes(input)).toEqual(['company_name_required']);
  });

  it.each(['A', ' A ', 'A.', '-A-', '7'])('refuses a single character (%j)', (input) => {
    expect(codes(input)).toEqual(['company_name_too_short']);
  });

  it('refuses more than 255 characters', () => {
    expect(codes('C'.repeat(255) + 'D')).toEqual(['company_name_too_long']);
  });

  it.each(['!!', '---', '& & &', '…', '@#$%'])('refuses only symbols (%j)', (input) => {
    expect(codes(input)).toEqual(['company_name_symbols_only']);
  });

  it.each(['aa', 'AAAA', 'Aa aA', '1111', 'zzzzzzzz'])('refuses one character repeated (%j)', (input) => {
    expect(codes(input)).toEqual(['company_name_repeated_character']);
  });

  it.each(['LLC', 'Inc', 'Inc.', 'inc', 'Ltd', 'Corp', 'GmbH', 'AG', 'SA', 'S.A.', 'SAS', 'BV', 'B.V.', 'NV', 'Pty', 'PLC', 'LLP', 'Co', 'Co.', 'Pty Ltd', 'Co., Ltd.', 'L.L.C.'])(
    'refuses the bare legal form %j',
    (input) => {
      expect(codes(input)).toEqual(['company_name_abbreviation_only']);
    },
  );

  it('explains how to fix a bare legal form', () => {
    expect(validateCompanyName('GmbH').errors[0]?.message).toBe(
      '"GmbH" is only a legal form; enter the company\'s name as well, such as "Contoso GmbH".',
    );
  });

  it.each(['Contoso.com', 'contoso.net', 'Contoso.co.uk', 'Fabrikam.io', 'Northwind Traders.online'])(
    'warns, without an error, about a name ending in a web domain (%j)',
    (input) => {
      expect(codes(input)).toEqual([]);
      expect(warnings(input)).toEqual(['company_name_ends_with_domain']);
    },
  );

  it.each(['Contoso Inc.', 'Contoso Co.Ltd', 'Contoso Ltd.', 'A.B. Dick', 'Contoso', 'Contoso. com'])('does not warn about %j', (input) => {
    expect(warnings(input)).toEqual([]);
  });

  it('uses the field name given', () => {
    expect(validateCompanyName('', 'billingProfile.companyName').errors[0]?.field).toBe('billingProfile.companyName');
  });
});
