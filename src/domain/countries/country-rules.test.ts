import { describe, expect, it } from 'vitest';
import {
  countryCodes,
  getCountryRules,
  isCityRequired,
  isPhoneRequired,
  isValidPhoneNumber,
  isValidPostalCode,
  isValidRegistrationNumber,
  listCountryRules,
  type CountryRules,
} from './country-rules.ts';

type Sample = {
  country: string;
  defaultCulture: string;
  languages: string[];
  cultures: string[];
  stateRequired: boolean;
  stateList: boolean;
  postalRegex: string | null;
  validPostal?: string;
  invalidPostal?: string;
  callingCode: string;
  validPhone: string;
  registration: boolean;
  validRegistration?: string;
  invalidRegistration?: string;
  name: string;
  nameZh: string;
};

const samples: Sample[] = [
  {
    country: 'US', defaultCulture: 'en-US', languages: ['en', 'es'], cultures: ['en-US', 'es-US'],
    stateRequired: true, stateList: true, postalRegex: String.raw`^\d{5}(-\d{4})?$`, validPostal: '98052-6399', invalidPostal: '9805',
    callingCode: '1', validPhone: '(425) 882-8080', registration: false, name: 'United States', nameZh: '美國',
  },
  {
    country: 'CA', defaultCulture: 'en-CA', languages: ['en', 'fr'], cultures: ['en-CA', 'fr-CA', 'en-US'],
    stateRequired: true, stateList: true, postalRegex: expect.any(String), validPostal: 'k1a0b1', invalidPostal: 'D1A 0B1',
    callingCode: '1', validPhone: '613-555-0199', registration: false, name: 'Canada', nameZh: '加拿大',
  },
  {
    country: 'GB', defaultCulture: 'en-GB', languages: ['en'], cultures: ['en-GB', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: expect.any(String), validPostal: 'sw1a1aa', invalidPostal: '12345',
    callingCode: '44', validPhone: '020 7946 0958', registration: false, name: 'United Kingdom', nameZh: '英國',
  },
  {
    country: 'DE', defaultCulture: 'de-DE', languages: ['de', 'en'], cultures: ['de-DE', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: String.raw`^\d{5}$`, validPostal: '10115', invalidPostal: '1011',
    callingCode: '49', validPhone: '030 12345678', registration: false, name: 'Germany', nameZh: '德國',
  },
  {
    country: 'FR', defaultCulture: 'fr-FR', languages: ['fr', 'en'], cultures: ['fr-FR', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: expect.any(String), validPostal: '75001', invalidPostal: '7500',
    callingCode: '33', validPhone: '01 23 45 67 89', registration: false, name: 'France', nameZh: '法國',
  },
  {
    country: 'BR', defaultCulture: 'pt-BR', languages: ['pt', 'en'], cultures: ['pt-BR', 'en-US'],
    stateRequired: true, stateList: false, postalRegex: expect.any(String), validPostal: '01310100', invalidPostal: '0131-100',
    callingCode: '55', validPhone: '(11) 91234-5678', registration: true,
    validRegistration: '11.222.333/0001-81', invalidRegistration: '11.222.333/0001-82', name: 'Brazil', nameZh: '巴西',
  },
  {
    country: 'IN', defaultCulture: 'en-IN', languages: ['en', 'hi'], cultures: ['en-IN', 'hi-IN', 'en-US'],
    stateRequired: true, stateList: false, postalRegex: String.raw`^\d{6}$`, validPostal: '110001', invalidPostal: '11000',
    callingCode: '91', validPhone: '98765 43210', registration: true,
    validRegistration: '27AAPFU0939F1ZV', invalidRegistration: '27AAPFU0939F1ZW', name: 'India', nameZh: '印度',
  },
  {
    country: 'JP', defaultCulture: 'ja-JP', languages: ['ja', 'en'], cultures: ['ja-JP', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: String.raw`^\d{3}-\d{4}$`, validPostal: '1000001', invalidPostal: '100-001',
    callingCode: '81', validPhone: '03-1234-5678', registration: false, name: 'Japan', nameZh: '日本',
  },
  {
    country: 'TW', defaultCulture: 'zh-TW', languages: ['zh', 'en'], cultures: ['zh-TW', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: expect.any(String), validPostal: '10048', invalidPostal: '10',
    callingCode: '886', validPhone: '02 2345 6789', registration: false, name: 'Taiwan', nameZh: '台灣',
  },
  {
    country: 'CN', defaultCulture: 'zh-CN', languages: ['zh', 'en'], cultures: ['zh-CN', 'en-US'],
    stateRequired: true, stateList: true, postalRegex: String.raw`^\d{6}$`, validPostal: '100000', invalidPostal: '10000',
    callingCode: '86', validPhone: '010 1234 5678', registration: false, name: 'China', nameZh: '中國',
  },
  {
    country: 'AE', defaultCulture: 'ar-AE', languages: ['ar', 'en'], cultures: ['ar-AE', 'en-US'],
    stateRequired: false, stateList: false, postalRegex: null,
    callingCode: '971', validPhone: '050 123 4567', registration: true,
    validRegistration: '100123456700003', invalidRegistration: '10012345670000', name: 'United Arab Emirates', nameZh: '阿拉伯聯合大公國',
  },
];

describe.each(samples)('getCountryRules($country)', (sample) => {
  const rules = getCountryRules(sample.country) as CountryRules;

  it('has the country code, cultures and languages of the reference list', () => {
    expect(rules.iso2Code).toBe(sample.country);
    expect(rules.defaultCulture).toBe(sample.defaultCulture);
    expect(rules.supportedCulturesList).toEqual(sample.cultures);
    expect(rules.supportedLanguagesList).toEqual(sample.languages);
  });

  it('says whether a state is needed and whether it comes from a list', () => {
    expect(rules.isStateRequired).toBe(sample.stateRequired);
    expect(rules.supportedStatesList.length > 0).toBe(sample.stateList);
  });

  it('has the postal code pattern of the country', () => {
    expect(rules.postalCodeRegex).toEqual(sample.postalRegex);
    expect(rules.isPostalCodeRequired).toBe(sample.postalRegex !== null);
    if (sample.validPostal !== undefined) expect(isValidPostalCode(sample.country, sample.validPostal)).toBe(true);
    if (sample.invalidPostal !== undefined) expect(isValidPostalCode(sample.country, sample.invalidPostal)).toBe(false);
  });

  it('has the calling code, the permissive phone hint and a phone check', () => {
    expect(rules.countryCallingCodesList).toEqual([sample.callingCode]);
    expect(new RegExp(rules.phoneNumberRegex).test(sample.validPhone)).toBe(true);
    expect(isValidPhoneNumber(sample.validPhone, sample.country)).toBe(true);
  });

  it('requires a phone and a registration number exactly where the spec does', () => {
    expect(rules.isRegistrationNumberRequired).toBe(sample.registration);
    expect(rules.isRegistrationNumberSupported).toBe(sample.registration);
    expect(rules.isPhoneRequired).toBe(sample.registration);
    if (sample.validRegistration !== undefined) {
      expect(isValidRegistrationNumber(sample.country, sample.validRegistration)).toBe(true);
    }
    if (sample.invalidRegistration !== undefined) {
      expect(isValidRegistrationNumber(sample.country, sample.invalidRegistration)).toBe(false);
    }
  });

  it('requires the city', () => {
    expect(rules.isCityRequired).toBe(true);
  });

  it('names the country in English and in Traditional Chinese', () => {
    expect(rules.name).toBe(sample.name);
    expect(getCountryRules(sample.country, 'zh-TW')?.name).toBe(sample.nameZh);
  });
});

describe('getCountryRules', () => {
  it('accepts any case and UK for GB', () => {
    expect(getCountryRules('us')?.iso2Code).toBe('US');
    expect(getCountryRules(' Uk ')?.iso2Code).toBe('GB');
  });

  it('is undefined for an unknown country', () => {
    expect(getCountryRules('ZZ')).toBeUndefined();
    expect(getCountryRules('')).toBeUndefined();
    expect(getCountryRules('USA')).toBeUndefined();
  });

  it('returns exactly the documented fields', () => {
    expect(Object.keys(getCountryRules('US') ?? {}).sort()).toEqual(
      [
        'iso2Code', 'defaultCulture', 'isStateRequired', 'supportedStatesList', 'isPostalCodeRequired', 'postalCodeRegex',
        'isCityRequired', 'phoneNumberRegex', 'supportedLanguagesList', 'supportedCulturesList',
        'isRegistrationNumberSupported', 'countryCallingCodesList', 'isVatIdSupported', 'vatIdRegex', 'isTaxIdSupported',
        'isTaxIdOptional', 'taxIdFormat', 'taxIdSample', 'isRegistrationNumberRequired', 'isPhoneRequired', 'name',
        'stateOptions', 'registrationNumberFormat',
      ].sort(),
    );
  });

  it('returns a fresh object each time, so callers cannot change the table', () => {
    const first = getCountryRules('US');
    first?.supportedStatesList.push('ZZ');
    first?.supportedCulturesList.push('xx-XX');
    expect(getCountryRules('US')?.supportedStatesList).not.toContain('ZZ');
    expect(getCountryRules('US')?.supportedCulturesList).not.toContain('xx-XX');
  });

  it('has the US state list with DC and Puerto Rico', () => {
    const states = getCountryRules('US')?.supportedStatesList ?? [];
    expect(states).toHaveLength(57);
    expect(states).toEqual(expect.arrayContaining(['CA', 'NY', 'WA', 'DC', 'PR']));
  });

  it('has the Chinese provinces without Hong Kong, Macao and Taiwan', () => {
    const states = getCountryRules('CN')?.supportedStatesList ?? [];
    expect(states).toHaveLength(31);
    expect(states).toEqual(expect.arrayContaining(['BJ', 'SH', 'GD']));
    expect(states).not.toEqual(expect.arrayContaining(['HK']));
    expect(states).not.toContain('MO');
    expect(states).not.toContain('TW');
  });

  it('has the Canadian provinces and the Mexican states', () => {
    expect(getCountryRules('CA')?.supportedStatesList).toHaveLength(13);
    expect(getCountryRules('MX')?.supportedStatesList).toHaveLength(32);
    expect(getCountryRules('MX')?.supportedStatesList).toContain('CMX');
  });

  it('knows countries without postal codes', () => {
    for (const code of ['AE', 'HK', 'QA']) {
      expect(getCountryRules(code)).toMatchObject({ isPostalCodeRequired: false, postalCodeRegex: null });
    }
  });
});

describe('isCityRequired', () => {
  it.each(['SG', 'HK', 'MO', 'MC', 'VA'])('is false for the city-state %s', (code) => {
    expect(isCityRequired(code)).toBe(false);
  });
});

describe('isPhoneRequired', () => {
  it('follows the registration number', () => {
    expect(isPhoneRequired('TR')).toBe(true);
    expect(isPhoneRequired('DE')).toBe(false);
  });
});

describe('listCountryRules', () => {
  const all = listCountryRules();

  it('covers every country of the reference list', () => {
    expect(all.map((rules) => rules.iso2Code)).toEqual([...countryCodes]);
  });

  it('gives every country a default culture among its cultures, and languages from them', () => {
    for (const rules of all) {
      expect(rules.supportedCulturesList[0]).toBe(rules.defaultCulture);
      expect(rules.supportedLanguagesList).toEqual([...new Set(rules.supportedCulturesList.map((c) => c.split('-')[0]))]);
      expect(rules.name).not.toBe('');
    }
  });

  it('gives every country a postal pattern that compiles, or none', () => {
    for (const rules of all) {
      if (rules.postalCodeRegex !== null) expect(() => new RegExp(rules.postalCodeRegex ?? '')).not.toThrow();
      if (rules.isPostalCodeRequired) expect(rules.postalCodeRegex).not.toBeNull();
    }
  });

  it('requires a state only where the spec or our list does, with a list only in US, CA, CN, MX', () => {
    expect(all.filter((r) => r.isStateRequired).map((r) => r.iso2Code).sort()).toEqual(['AU', 'BR', 'CA', 'CN', 'IN', 'MX', 'US']);
    expect(all.filter((r) => r.supportedStatesList.length > 0).map((r) => r.iso2Code).sort()).toEqual(['CA', 'CN', 'MX', 'US']);
  });
});

describe('what a form offers', () => {
  it('lists the states by name wherever one is required, and none where none is asked for', () => {
    const brazil = getCountryRules('BR');
    expect(brazil?.supportedStatesList).toEqual([]); // free text on the server (SPEC §4)
    expect(brazil?.stateOptions).toContainEqual({ code: 'SP', name: 'São Paulo' });
    expect(getCountryRules('IN')?.stateOptions).toContainEqual({ code: 'KA', name: 'Karnataka' });
    expect(getCountryRules('US')?.stateOptions).toContainEqual({ code: 'WA', name: 'Washington' });
    expect(getCountryRules('CN')?.stateOptions).toContainEqual({ code: 'GD', name: 'Guangdong' });
    expect(getCountryRules('TW')?.stateOptions).toEqual([]);
    expect(getCountryRules('GB')?.stateOptions).toEqual([]);
    const names = (getCountryRules('US')?.stateOptions ?? []).map((state) => state.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('keeps the strict list and the offered list in agreement where the state is a code', () => {
    for (const country of ['US', 'CA', 'CN', 'MX']) {
      const rules = getCountryRules(country);
      expect((rules?.stateOptions ?? []).map((state) => state.code).sort(), country).toEqual([...(rules?.supportedStatesList ?? [])].sort());
    }
  });

  it('describes the registration number in the language asked for', () => {
    expect(getCountryRules('BR')?.registrationNumberFormat?.label).toBe('CNPJ');
    expect(getCountryRules('BR', 'zh-TW')?.registrationNumberFormat?.hint).toContain('14 個字元');
    expect(getCountryRules('IQ', 'zh-TW')?.registrationNumberFormat).toEqual({ label: '組織註冊號碼', hint: '3 到 30 個英文字母和數字' });
    expect(getCountryRules('US')?.registrationNumberFormat).toBeNull();
  });

  it('has a Traditional Chinese description for every country that takes a number', () => {
    for (const rules of listCountryRules('zh-TW').filter((r) => r.isRegistrationNumberSupported)) {
      expect(rules.registrationNumberFormat?.hint, rules.iso2Code).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
