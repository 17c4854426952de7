/**
 * States and provinces, from the ISO 3166-2 list of the `iso-3166` package.
 *
 * Where the state must be a code from the country's list (US, CA, CN, MX, as in the model system:
 * SPEC §4) the codes are the ISO 3166-2 subdivision codes without the country prefix (`US-CA` → `CA`).
 * Elsewhere the state is free text. English names (and a few common aliases) map to codes, so that
 * `california`, `Québec` or `Inner Mongolia` are accepted and stored as `CA`, `QC`, `NM`.
 */
import { iso31662 } from 'iso-3166';
import { matchKey } from '../text.ts';

/** Countries whose state must be one of the listed codes (SPEC §4). */
export const stateListCountries: readonly string[] = ['US', 'CA', 'CN', 'MX'];

/**
 * Countries whose addresses need a state or province (ours): the four above, plus the federations
 * where mail is sorted by state and the model system's forms ask for one (AU, BR, IN).
 */
export const stateRequiredCountries: readonly string[] = ['US', 'CA', 'CN', 'MX', 'AU', 'BR', 'IN'];

/**
 * ISO lists Hong Kong, Macao and Taiwan as subdivisions of CN, but customers there pick their own
 * country (HK, MO, TW), so a CN address never names them.
 */
const excludedSubdivisions: ReadonlySet<string> = new Set(['CN-HK', 'CN-MO', 'CN-TW']);

/** Names people write that are not the ISO English name (ours, kept short). */
const stateAliases: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  US: { DC: ['Washington DC', 'Washington D.C.'] },
  CN: { NM: ['Inner Mongolia'], XZ: ['Tibet'] },
  MX: {
    CMX: ['Mexico City', 'CDMX', 'Distrito Federal'],
    MEX: ['Estado de Mexico', 'State of Mexico', 'Edomex'],
    COA: ['Coahuila'],
    MIC: ['Michoacan'],
    VER: ['Veracruz'],
  },
};

/**
 * ISO gives Chinese provinces their romanised administrative names ("Guangdong Sheng",
 * "Guangxi Zhuangzu Zizhiqu"); people write "Guangdong", "Guangxi". These words are dropped to make
 * a second name to match.
 */
const chineseAdministrativeWords = /\s+(Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|SAR)\b/giu;

export type State = { code: string; name: string };

function subdivisionsOf(iso2: string): State[] {
  return iso31662
    .filter((entry) => entry.parent === iso2 && !excludedSubdivisions.has(entry.code))
    .map((entry) => ({ code: entry.code.slice(iso2.length + 1), name: entry.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const statesCache = new Map<string, readonly State[]>();

/** Every ISO 3166-2 subdivision of the country (any country), sorted by code. */
export function listStates(iso2: string): State[] {
  let states = statesCache.get(iso2);
  if (states === undefined) {
    states = Object.freeze(subdivisionsOf(iso2));
    statesCache.set(iso2, states);
  }
  return states.map((state) => ({ ...state }));
}

export function isStateListCountry(iso2: string): boolean {
  return stateListCountries.includes(iso2);
}

export function isStateRequired(iso2: string): boolean {
  return stateRequiredCountries.includes(iso2);
}

/** The codes a state must be one of, or an empty list where the state is free text. */
export function stateCodes(iso2: string): string[] {
  return isStateListCountry(iso2) ? listStates(iso2).map((state) => state.code) : [];
}

function namesOf(iso2: string, state: State): string[] {
  const names = [state.code, `${iso2}-${state.code}`, state.name, ...(stateAliases[iso2]?.[state.code] ?? [])];
  if (iso2 === 'CN') names.push(state.name.replace(chineseAdministrativeWords, ''));
  return names;
}

const lookupCache = new Map<string, ReadonlyMap<string, string>>();

function lookupFor(iso2: string): ReadonlyMap<string, string> {
  let lookup = lookupCache.get(iso2);
  if (lookup === undefined) {
    const entries = new Map<string, string>();
    for (const state of listStates(iso2)) {
      for (const name of namesOf(iso2, state)) entries.set(matchKey(name), state.code);
    }
    lookup = entries;
    lookupCache.set(iso2, lookup);
  }
  return lookup;
}

/**
 * The subdivision code for a code (`ca`, `US-CA`) or a name (`California`, `quebec`) of any country
 * with ISO subdivisions; undefined when nothing matches.
 */
export function findStateCode(iso2: string, input: string): string | undefined {
  return lookupFor(iso2).get(matchKey(input));
}

export function stateName(iso2: string, code: string): string | undefined {
  return listStates(iso2).find((state) => state.code === code)?.name;
}

/**
 * The name a person reads in a list: ISO's, without the romanised administrative words for China
 * and without the macrons of India's Hindi romanisation ("Karnātaka" is written Karnataka).
 */
function displayName(iso2: string, state: State): string {
  if (iso2 === 'CN') return state.name.replace(chineseAdministrativeWords, '');
  if (iso2 === 'IN') return state.name.normalize('NFD').replace(/\u0304/gu, '').normalize('NFC');
  return state.name;
}

/**
 * What a form offers as the state (ours): the country's subdivisions, by name, wherever the state is
 * required, so that a person picks Karnataka or São Paulo rather than typing it. Outside
 * `stateListCountries` the server still takes free text (SPEC §4); the list's code is one such text.
 * Empty where the state is not asked for.
 */
export function stateOptions(iso2: string): State[] {
  if (!isStateRequired(iso2)) return [];
  return listStates(iso2)
    .map((state) => ({ code: state.code, name: displayName(iso2, state) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
