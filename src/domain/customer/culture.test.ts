import { describe, expect, it } from 'vitest';
import { checkCulture, checkLanguage } from './culture.ts';

describe('checkCulture', () => {
  it.each([
    ['US', 'EN-US', 'en-US'],
    ['US', 'es-us', 'es-US'],
    ['US', undefined, 'en-US'],
    ['CA', '', 'fr-CA'],
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
