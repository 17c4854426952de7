import { describe, expect, it } from 'vitest';
import {
  countryCodes,
  defaultCulture,
  defaultLanguage,
  languageOfCulture,
  normalizeCountry,
  normalizeCulture,
  normalizeLanguage,
  supportedCultures,
  supportedLanguages,
} from './country-table.ts';

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    [' gB ', 'GB'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['tw', 'TW'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it.each(['', 'ZZ', 'USA', 'United States', 'U', null, undefined])('%j is not a country', (input) => {
    expect(normalizeCountry(input)).toBeUndefined();
  });
});

describe('cultures and languages', () => {
  it('covers the 248 countries of the reference list', () => {
    expect(countryCodes).toHaveLength(248);
  });

  it('derives languages from cultures, de-duplicated, in order', () => {
    expect(supportedLanguages('CH')).toEqual(['de', 'fr', 'it', 'en']);
    expect(supportedLanguages('GB')).toEqual(['en']);
    expect(supportedLanguages('RS')).toEqual(['sr', 'en']);
    expect(languageOfCulture('az-Latn-AZ')).toBe('az');
  });

  it('has the first culture and language as defaults', () => {
    expect(defaultCulture('US')).toBe('en-US');
    expect(defaultCulture('CA')).toBe('en-CA');
    expect(supportedCultures('CA')).toEqual(['en-CA', 'fr-CA', 'en-US']);
    expect(defaultLanguage('IN')).toBe('en');
    expect(defaultCulture('ZZ')).toBeUndefined();
  });

  it('returns copies', () => {
    supportedCultures('US').push('xx-XX');
    expect(supportedCultures('US')).toEqual(['en-US', 'es-US']);
  });
});

describe('normalizeCulture', () => {
  it.each([
    ['US', 'EN-US', 'en-US'],
    ['US', 'es-us', 'es-US'],
    ['us', ' en_us ', 'en-US'],
    ['RS', 'SR-LATN-RS', 'sr-Latn-RS'],
    ['TW', 'ZH-tw', 'zh-TW'],
  ])('%s %j → %s', (country, input, expected) => {
    expect(normalizeCulture(country, input)).toBe(expected);
  });

  it.each([
    ['US', 'fr-FR'],
    ['US', 'en'],
    ['DE', 'en-GB'],
    ['ZZ', 'en-US'],
    ['US', null],
  ])('%s %j is not supported', (country, input) => {
    expect(normalizeCulture(country, input)).toBeUndefined();
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['US', 'En', 'en'],
    ['US', 'ES', 'es'],
    ['IN', 'HI', 'hi'],
    ['uk', 'en', 'en'],
  ])('%s %j → %s', (country, input, expected) => {
    expect(normalizeLanguage(country, input)).toBe(expected);
  });

  it.each([
    ['US', 'fr'],
    ['US', 'en-US'],
    ['ZZ', 'en'],
    ['US', undefined],
  ])('%s %j is not supported', (country, input) => {
    expect(normalizeLanguage(country, input)).toBeUndefined();
  });
});
