import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.ts';

/**
 * AES-256-GCM: what we keep of a response that holds a secret (a temporary password) for 24 hours.
 * `v2.<key id>.<iv>.<tag>.<body>`, sealed with the ring's newest key, the version and key id bound as
 * associated data. `v1.<iv>.<tag>.<body>` (before key ids) is still opened, by whichever key fits.
 */
export function seal(ring: Keyring, plaintext: string): string {
  const { id, key } = ring.current;
  const header = `v2.${id}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(header));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [header, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** A sealed value that no key of the ring opens: `keyId` names the key it needs (v2), if it says. */
export class UnsealError extends Error {
  override readonly name = 'UnsealError';
  constructor(readonly keyId: string | undefined) {
    super(keyId ? `sealed with key ${keyId}, which is not among this server's keys` : 'no key of this server opens the sealed value');
  }
}

/** The key id a sealed value names (v2), or undefined (v1, or not a sealed value). */
export function sealedKeyId(sealed: string): string | undefined {
  const [version, id] = sealed.split('.');
  return version === 'v2' ? id : undefined;
}

export function unseal(ring: Keyring, sealed: string): string {
  const parts = sealed.split('.');
  if (parts[0] === 'v2' && parts.length === 5) {
    const [, id, iv, tag, body] = parts as [string, string, string, string, string];
    const entry = ring.keys.find((candidate) => candidate.id === id);
    if (!entry) throw new UnsealError(id);
    try {
      return open(entry.key, iv, tag, body, Buffer.from(`v2.${id}`));
    } catch {
      throw new UnsealError(id);
    }
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    const [, iv, tag, body] = parts as [string, string, string, string];
    for (const { key } of ring.keys) {
      try {
        return open(key, iv, tag, body);
      } catch {
        // the authentication tag says it is not this key: try the next
      }
    }
    throw new UnsealError(undefined);
  }
  throw new Error('not a sealed value');
}

function open(key: Buffer, iv: string, tag: string, body: string, aad?: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
