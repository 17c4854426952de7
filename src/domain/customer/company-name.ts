/**
 * Company name (SPEC §4): 2–255 characters; not a single character, not only special characters or
 * spaces, not one character repeated, not a bare legal-form abbreviation. A name that ends in a web
 * domain ("Contoso.com") is allowed with a warning: it is more often a mistake than a brand.
 */
import type { FieldError } from '../errors.ts';
import { collapseSpaces } from '../text.ts';
import { fieldError } from './result.ts';

export const COMPANY_NAME_MIN_LENGTH = 2;
export const COMPANY_NAME_MAX_LENGTH = 255;

export const companyNameErrorCodes = [
  'company_name_required',
  'company_name_too_short',
  'company_name_too_long',
  'company_name_symbols_only',
  'company_name_repeated_character',
  'company_name_abbreviation_only',
] as const;

export const companyNameWarningCodes = ['company_name_ends_with_domain'] as const;

/**
 * Legal forms that are not a name on their own (ours; case and punctuation ignored, so "Inc." and
 * "S.A." match). A name made only of these words ("Pty Ltd", "Co., Ltd.") is refused.
 */
export const restrictedCompanyWords: readonly string[] = [
  'llc', 'inc', 'ltd', 'corp', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv', 'pty', 'plc', 'llp', 'co',
  'lp', 'limited', 'incorporated', 'corporation', 'company', 'sarl', 'srl', 'spa', 'kg', 'ohg',
  'oy', 'ab', 'as', 'aps', 'sl', 'se', 'kk', 'bhd', 'sdn', 'pte', 'pvt', 'ug', 'eurl', 'sro',
];

const restricted = new Set(restrictedCompanyWords);

function words(name: string): string[] {
  // Dots inside an abbreviation join it ("S.A." → "sa"); other punctuation separates words.
  return name
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function isAbbreviationOnly(name: string): boolean {
  const parts = words(name);
  return parts.length > 0 && parts.every((word) => restricted.has(word));
}

function isOneCharacterRepeated(name: string): boolean {
  return /^(.)\1+$/su.test(name.replace(/\s/g, '').toLowerCase());
}

function alphanumericCount(name: string): number {
  return name.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * "contoso.com", "Contoso.co.uk": a last dot followed by 2–24 letters that are not a legal form
 * ("Acme Co.Ltd" is not a domain).
 */
function endsWithWebDomain(name: string): boolean {
  const match = /[\p{L}\p{N}-]\.([a-z]{2,24})$/iu.exec(name);
  return match?.[1] !== undefined && !restricted.has(match[1].toLowerCase());
}

export type CompanyNameCheck = { value: string; errors: FieldError[]; warnings: FieldError[] };

/** `value` is the name to store: trimmed, inner spaces collapsed. */
export function validateCompanyName(input: string | null | undefined, field = 'companyName'): CompanyNameCheck {
  const value = collapseSpaces(input ?? '');
  return { value, errors: companyNameErrors(value, field), warnings: companyNameWarnings(value, field) };
}

function companyNameErrors(name: string, field: string): FieldError[] {
  if (name === '') return [fieldError(field, 'company_name_required', 'Enter the company name.')];
  if (name.length > COMPANY_NAME_MAX_LENGTH) {
    return [
      fieldError(
        field,
        'company_name_too_long',
        `The company name has ${name.length} characters; shorten it to ${COMPANY_NAME_MAX_LENGTH} or fewer.`,
      ),
    ];
  }
  const alphanumerics = alphanumericCount(name);
  if (alphanumerics === 0) {
    return [fieldError(field, 'company_name_symbols_only', 'The company name needs letters or digits, not only symbols.')];
  }
  if (name.length < COMPANY_NAME_MIN_LENGTH || alphanumerics < 2) {
    return [fieldError(field, 'company_name_too_short', 'Enter the full company name: one character is not enough.')];
  }
  if (isOneCharacterRepeated(name)) {
    return [
      fieldError(field, 'company_name_repeated_character', 'Enter the real company name, not one character repeated.'),
    ];
  }
  if (isAbbreviationOnly(name)) {
    return [
      fieldError(
        field,
        'company_name_abbreviation_only',
        `"${name}" is only a legal form; enter the company's name as well, such as "Contoso ${name}".`,
      ),
    ];
  }
  return [];
}

function companyNameWarnings(name: string, field: string): FieldError[] {
  if (name === '' || !endsWithWebDomain(name)) return [];
  return [
    fieldError(
      field,
      'company_name_ends_with_domain',
      'The company name ends like a web address. Check that it is the legal name of the company, not its website.',
    ),
  ];
}
