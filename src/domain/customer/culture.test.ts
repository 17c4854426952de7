import { describe, expect, it } from 'vitest';
import { checkCulture, checkCultureAndLanguage, checkLanguage } from './culture.ts';

describe('checkCulture', () => {
  it.each([
    ['US', 'EN-US', 'en-US'],
    ['US', 'es-us', 'es-US'],
    ['US', undefined, 'en-US'],
    ['CA', '', 'en-CA'],
    ['CA', 'fr-ca', 'fr-CA'],
    ['TW', 'zh-tw', 'zh-TW'],
    ['uk', 'en-gb', 'en-GB'],
  ])('%s %j → %s', (country, input, culture) => {
    expect(checkCulture(input, country)).toEqual({ ok: true, value: culture });
  });

  it('refuses a culture of another country, listing the choices', () => {
    expect(checkCulture('fr-FR', 'US')).toEqual({
      ok: false,
      errors: [
        {
          field: 'culture',
          code: 'culture_not_supported',
          message: '"fr-FR" is not a culture for customers in United States; choose one of en-US, es-US.',
        },
      ],
    });
  });
});

describe('checkLanguage', () => {
  it.each([
    ['US', 'En', 'en'],
    ['US', 'ES', 'es'],
    ['IN', null, 'en'],
    ['CH', 'IT', 'it'],
  ])('%s %j → %s', (country, input, language) => {
    expect(checkLanguage(input, country)).toEqual({ ok: true, value: language });
  });

  it('refuses a language of another country', () => {
    expect(checkLanguage('de', 'US')).toMatchObject({ ok: false, errors: [{ code: 'language_not_supported', field: 'language' }] });
  });
});

describe('checkCultureAndLanguage', () => {
  const values = (input: { culture?: string | null; language?: string | null }, country: string) => {
    const { culture, language } = checkCultureAndLanguage(input, country);
    return [culture.ok ? culture.value : culture.errors[0]?.code, language.ok ? language.value : language.errors[0]?.code];
  };

  it.each([
    [{}, 'TW', ['zh-TW', 'zh']],
    [{ culture: null, language: null }, 'BR', ['pt-BR', 'pt']],
    [{ culture: '', language: '' }, 'CA', ['en-CA', 'en']],
    [{ culture: 'en-us' }, 'TW', ['en-US', 'en']],
    [{ language: 'EN' }, 'TW', ['en-US', 'en']],
    [{ language: 'fr' }, 'CA', ['fr-CA', 'fr']],
    [{ culture: 'es-US', language: 'en' }, 'US', ['es-US', 'en']],
  ])('%j in %s → %j', (input, country, expected) => {
    expect(values(input, country)).toEqual(expected);
  });

  it('still refuses what the country does not support, at the fields given', () => {
    const { culture, language } = checkCultureAndLanguage({ culture: 'fr-FR', language: 'de' }, 'TW', { culture: 'billingProfile.culture', language: 'billingProfile.language' });
    expect(culture.ok ? null : culture.errors[0]).toMatchObject({ field: 'billingProfile.culture', code: 'culture_not_supported' });
    expect(language.ok ? null : language.errors[0]).toMatchObject({ field: 'billingProfile.language', code: 'language_not_supported' });
  });
});
