import { describe, expect, it } from 'vitest';
import { countryName, listCountries, nameLocale } from './country-names.ts';

describe('countryName', () => {
  it.each([
    ['US', 'United States', '美國'],
    ['GB', 'United Kingdom', '英國'],
    ['TW', 'Taiwan', '台灣'],
    ['CN', 'China', '中國'],
    ['HK', 'Hong Kong', '香港'],
    ['KR', 'South Korea', '南韓'],
    ['DE', 'Germany', '德國'],
    ['JP', 'Japan', '日本'],
  ])('%s is %s and %s', (code, english, chinese) => {
    expect(countryName(code, 'en')).toBe(english);
    expect(countryName(code, 'zh-TW')).toBe(chinese);
  });

  it('falls back to the reference list for codes that are not ISO 3166', () => {
    expect(countryName('XJ')).toBe('Jan Mayen');
    expect(countryName('AN', 'zh-TW')).toBe('Netherlands Antilles');
  });

  it('is undefined for an unknown code', () => {
    expect(countryName('ZZ')).toBeUndefined();
  });
});

describe('nameLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['ZH', 'zh-TW'],
    ['fr', 'en'],
    [undefined, 'en'],
  ])('%j → %s', (input, expected) => {
    expect(nameLocale(input)).toBe(expected);
  });
});

describe('listCountries', () => {
  it('lists every country sorted by its English name', () => {
    const list = listCountries('en-US');
    expect(list).toHaveLength(248);
    expect(list[0]).toEqual({ code: 'AF', name: 'Afghanistan' });
    const names = list.map((item) => item.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
  });

  it('lists in Traditional Chinese', () => {
    const list = listCountries('zh-TW');
    expect(list).toHaveLength(248);
    expect(list.find((item) => item.code === 'TW')?.name).toBe('台灣');
  });
});
