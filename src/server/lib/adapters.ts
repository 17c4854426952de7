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

export interface ScryptParams { N: number; r: number; p: number }

/**
 * One of the equivalent scrypt settings of OWASP's Password Storage Cheat Sheet (N=2^14, r=8, p=5):
 * 16 MiB a hash, where its N=2^17 p=1 needs 128 MiB and took longer here (docs/decisions/013-sign-in-throttle.md).
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
const KEY_LENGTH = 32;
// What an unknown email is checked against, so that it costs as much as a known one.
const NO_SALT = Buffer.alloc(16);

function derive(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptParams) {
  // OpenSSL's scrypt needs 128·N·r bytes (plus 128·r·p): allow that and a margin, not more.
  return scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 128 * N * r + 128 * r * p + 1024 * 1024 });
}

/** scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash, so older hashes still verify. */
function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || rest.length > 0) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane = Number.isInteger(Math.log2(params.N)) && params.N > 1 && params.N <= 2 ** 20 && [params.r, params.p].every((v) => Number.isInteger(v) && v >= 1 && v <= 64);
  return sane ? { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') } : undefined;
}

/** scrypt, async (libuv's thread pool), for passwords people choose. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether the password is the stored one; `null` (no such user) costs the same and is false. */
  verify(password: string, stored: string | null): Promise<boolean>;
  /** Whether the stored hash was made with other parameters than today's: a sign-in then stores a new one. */
  needsRehash(stored: string): boolean;
}

export const passwordHasher: PasswordHasher = {
  async hash(password) {
    const salt = randomBytes(16);
    const key = await derive(password, salt, KEY_LENGTH, SCRYPT_PARAMS);
    return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  },
  async verify(password, stored) {
    const parsed = stored === null ? undefined : parse(stored);
    if (!parsed || parsed.hash.length === 0) {
      await derive(password, NO_SALT, KEY_LENGTH, SCRYPT_PARAMS);
      return false;
    }
    const key = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
    return timingSafeEqual(key, parsed.hash);
  },
  needsRehash(stored) {
    const params = parse(stored)?.params;
    return !params || params.N !== SCRYPT_PARAMS.N || params.r !== SCRYPT_PARAMS.r || params.p !== SCRYPT_PARAMS.p;
  },
};

/**
 * The hasher, hashing each password once: for demo and test data, whose users share one published
 * password (they then share its salt too, which only says what is already known: the passwords are the same).
 */
export function hashingOncePerPassword(hasher: PasswordHasher): PasswordHasher {
  const hashes = new Map<string, Promise<string>>();
  return {
    ...hasher,
    hash(password) {
      let hash = hashes.get(password);
      if (!hash) hashes.set(password, (hash = hasher.hash(password)));
      return hash;
    },
  };
}

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
