/**
 * Organisation registration numbers (SPEC §4).
 *
 * Required in the countries below, as in the model system. "Rejected where the country does not
 * support it": the model system asks for the number only in these countries and has no use for it
 * elsewhere, so supported = required (ours); a number sent for any other country is refused
 * (600002) rather than silently stored.
 *
 * Formats are lenient but real: the identifier a company there is known by, compared without spaces,
 * dots, dashes and slashes, upper case. Check digits are verified only where the algorithm is public
 * and stable (BR CNPJ, IN GSTIN, PL NIP, RU INN/OGRN); elsewhere length and characters. No library
 * covers these countries as a set (the `stdnum`-style ones lack most of them).
 */

export const registrationNumberRequiredCountries: readonly string[] = [
  'AM', 'AZ', 'BY', 'BR', 'HU', 'IN', 'IQ', 'KZ', 'KG', 'MD', 'MM', 'PL',
  'RU', 'SA', 'ZA', 'SS', 'TJ', 'TH', 'TR', 'UA', 'AE', 'UZ', 'VE', 'VN',
];

export function isRegistrationNumberRequired(iso2: string): boolean {
  return registrationNumberRequiredCountries.includes(iso2);
}

export function isRegistrationNumberSupported(iso2: string): boolean {
  return isRegistrationNumberRequired(iso2);
}

/** What the number is called and what it looks like, for messages. */
export type RegistrationNumberFormat = { label: string; hint: string };

type Format = RegistrationNumberFormat & { accepts: (compact: string) => boolean };

const digits = (...lengths: number[]) => (c: string) => /^\d+$/u.test(c) && lengths.includes(c.length);

function digitAt(value: string, index: number): number {
  return Number(value.charAt(index));
}

function weightedSum(value: string, weights: readonly number[], valueOf = (ch: string) => Number(ch)): number {
  return weights.reduce((sum, weight, i) => sum + weight * valueOf(value.charAt(i)), 0);
}

function allSameCharacter(value: string): boolean {
  return /^(.)\1*$/u.test(value);
}

/**
 * Brazil's CNPJ: 12 characters and 2 check digits (mod 11). Since 2026 the 12 may be letters too;
 * each character counts as its char code minus 48, which keeps the old all-digit numbers valid.
 */
