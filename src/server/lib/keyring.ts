import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

/**
 * The keys that seal stored responses (decision 010): kept outside the database's files, in
 * PARTNERDESK_ENCRYPTION_KEY or in a key file beside the data. Newest first: the first seals, every
 * key opens. Each key is known by an id derived from it (a hash, so the id reveals nothing of the key),
 * which a sealed value names.
 */
export interface Key { id: string; key: Buffer }
export interface Keyring { current: Key; keys: readonly Key[] }

export const KEY_BYTES = 32;

/** 32 bytes in base64 (43 characters and an optional `=`), base64url accepted too. */
export const KEY_PATTERN = /^[A-Za-z0-9+/_-]{43}=?$/;

export function keyId(key: Buffer): string {
  return createHash('sha256').update('partnerdesk-key-id:').update(key).digest('hex').slice(0, 16);
}

export function toKey(key: Buffer): Key {
  return { id: keyId(key), key };
}

export function parseKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (!KEY_PATTERN.test(value)) return undefined;
  const key = Buffer.from(value.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A ring of the given keys, newest first, each once. */
export function keyringOf(keys: readonly Buffer[]): Keyring {
  const unique: Key[] = [];
  for (const key of keys) {
    const entry = toKey(key);
    if (!unique.some((known) => known.id === entry.id)) unique.push(entry);
  }
  const [current] = unique;
  if (!current) throw new Error('a keyring needs at least one key');
  return { current, keys: unique };
}

/** A startup problem with the keys, said exactly (the CLI prints it without a stack trace and exits 2). */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

const FILE_HEADER = [
  '# Partnerdesk encryption keys, newest first: the first seals stored responses, every key opens them.',
  '# Keep this file secret and apart from the database and its backups. Servers sharing one PostgreSQL',
  '# must share this file (or PARTNERDESK_ENCRYPTION_KEY). `partnerdesk keys rotate` adds a new key;',
  '# an older key may be removed 24 hours after every server was restarted with a newer one first.',
];

/** The keys of a key file, newest first, or undefined when there is no file. */
export function readKeyFile(file: string): Buffer[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyringError(`Cannot read the key file ${file}: ${(error as Error).message}`);
  }
  const keys: Buffer[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const value = line.trim();
    if (value === '' || value.startsWith('#')) continue;
    const key = parseKey(value);
    if (!key) throw new KeyringError(`The key file ${file} is not valid: line ${index + 1} is not a key (32 bytes, base64). Restore the file from where you keep it, or fix that line.`);
    keys.push(key);
  }
  if (keys.length === 0) throw new KeyringError(`The key file ${file} holds no key. Restore it from where you keep it, or delete it to have a new one made (stored responses sealed with the old key then cannot be replayed).`);
  return keys;
}

/**
 * Writes the key file (mode 0600) through a temporary file and a rename, so that a reader never sees
 * half a file. `exclusive`: only if there is none yet (two processes starting at once make one file).
 */
export function writeKeyFile(file: string, keys: readonly Buffer[], options: { exclusive?: boolean } = {}): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = `${[...FILE_HEADER, ...keys.map((key) => key.toString('base64'))].join('\n')}\n`;
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeFileSync(handle, text);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    if (options.exclusive) {
      // link() fails when the file exists: the first process's file wins.
      try {
        fs.linkSync(temporary, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    } else {
      fs.renameSync(temporary, file);
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return true;
}

/** `partnerdesk keys rotate`: a new key first in the key file; the others stay to open what they sealed. */
export function rotateKeyFile(file: string): { added: Key; keys: Key[] } {
  const existing = readKeyFile(file);
  if (!existing) {
    throw new KeyringError(`There is no key file at ${file}. Start the server once to have it made (or moved out of the database), or set PARTNERDESK_KEY_FILE to where it is.`);
  }
  const key = newKey();
  writeKeyFile(file, [key, ...existing]);
  return { added: toKey(key), keys: [key, ...existing].map(toKey) };
}
