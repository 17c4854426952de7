import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Side effects behind small adapters, so that tests can fix the clock and the ids. */
export interface Clock { now(): Date }
export interface IdGenerator { uuid(): string }

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { uuid: () => randomUUID() };

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/** scrypt, async, for passwords people choose. Format: scrypt$N$r$p$salt$hash (base64url). */
export const passwordHasher = {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scrypt(password.normalize('NFKC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
    return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  },
  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 256 * Number(n) * Number(r) + 1024 * 1024,
    });
    return timingSafeEqual(key, expected);
  },
};
export type PasswordHasher = typeof passwordHasher;

/** Random secrets (API tokens, sessions, invitations, generated passwords) are hashed with SHA-256: they carry their own entropy. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/**
 * A temporary password a person types once: 16 characters with upper, lower, digit and symbol,
 * avoiding look-alikes (0/O, 1/l/I).
 */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%*?-'];
  const all = sets.join('');
  const pick = (alphabet: string) => alphabet[randomBytes(1)[0]! % alphabet.length]!;
  const chars = sets.map(pick);
  while (chars.length < 16) chars.push(pick(all));
  // Fisher-Yates with crypto randomness, so the required classes are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBytes(1)[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
