import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-body.ts';

describe('nestsDeeperThan', () => {
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
});
