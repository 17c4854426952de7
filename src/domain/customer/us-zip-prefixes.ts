/**
 * Which state each 3-digit US ZIP prefix belongs to, from USPS's list of ZIP prefixes (sectional
 * center facilities). No maintained library publishes it on its own; this small table is ours.
 * Ranges are inclusive. Left out: unassigned prefixes, the military ones (AA/AE/AP, which are not in
 * the ISO state list), and single ZIP codes that cross a state line: a prefix not in the table tells
 * nothing, so it never makes an address suspect.
 */
const zipPrefixRanges: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  AK: [[995, 999]],
  AL: [[350, 369]],
  AR: [[716, 729]],
  AS: [[967, 967]],
  AZ: [[850, 865]],
  CA: [[900, 961]],
  CO: [[800, 816]],
  CT: [[60, 69]],
  DC: [[200, 200], [202, 205], [569, 569]],
  DE: [[197, 199]],
  FL: [[320, 339], [341, 349]],
  GA: [[300, 319], [398, 399]],
  GU: [[969, 969]],
  HI: [[967, 968]],
  IA: [[500, 528]],
  ID: [[832, 838]],
  IL: [[600, 629]],
  IN: [[460, 479]],
  KS: [[660, 679]],
  KY: [[400, 427]],
  LA: [[700, 714]],
  MA: [[10, 27], [55, 55]],
  MD: [[206, 219]],
  ME: [[39, 49]],
  MI: [[480, 499]],
  MN: [[550, 567]],
  MO: [[630, 658]],
  MP: [[969, 969]],
  MS: [[386, 397]],
  MT: [[590, 599]],
  NC: [[270, 289]],
  ND: [[580, 588]],
  NE: [[680, 693]],
  NH: [[30, 38]],
  NJ: [[70, 89]],
  NM: [[870, 884]],
  NV: [[889, 898]],
  NY: [[5, 5], [100, 149]],
  OH: [[430, 459]],
  OK: [[730, 732], [734, 749]],
  OR: [[970, 979]],
  PA: [[150, 196]],
  PR: [[6, 7], [9, 9]],
  RI: [[28, 29]],
  SC: [[290, 299]],
  SD: [[570, 577]],
  TN: [[370, 385]],
  TX: [[733, 733], [750, 799], [885, 885]],
  UT: [[840, 847]],
  VA: [[201, 201], [220, 246]],
  VI: [[8, 8]],
  VT: [[50, 54], [56, 59]],
  WA: [[980, 994]],
  WI: [[530, 549]],
  WV: [[247, 268]],
  WY: [[820, 831]],
};

/** The states whose ZIP codes start with these three digits (usually one); empty when unknown. */
export function statesForZipPrefix(zip: string): string[] {
  const prefix = Number(zip.slice(0, 3));
  if (!/^\d{3}/.test(zip)) return [];
  return Object.entries(zipPrefixRanges)
    .filter(([, ranges]) => ranges.some(([low, high]) => prefix >= low && prefix <= high))
    .map(([state]) => state);
}

/** True when the table knows the prefix and the state is not one of its states. */
export function zipDisagreesWithState(zip: string, state: string): boolean {
  const states = statesForZipPrefix(zip);
  return states.length > 0 && !states.includes(state);
}
