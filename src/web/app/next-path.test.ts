import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('returns to a path on this site', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/customers?q=contoso')).toBe('/customers?q=contoso');
  });

  it('goes to the customers for anything else', () => {
    for (const next of [null, '', 'https://evil.example/', '//evil.example/x', 'account', '/sign-in?next=/x']) {
      expect(safeNextPath(next)).toBe('/customers');
    }
  });
});

describe('signInPath', () => {
  it('remembers where the user was', () => {
    expect(signInPath(new URL('http://x.test/customers?q=a b'))).toBe('/sign-in?next=%2Fcustomers%3Fq%3Da%2520b');
    expect(signInPath(new URL('http://x.test/'))).toBe('/sign-in');
  });
});
