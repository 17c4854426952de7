import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordHasher, SCRYPT_PARAMS } from './adapters.ts';

// OWASP Password Storage Cheat Sheet: scrypt settings of equal strength (N, r, p).
const OWASP_SCRYPT = [
  { N: 2 ** 17, r: 8, p: 1 },
  { N: 2 ** 16, r: 8, p: 2 },
  { N: 2 ** 15, r: 8, p: 3 },
  { N: 2 ** 14, r: 8, p: 5 },
  { N: 2 ** 13, r: 8, p: 10 },
];

/** A hash as Partnerdesk stored it before: the same format, with N=16384, r=8, p=1. */
function legacyHash(password: string) {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hasher', () => {
  it("hashes with one of OWASP's scrypt settings, keeping them in the stored value", { timeout: 30_000 }, async () => {
    expect(OWASP_SCRYPT).toContainEqual(SCRYPT_PARAMS);
    const stored = await passwordHasher.hash('Correct horse 1');
    expect(stored).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$${SCRYPT_PARAMS.r}\\$${SCRYPT_PARAMS.p}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(await passwordHasher.verify('Correct horse 1', stored)).toBe(true);
    expect(await passwordHasher.verify('Correct horse 2', stored)).toBe(false);
    expect(passwordHasher.needsRehash(stored)).toBe(false);
  });

  it('verifies a hash made with older parameters, and says it needs rehashing', { timeout: 30_000 }, async () => {
    const stored = legacyHash('Correct horse 1');
    expect(await passwordHasher.verify('Correct horse 1', stored)).toBe(true);
    expect(passwordHasher.needsRehash(stored)).toBe(true);
  });

  it('refuses no hash at all, and stored values it cannot read, without throwing', { timeout: 30_000 }, async () => {
    for (const stored of [null, 'sha256$abc', 'scrypt$1048576000$8$1$AAAA$AAAA']) {
      expect(await passwordHasher.verify('x', stored)).toBe(false);
    }
    expect(passwordHasher.needsRehash('scrypt$3$8$1$AAAA$AAAA')).toBe(true);
  });
});
