import { createPrivateKey, createPublicKey, generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Db } from '#db/database.ts';
import type { Clock } from '#server/lib/adapters.ts';
import type { Keyring } from '#server/lib/keyring.ts';
import { seal, unseal } from '#server/lib/sealed.ts';
import * as repo from './repository.ts';

const generateKeyPair = promisify(generateKeyPairCallback);

/** RS256, as the Microsoft identity platform signs its access tokens (clients and JWT libraries expect it). */
export const SIGNING_ALGORITHM = 'RS256';

interface LoadedKey {
  kid: string;
  createdAt: Date;
  publicJwk: JWK;
  publicKey: KeyObject;
  /** Opened only when the key signs (the newest). */
  privateKey: () => KeyObject;
}

/**
 * The keys that sign access tokens, kept in the database so that every server process signs with the
 * same key and verifies the others' tokens; the private half sealed with the keyring (decision 010).
 * The newest key signs. After `rotationMs` a new key is made (by the first process to need one, the
 * others waiting on an advisory lock), and a replaced key stays published until every token it signed
 * has expired.
 */
export function createSigningKeys({ db, clock, keyring, rotationMs, tokenTtlMs }: { db: Db; clock: Clock; keyring: Keyring; rotationMs: number; tokenTtlMs: number }) {
  let keys: LoadedKey[] = [];
  let loadedAt = 0;
  // Verifying a token with a kid we do not know reloads, at most this often (a bad token cannot make each request query).
  const RELOAD_MS = 5_000;

  function load(rows: repo.SigningKeyRow[]): LoadedKey[] {
    return rows.map((row) => {
      let opened: KeyObject | undefined;
      const publicJwk = row.public_jwk as JWK;
      return {
        kid: row.kid,
        createdAt: row.created_at,
        publicJwk,
        publicKey: createPublicKey({ key: publicJwk, format: 'jwk' }),
        privateKey: () => (opened ??= createPrivateKey(unseal(keyring, row.private_key_sealed))),
      };
    });
  }

  async function reload() {
    keys = load(await repo.listSigningKeys(db));
    loadedAt = Date.now();
  }

  const fresh = (key: LoadedKey | undefined, now: Date) => key !== undefined && now.getTime() - key.createdAt.getTime() < rotationMs;

  async function createKey(now: Date) {
    const { publicKey, privateKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
    const exported = publicKey.export({ format: 'jwk' });
    const kid = await calculateJwkThumbprint({ kty: exported.kty!, n: exported.n!, e: exported.e! });
    const publicJwk: JWK = { kty: 'RSA', use: 'sig', alg: SIGNING_ALGORITHM, kid, n: exported.n!, e: exported.e! };
    const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await db.transaction().execute(async (trx) => {
      await repo.lockSigningKeys(trx);
      // Another process may have made one while this one waited.
      const newest = load(await repo.listSigningKeys(trx))[0];
      if (fresh(newest, now)) return;
      await repo.insertSigningKey(trx, { kid, algorithm: SIGNING_ALGORITHM, publicJwk, privateKeySealed: seal(keyring, privatePem), createdAt: now });
    });
    await reload();
  }

  return {
    /** The key that signs now: the newest, made first when there is none or it is past the rotation period. */
    async current(): Promise<{ kid: string; privateKey: KeyObject }> {
      const now = clock.now();
      if (!fresh(keys[0], now)) await reload();
      if (!fresh(keys[0], now)) await createKey(now);
      const key = keys[0]!;
      return { kid: key.kid, privateKey: key.privateKey() };
    },

    /** The public key of a kid, or undefined: unknown, or replaced longer ago than a token lives. */
    async publicKey(kid: string): Promise<KeyObject | undefined> {
      let found = keys.find((key) => key.kid === kid);
      if (!found && Date.now() - loadedAt > RELOAD_MS) {
        await reload();
        found = keys.find((key) => key.kid === kid);
      }
      return found && published(found, clock.now()) ? found.publicKey : undefined;
    },

    /** The JWKS document: the signing key and those whose tokens may still be in use. */
    async jwks(): Promise<{ keys: JWK[] }> {
      await reload();
      const now = clock.now();
      return { keys: keys.filter((key) => published(key, now)).map((key) => key.publicJwk) };
    },
  };

  /** A key is published until its successor has signed for longer than a token lives (plus a margin for clock skew). */
  function published(key: LoadedKey, now: Date): boolean {
    const successor = [...keys].reverse().find((candidate) => candidate.createdAt > key.createdAt);
    return successor === undefined || now.getTime() - successor.createdAt.getTime() < tokenTtlMs + 5 * 60_000;
  }
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
