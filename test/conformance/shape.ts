/**
 * The conformance suite's comparator: does an answer of ours have the shape of Partner Center's documented
 * sample answer? Every property of the sample must be there with the same name (case included), nesting
 * and JSON type; `null` in the sample matches anything; properties of ours beyond the sample's are fine.
 * An array is compared element by element against what every element of the sample has in common (a
 * property shown on only one of the sample's elements is that element's, not the resource's). Each
 * mismatch names its JSON path: `$.companyProfile.address: missing`.
 */

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

const isObject = (value: unknown): value is Record<string, unknown> => jsonTypeOf(value) === 'object';

/**
 * What the elements of a sample array have in common: for objects, the properties every element has (each
 * the common shape of its values); a single element is itself. Undefined for an empty array.
 */
export function commonShape(elements: readonly unknown[]): unknown {
  const [first, ...rest] = elements;
  if (elements.length === 0) return undefined;
  if (rest.length === 0) return first;
  if (!elements.every(isObject)) return elements.find((element) => element !== null) ?? null;
  const objects = elements as Record<string, unknown>[];
  const shared = Object.keys(objects[0]!).filter((key) => objects.every((object) => key in object));
  return Object.fromEntries(shared.map((key) => [key, commonOf(objects.map((object) => object[key]))]));
}

/** The common shape of one property's values across elements: `null` where they disagree on the type. */
function commonOf(values: unknown[]): unknown {
  const typed = values.filter((value) => value !== null);
  if (typed.length === 0) return null;
  const type = jsonTypeOf(typed[0]);
  if (!typed.every((value) => jsonTypeOf(value) === type)) return null;
  if (type === 'object') return commonShape(typed);
  if (type === 'array') return [commonShape((typed as unknown[][]).flat())].filter((element) => element !== undefined);
  return typed[0];
}

/**
 * `skip`: paths where we differ from the sample on purpose (the sample file's `differs`); `[*]` stands for
 * any index (`$.items[*].links.sku`). A skipped path is not compared, nor anything under it.
 */
export interface ShapeOptions { skip?: readonly string[] }

/** The mismatches, one line each (`<path>: <what>`); none when `actual` has the sample's shape. */
export function compareShape(sample: unknown, actual: unknown, options: ShapeOptions = {}): string[] {
  const skip = new Set(options.skip ?? []);
  const problems: string[] = [];
  const skipped = (path: string) => {
    const general = path.replace(/\[\d+\]/g, '[*]');
    for (const prefix of skip) if (general === prefix || general.startsWith(`${prefix}.`) || general.startsWith(`${prefix}[`)) return true;
    return false;
  };

  function compare(expected: unknown, value: unknown, path: string): void {
    if (skipped(path)) return;
    const expectedType = jsonTypeOf(expected);
    if (expectedType === 'null') return;
    const actualType = jsonTypeOf(value);
    if (actualType !== expectedType) {
      problems.push(`${path}: expected ${expectedType}, got ${actualType}`);
      return;
    }
    if (expectedType === 'object') {
      const object = value as Record<string, unknown>;
      for (const [key, expectedValue] of Object.entries(expected as Record<string, unknown>)) {
        const childPath = `${path}.${key}`;
        if (skipped(childPath)) continue;
        if (!(key in object)) {
          const otherCase = Object.keys(object).find((own) => own.toLowerCase() === key.toLowerCase());
          problems.push(`${childPath}: missing${otherCase === undefined ? '' : ` (there is "${otherCase}": the case differs)`}`);
          continue;
        }
        compare(expectedValue, object[key], childPath);
      }
      return;
    }
    if (expectedType === 'array') {
      const element = commonShape(expected as unknown[]);
      if (element === undefined) return;
      const values = value as unknown[];
      if (values.length === 0) {
        problems.push(`${path}: empty, so its elements could not be compared with the sample's`);
        return;
      }
      values.forEach((item, index) => compare(element, item, `${path}[${index}]`));
    }
  }

  compare(sample, actual, '$');
  return problems;
}
