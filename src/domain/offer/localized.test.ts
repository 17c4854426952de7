import { describe, expect, it } from 'vitest';
import { localized } from './localized.ts';

const localizedText = (...args: Parameters<typeof localized>) => localized(...args).text;

describe('localized', () => {
  const translations = { 'zh-TW': '適用於小型企業的網頁版 Office。' };

  it('gives the translation of the locale, in any case', () => {
    expect(localizedText('Web Office for small businesses.', translations, 'zh-TW')).toBe('適用於小型企業的網頁版 Office。');
    expect(localizedText('Web Office for small businesses.', translations, 'ZH-tw')).toBe('適用於小型企業的網頁版 Office。');
  });

  it('falls back to a translation of the same language, then to the default', () => {
    expect(localizedText('Default', translations, 'zh')).toBe('適用於小型企業的網頁版 Office。');
    expect(localizedText('Default', translations, 'en-US')).toBe('Default');
    expect(localizedText('Default', translations, '')).toBe('Default');
    expect(localizedText('Default', translations, undefined)).toBe('Default');
  });

  it('names the locale of the text it gives: the translation\'s tag, else the catalog\'s', () => {
    expect(localized('Default', translations, 'zh').locale).toBe('zh-TW');
    expect(localized('Default', translations, 'fr-FR').locale).toBe('en-US');
    expect(localized('Default', translations, undefined).locale).toBe('en-US');
  });

  it('ignores an empty translation', () => {
    expect(localizedText('Default', { 'zh-TW': '  ' }, 'zh-TW')).toBe('Default');
  });
});
