import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from './json-body.ts';

const nestsDeeperThan = (text: string, depth: number) => jsonShapeProblem(text, { depth, containers: Infinity }) === 'too_deep';

describe('jsonShapeProblem', () => {
  it('counts objects and arrays opened inside one another', () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[{{{{', quoted: 'a "[[[" b', slash: '\\[[[' }), 1)).toBe(false);
  });

  it('answers in one pass for text that is not JSON, leaving it to the parser', () => {
    expect(nestsDeeperThan(`${'['.repeat(100)}garbage`, 32)).toBe(true);
    expect(nestsDeeperThan(']]]]', 1)).toBe(false);
    expect(nestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
  });

  it('counts every object and array, nested or side by side', () => {
    expect(jsonShapeProblem('[{},{},[]]', { depth: 32, containers: 4 })).toBeUndefined();
    expect(jsonShapeProblem('[{},{},[],{}]', { depth: 32, containers: 4 })).toBe('too_many');
    expect(jsonShapeProblem('["{}","[]"]', { depth: 32, containers: 1 })).toBeUndefined();
  });
});
