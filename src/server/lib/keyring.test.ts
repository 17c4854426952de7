import path from 'node:path';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';
import { keyId, keyringOf, parseKey } from './keyring.ts';
import { seal, sealedKeyId, unseal, UnsealError } from './sealed.ts';

describe('sealing with a keyring', () => {
  const [one, two] = [randomBytes(32), randomBytes(32)];

  it('seals with the newest key, naming it, and opens with any key of the ring', () => {
    const before = seal(keyringOf([one]), 'secret');
    expect(sealedKeyId(before)).toBe(keyId(one));
    const rotated = keyringOf([two, one]);
    expect(unseal(rotated, before)).toBe('secret');
    expect(sealedKeyId(seal(rotated, 'later'))).toBe(keyId(two));
  });

  it('refuses a value whose key is not in the ring, or whose key id was changed', () => {
    const sealed = seal(keyringOf([one]), 'secret');
    expect(() => unseal(keyringOf([two]), sealed)).toThrow(UnsealError);
    // The key id is authenticated: pointing a value at another key of the ring does not open it.
    const relabelled = sealed.replace(keyId(one), keyId(two));
    expect(() => unseal(keyringOf([one, two]), relabelled)).toThrow(UnsealError);
  });

  it('opens the v1 values of earlier versions (no key id) with whichever key fits', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', one, iv);
    const body = Buffer.concat([cipher.update('old', 'utf8'), cipher.final()]);
    const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    expect(unseal(keyringOf([two, one]), v1)).toBe('old');
    expect(() => unseal(keyringOf([two]), v1)).toThrow(UnsealError);
  });

  it('reads keys of 32 bytes in base64 or base64url, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString('base64'))).toEqual(key);
    expect(parseKey(key.toString('base64url'))).toEqual(key);
    expect(parseKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseKey('x'.repeat(44))).toBeUndefined();
  });
});

describe('where the keys are configured', () => {
  it('keeps the key file beside the PGlite data directory, or in the working directory on PostgreSQL', () => {
    expect(loadConfig({ PARTNERDESK_DATA_DIR: '/srv/pd/data' }).keyFile).toBe('/srv/pd/data.key');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/pd' }).keyFile).toBe(path.resolve('partnerdesk.key'));
    expect(loadConfig({ PARTNERDESK_KEY_FILE: '/etc/partnerdesk/keys' }).keyFile).toBe('/etc/partnerdesk/keys');
  });

  it('refuses a key file inside the data directory, and keys that are not 32 bytes', () => {
    expect(() => loadConfig({ PARTNERDESK_DATA_DIR: '/srv/pd/data', PARTNERDESK_KEY_FILE: '/srv/pd/data/keys' })).toThrow(/PARTNERDESK_KEY_FILE: must not be inside PARTNERDESK_DATA_DIR/);
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ PARTNERDESK_ENCRYPTION_KEY: `${key},${randomBytes(32).toString('base64')}` }).encryptionKeys).toHaveLength(2);
    expect(() => loadConfig({ PARTNERDESK_ENCRYPTION_KEY: `${key},short` })).toThrow(/PARTNERDESK_ENCRYPTION_KEY/);
  });
});
