import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CountryValidationRules } from '#contracts/countries.ts';
import { getCountryRules } from '#domain/countries/country-rules.ts';
import { checkCustomerDetails } from '#domain/onboarding.ts';
import { customerFieldErrorCodes } from '#domain/customer-rules.ts';
import { DETAILED_ERRORS, detailedErrorKey, quotedValue } from './country-errors.ts';
import { onboardingLaterEnUS } from './locales/en-US-later-strings.ts';
import { onboardingZhTW } from './locales/zh-TW.ts';

/** The codes the server's onboarding path writes besides the customer rules' (services, schema checks). */
const serverCodes = [
  'domain_taken',
  'partner_not_authorized_in_country',
  'template_not_found',
  'agreement_required',
  'agreement_not_accepted',
  'eligibility_required',
  'reseller_invalid',
  'reseller_not_found',
  'offer_invalid',
  'offer_not_sold_in_country',
  'billing_cycle_not_supported',
  'too_big',
  'invalid_type',
] as const;

/** The rules as the portal gets them (GET /v1/countryvalidationrules/{country}?locale=). */
function rulesOf(country: string, locale: 'en' | 'zh-TW'): CountryValidationRules {
  const rules = getCountryRules(country, locale);
  if (rules === undefined) throw new Error(country);
  return { ...rules, attributes: { objectType: 'CountryInformation' } };
}

const zh = i18next.createInstance();
await zh.init({ lng: 'zh-TW', resources: { 'zh-TW': { translation: { onboarding: onboardingZhTW } } }, interpolation: { escapeValue: false } });

/** What a zh-TW user reads for a server error on a customer in `country`. */
function chinese(country: string, error: { code: string; message: string }): string {
  const detailed = detailedErrorKey(error.code, error.message, rulesOf(country, 'zh-TW'));
  return detailed ? zh.t(detailed.key, detailed.params) : String((onboardingZhTW.errors as Record<string, string>)[error.code]);
}

/** The server's field errors for a customer in `country` with the given changes to a valid one. */
function serverErrors(country: string, address: Record<string, string | null>, registration: string | null = null) {
  const checked = checkCustomerDetails(
    {
      companyProfile: { companyName: 'Contoso', domain: 'contoso', organizationRegistrationNumber: registration },
      billingProfile: {
        email: 'it@contoso.example',
        defaultAddress: { firstName: 'Mei', lastName: 'Lin', addressLine1: '1 Main Street', city: 'Town', country, ...address },
      },
    },
    { domainSuffix: 'onmicrosoft.com', partnerEmailDomains: [], reservedEmailDomains: [] },
  );
  return checked.ok ? [] : checked.errors;
}

describe('zh-TW field errors', () => {
  it('have a Traditional Chinese text for every code the server can send the wizard', () => {
    for (const code of [...customerFieldErrorCodes, ...serverCodes]) {
      const text = (onboardingZhTW.errors as Record<string, string>)[code];
      expect(text, code).toMatch(/[\u4e00-\u9fff]/u);
      expect(text, code).not.toBe((onboardingLaterEnUS.errors as Record<string, string>)[code]);
    }
  });

  it('name the registration number and its format, per country, as the English ones do', () => {
    const [brazil] = serverErrors('BR', { state: 'SP', postalCode: '01310-100', phoneNumber: '+55 11 3456 7890' }, '12345');
    expect(brazil?.message).toContain('CNPJ');
    expect(chinese('BR', brazil!)).toBe('「12345」不是有效的CNPJ；請輸入14 個字元並含正確的檢查碼，例如 11.222.333/0001-81。');

    const india = serverErrors('IN', { state: 'KA', postalCode: '560001', phoneNumber: '+91 80 4567 8901' });
    const missing = india.find((error) => error.code === 'registration_number_missing');
    expect(chinese('IN', missing!)).toContain('GSTIN、PAN 或 CIN');
    expect(chinese('IN', missing!)).toContain('印度');
  });

  it('say which country a postal code and a phone belong to', () => {
    const errors = serverErrors('TW', { postalCode: 'ABC', phoneNumber: '+1 425 555 0100' });
    const postal = errors.find((error) => error.code === 'postal_code_invalid');
    const phone = errors.find((error) => error.field.endsWith('phoneNumber'));
    expect(chinese('TW', postal!)).toBe('「ABC」不是台灣的郵遞區號；請對照客戶的郵寄地址檢查。');
    expect(chinese('TW', phone!)).toContain('+886');
    const [zip] = serverErrors('US', { state: 'WA', postalCode: '9805' });
    expect(chinese('US', zip!)).toContain('98052-6399');
  });

  // (The English sentences have the same codes by DETAILED_ERRORS' type; en-US-later.ts needs a DOM.)
  it('know what each country sentence needs', () => {
    const needOf: Record<string, string> = { value: '{{value}}', format: '{{label}}', callingCode: '{{callingCode}}' };
    for (const [code, needs] of Object.entries(DETAILED_ERRORS)) {
      const text = (onboardingZhTW.countryErrors as Record<string, string>)[code];
      const used = Object.keys(needOf).filter((need) => text?.includes(needOf[need] ?? ''));
      expect(used.sort(), code).toEqual([...needs].sort());
    }
  });

  it('fall back to the general text when the country or the value is not known', () => {
    expect(detailedErrorKey('registration_number_invalid', 'Check the number.', rulesOf('BR', 'zh-TW'))).toBeUndefined();
    expect(detailedErrorKey('registration_number_invalid', '"1" is not valid', undefined)).toBeUndefined();
    expect(detailedErrorKey('email_invalid', '"x" is not valid', rulesOf('BR', 'zh-TW'))).toBeUndefined();
    expect(quotedValue('"  " is empty')).toBeUndefined();
  });
});
