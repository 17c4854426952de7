import { describe, expect, it } from 'vitest';
import { getCountryRules } from '../countries/country-rules.ts';
import { statesForZipPrefix, zipDisagreesWithState } from './us-zip-prefixes.ts';

describe('statesForZipPrefix', () => {
  it.each([
    ['98052', ['WA']],
    ['10001', ['NY']],
    ['00501', ['NY']],
    ['02108', ['MA']],
    ['05501', ['MA']],
    ['05401', ['VT']],
    ['06103', ['CT']],
    ['00901', ['PR']],
    ['00802', ['VI']],
    ['20001', ['DC']],
    ['20146', ['VA']],
    ['20850', ['MD']],
    ['30301', ['GA']],
    ['39901', ['GA']],
    ['33101', ['FL']],
    ['60601', ['IL']],
    ['73301', ['TX']],
    ['73102', ['OK']],
    ['75201', ['TX']],
    ['88510', ['TX']],
    ['87501', ['NM']],
    ['89101', ['NV']],
    ['90210', ['CA']],
    ['96799', ['AS', 'HI']],
    ['96813', ['HI']],
    ['96910', ['GU', 'MP']],
    ['97201', ['OR']],
    ['99501', ['AK']],
  ])('%s is in %j', (zip, states) => {
    expect(statesForZipPrefix(zip).sort()).toEqual(states);
  });

  it.each(['00001', '09001', '34001', '96201', 'ABCDE', ''])('%j is unknown (unassigned or military)', (zip) => {
    expect(statesForZipPrefix(zip)).toEqual([]);
  });

  it('maps only to states of the US list', () => {
    const states = getCountryRules('US')?.supportedStatesList ?? [];
    for (let prefix = 0; prefix < 1000; prefix += 1) {
      for (const state of statesForZipPrefix(String(prefix).padStart(3, '0'))) expect(states).toContain(state);
    }
  });

  it('gives each of the 50 states and DC some prefix', () => {
    const covered = new Set<string>();
    for (let prefix = 0; prefix < 1000; prefix += 1) {
      for (const state of statesForZipPrefix(String(prefix).padStart(3, '0'))) covered.add(state);
    }
    const fiftyAndDc = (getCountryRules('US')?.supportedStatesList ?? []).filter((s) => !['AS', 'GU', 'MP', 'PR', 'UM', 'VI'].includes(s));
    expect(fiftyAndDc).toHaveLength(51);
    for (const state of fiftyAndDc) expect(covered).toContain(state);
  });
});

describe('zipDisagreesWithState', () => {
  it('is true only when the prefix is known and belongs elsewhere', () => {
    expect(zipDisagreesWithState('98052', 'CA')).toBe(true);
    expect(zipDisagreesWithState('98052', 'WA')).toBe(false);
    expect(zipDisagreesWithState('96799', 'AS')).toBe(false);
    expect(zipDisagreesWithState('09001', 'NY')).toBe(false);
  });
});
