import { describe, expect, it } from 'vitest';
import { findStateCode, isStateListCountry, isStateRequired, listStates, stateCodes, stateName } from './states.ts';

describe('findStateCode', () => {
  it.each([
    ['US', 'CA', 'CA'],
    ['US', 'ca', 'CA'],
    ['US', 'US-CA', 'CA'],
    ['US', 'california', 'CA'],
    ['US', ' CALIFORNIA ', 'CA'],
    ['US', 'New York', 'NY'],
    ['US', 'new-york', 'NY'],
    ['US', 'Washington D.C.', 'DC'],
    ['US', 'District of Columbia', 'DC'],
    ['CA', 'Québec', 'QC'],
    ['CA', 'quebec', 'QC'],
    ['CA', 'british columbia', 'BC'],
    ['CN', 'Beijing', 'BJ'],
    ['CN', 'Beijing Shi', 'BJ'],
    ['CN', 'Guangdong', 'GD'],
    ['CN', 'Guangxi', 'GX'],
    ['CN', 'Xinjiang', 'XJ'],
    ['CN', 'Inner Mongolia', 'NM'],
    ['CN', 'Tibet', 'XZ'],
    ['MX', 'Jalisco', 'JAL'],
    ['MX', 'Ciudad de Mexico', 'CMX'],
    ['MX', 'Mexico City', 'CMX'],
    ['MX', 'Nuevo Leon', 'NLE'],
    ['MX', 'Estado de México', 'MEX'],
    ['BR', 'São Paulo', 'SP'],
    ['AU', 'New South Wales', 'NSW'],
  ])('%s %j → %s', (country, input, code) => {
    expect(findStateCode(country, input)).toBe(code);
  });

  it.each([
    ['US', 'Ontario'],
    ['US', 'Calif'],
    ['CA', 'California'],
    ['CN', 'Hong Kong'],
    ['CN', 'Taiwan'],
    ['US', ''],
  ])('%s %j matches nothing', (country, input) => {
    expect(findStateCode(country, input)).toBeUndefined();
  });
});

describe('state lists', () => {
  it('has lists only in US, CA, CN, MX', () => {
    expect(['US', 'CA', 'CN', 'MX'].every(isStateListCountry)).toBe(true);
    expect(['AU', 'BR', 'IN', 'GB', 'DE'].some(isStateListCountry)).toBe(false);
    expect(stateCodes('AU')).toEqual([]);
    expect(stateCodes('US')).toContain('WA');
  });

  it('requires a state in US, CA, CN, MX, AU, BR, IN', () => {
    for (const code of ['US', 'CA', 'CN', 'MX', 'AU', 'BR', 'IN']) expect(isStateRequired(code)).toBe(true);
    for (const code of ['GB', 'DE', 'FR', 'JP', 'TW', 'AE']) expect(isStateRequired(code)).toBe(false);
  });

  it('names states in English', () => {
    expect(stateName('US', 'WA')).toBe('Washington');
    expect(stateName('CA', 'QC')).toBe('Quebec');
    expect(stateName('US', 'ZZ')).toBeUndefined();
  });

  it('lists states sorted by code, as copies', () => {
    const states = listStates('CA');
    expect(states.map((s) => s.code)).toEqual([...states.map((s) => s.code)].sort());
    states[0] = { code: 'XX', name: 'X' };
    expect(listStates('CA')[0]?.code).toBe('AB');
  });
});