export function isValidCnpj(compact: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/u.test(compact) || allSameCharacter(compact)) return false;
  const valueOf = (ch: string) => ch.charCodeAt(0) - 48;
  const checkDigit = (body: string, weights: readonly number[]) => {
    const remainder = weightedSum(body, weights, valueOf) % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  };
  const first = checkDigit(compact.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(compact.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === digitAt(compact, 12) && second === digitAt(compact, 13);
}

const base36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** India's GSTIN: state code, PAN, entity number, `Z`, and a base-36 check character. */
export function isValidGstin(compact: string): boolean {
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/u.test(compact)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    const product = base36.indexOf(compact.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return base36.charAt((36 - (sum % 36)) % 36) === compact.charAt(14);
}

/** Poland's NIP (tax number): 10 digits, the last a mod-11 check digit. */
export function isValidNip(compact: string): boolean {
  if (!/^\d{10}$/u.test(compact)) return false;
  const check = weightedSum(compact, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return check !== 10 && check === digitAt(compact, 9);
}

/** Russia's INN: 10 digits for organisations, 12 for individual entrepreneurs, with check digits. */
export function isValidInn(compact: string): boolean {
  const check = (length: number, weights: readonly number[]) =>
    (weightedSum(compact, weights) % 11) % 10 === digitAt(compact, length);
  if (/^\d{10}$/u.test(compact)) return check(9, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
  if (/^\d{12}$/u.test(compact)) {
    return check(10, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) && check(11, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  }
  return false;
}

/** Russia's OGRN: 13 digits, the last the first twelve's remainder mod 11 (then mod 10). */
export function isValidOgrn(compact: string): boolean {
  if (!/^\d{13}$/u.test(compact)) return false;
  return Number(BigInt(compact.slice(0, 12)) % 11n) % 10 === digitAt(compact, 12);
}

const formats: Readonly<Record<string, Format>> = {
  AE: { label: 'Tax Registration Number (TRN)', hint: '15 digits', accepts: digits(15) },
  AM: { label: 'taxpayer identification number (TIN)', hint: '8 digits', accepts: digits(8) },
  AZ: { label: 'taxpayer identification number (VÖEN)', hint: '10 digits', accepts: digits(10) },
  BR: {
    label: 'CNPJ',
    hint: '14 characters with valid check digits, such as 11.222.333/0001-81',
    accepts: isValidCnpj,
  },
  BY: { label: 'payer account number (UNP)', hint: '9 letters or digits', accepts: (c) => /^[0-9A-Z]{9}$/u.test(c) },
  HU: {
    label: 'tax number (adószám)',
    hint: '11 digits such as 12345678-1-23, or the 8-digit EU VAT number',
    accepts: digits(8, 11),
  },
  IN: {
    label: 'GSTIN, PAN or CIN',
    hint: 'a 15-character GSTIN such as 27AAPFU0939F1ZV, a 10-character PAN such as AAPFU0939F, or a 21-character CIN',
    accepts: (c) =>
      isValidGstin(c) || /^[A-Z]{5}\d{4}[A-Z]$/u.test(c) || /^[LU]\d{5}[A-Z]{2}\d{4}[A-Z]{3}\d{6}$/u.test(c),
  },
  KG: { label: 'taxpayer identification number (INN)', hint: '14 digits', accepts: digits(14) },
  KZ: { label: 'business identification number (BIN)', hint: '12 digits', accepts: digits(12) },
  MD: { label: 'state identification number (IDNO)', hint: '13 digits', accepts: digits(13) },
  PL: {
    label: 'NIP or REGON',
    hint: 'a 10-digit NIP with a valid check digit, or a 9- or 14-digit REGON',
    accepts: (c) => isValidNip(c) || digits(9, 14)(c),
  },
  RU: {
    label: 'INN or OGRN',
    hint: 'a 10- or 12-digit INN or a 13-digit OGRN, with valid check digits',
    accepts: (c) => isValidInn(c) || isValidOgrn(c),
  },
  SA: {
    label: 'commercial registration or VAT number',
    hint: 'a 10-digit CR number, or a 15-digit VAT number that starts and ends with 3',
    accepts: (c) => digits(10)(c) || /^3\d{13}3$/u.test(c),
  },
  TH: { label: 'tax identification number', hint: '13 digits', accepts: digits(13) },
  TJ: { label: 'taxpayer identification number (INN)', hint: '9 digits', accepts: digits(9) },
  TR: { label: 'tax number (VKN)', hint: '10 digits (or the 11-digit TCKN of a sole trader)', accepts: digits(10, 11) },
  UA: { label: 'EDRPOU code', hint: '8 digits (or the 10-digit tax number of a sole trader)', accepts: digits(8, 10) },
  UZ: { label: 'taxpayer identification number (STIR)', hint: '9 digits', accepts: digits(9) },
  VE: {
    label: 'RIF',
    hint: 'a letter (J, G, V, E, P or C) and 8 or 9 digits, such as J-12345678-9',
    accepts: (c) => /^[JGVEPC]\d{8,9}$/u.test(c),
  },
  VN: {
    label: 'tax code (MST)',
    hint: '10 digits, or 13 for a branch (such as 0101234567-001)',
    accepts: digits(10, 13),
  },
  ZA: {
    label: 'company registration or VAT number',
    hint: 'a registration number such as 2001/012345/07, or a 10-digit VAT number that starts with 4',
    accepts: (c) => /^(18|19|20)\d{10}$/u.test(c) || /^4\d{9}$/u.test(c),
  },
};

/** Countries without one well-known format (IQ, MM, SS): 3 to 30 letters and digits. */
const genericFormat: Format = {
  label: 'organization registration number',
  hint: '3 to 30 letters and digits',
  accepts: (c) => /^[0-9A-Z]{3,30}$/u.test(c),
};

/** EU VAT numbers start with the country code; people paste them that way. */
const euVatPrefixCountries: readonly string[] = ['HU', 'PL'];

/** The number without separators, upper case, and without an EU VAT country prefix. */
export function compactRegistrationNumber(iso2: string, input: string): string {
  const compact = input.toUpperCase().replace(/[\s.\-/]/gu, '');
  if (euVatPrefixCountries.includes(iso2) && compact.startsWith(iso2)) return compact.slice(iso2.length);
  return compact;
}

/**
 * The same descriptions in Traditional Chinese (ours), for the portal's zh-TW hints and messages.
 * Local names in parentheses stay as the country writes them.
 */
const formatsZhTW: Readonly<Record<string, RegistrationNumberFormat>> = {
  AE: { label: '稅務登記號碼 (TRN)', hint: '15 位數字' },
  AM: { label: '納稅人識別號碼 (TIN)', hint: '8 位數字' },
  AZ: { label: '納稅人識別號碼 (VÖEN)', hint: '10 位數字' },
  BR: { label: 'CNPJ', hint: '14 個字元並含正確的檢查碼，例如 11.222.333/0001-81' },
  BY: { label: '納稅人帳號 (UNP)', hint: '9 個英文字母或數字' },
  HU: { label: '稅號 (adószám)', hint: '11 位數字 (例如 12345678-1-23)，或 8 位數的歐盟增值稅號碼' },
  IN: { label: 'GSTIN、PAN 或 CIN', hint: '15 個字元的 GSTIN (例如 27AAPFU0939F1ZV)、10 個字元的 PAN (例如 AAPFU0939F)，或 21 個字元的 CIN' },
  KG: { label: '納稅人識別號碼 (INN)', hint: '14 位數字' },
  KZ: { label: '企業識別號碼 (BIN)', hint: '12 位數字' },
  MD: { label: '國家識別號碼 (IDNO)', hint: '13 位數字' },
  PL: { label: 'NIP 或 REGON', hint: '含正確檢查碼的 10 位數 NIP，或 9 位數或 14 位數的 REGON' },
  RU: { label: 'INN 或 OGRN', hint: '10 位數或 12 位數的 INN，或 13 位數的 OGRN，並含正確的檢查碼' },
  SA: { label: '商業登記號碼或增值稅號碼', hint: '10 位數的商業登記號碼，或以 3 開頭並以 3 結尾的 15 位數增值稅號碼' },
  TH: { label: '稅務識別號碼', hint: '13 位數字' },
  TJ: { label: '納稅人識別號碼 (INN)', hint: '9 位數字' },
  TR: { label: '稅號 (VKN)', hint: '10 位數字 (獨資經營者為 11 位數的 TCKN)' },
  UA: { label: 'EDRPOU 代碼', hint: '8 位數字 (獨資經營者為 10 位數的稅號)' },
  UZ: { label: '納稅人識別號碼 (STIR)', hint: '9 位數字' },
  VE: { label: 'RIF', hint: '一個英文字母 (J、G、V、E、P 或 C) 加上 8 或 9 位數字，例如 J-12345678-9' },
  VN: { label: '稅號 (MST)', hint: '10 位數字，分公司為 13 位數字 (例如 0101234567-001)' },
  ZA: { label: '公司登記號碼或增值稅號碼', hint: '公司登記號碼 (例如 2001/012345/07)，或以 4 開頭的 10 位數增值稅號碼' },
};

const genericFormatZhTW: RegistrationNumberFormat = { label: '組織註冊號碼', hint: '3 到 30 個英文字母和數字' };

/** What the number is called and looks like, in English or (`zh-TW`) Traditional Chinese. */
export function registrationNumberFormat(iso2: string, locale: 'en' | 'zh-TW' = 'en'): RegistrationNumberFormat | undefined {
  if (!isRegistrationNumberSupported(iso2)) return undefined;
  if (locale === 'zh-TW') return { ...(formatsZhTW[iso2] ?? genericFormatZhTW) };
  const { label, hint } = formats[iso2] ?? genericFormat;
  return { label, hint };
}

/** Only letters, digits and the separators people type; at most 50 characters as typed. */
const typedShape = /^[0-9A-Za-z][0-9A-Za-z .\-/]{0,49}$/u;

/** True when the number has the country's format. False for countries that do not support one. */
export function isValidRegistrationNumber(iso2: string, input: string): boolean {
  if (!isRegistrationNumberSupported(iso2)) return false;
  const typed = input.trim();
  if (!typedShape.test(typed)) return false;
  return (formats[iso2] ?? genericFormat).accepts(compactRegistrationNumber(iso2, typed));
}
