import { sql } from 'kysely';
import type { Db } from '#db/database.ts';
import type { Config } from './config.ts';
import { KeyringError, keyringOf, newKey, parseKey, readKeyFile, writeKeyFile, type Keyring } from './lib/keyring.ts';
import { unseal } from './lib/sealed.ts';
import { deleteDraftsSavedBefore } from './modules/drafts/repository.ts';
import { deleteEndedWindows } from './lib/rate-limit-store.ts';

/** Applies the operator's instance settings (domain suffixes, usgov features) to the database. */
export async function applyInstanceConfig(db: Db, config: Config) {
  for (const [id, instance] of Object.entries(config.instances) as [keyof Config['instances'], Config['instances']['public']][]) {
    await db
      .updateTable('cloud_instances')
      .set({
        domain_suffix: instance.domainSuffix,
        relationship_requests_enabled: instance.relationshipRequests,
        indirect_model_enabled: instance.indirectModel,
      })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * The keys that seal stored responses (idempotency records), kept outside the database (decision
 * 010): PARTNERDESK_ENCRYPTION_KEY (newest first), then the key file's; without either, a key file
 * is made once, beside the data. A key an earlier version kept in the database is moved to the key file
 * and removed from the database. The start is refused, with what to do, when stored answers that have
 * not expired are sealed with a key this server does not have (servers on one PostgreSQL that do not
 * share their keys, a lost or wrong key file).
 */
export async function loadKeyring(db: Db, config: Pick<Config, 'encryptionKeys' | 'keyFile'>, now = new Date()): Promise<Keyring> {
  const fromFile = readKeyFile(config.keyFile) ?? [];
  const legacy = await db.selectFrom('settings').select('value').where('key', '=', LEGACY_KEY_SETTING).executeTakeFirst();
  const legacyKey = legacy ? parseKey(legacy.value) : undefined;
  const known = [...config.encryptionKeys, ...fromFile];
  let fileKeys = fromFile;
  if (legacyKey && !known.some((key) => key.equals(legacyKey))) {
    // An older key after the file's: the newest still seals, the moved one opens what it sealed.
    fileKeys = [...fromFile, legacyKey];
  } else if (known.length === 0) {
    fileKeys = [newKey()];
  }
  const ring = keyringOf([...config.encryptionKeys, ...fileKeys]);
  await assertOpensStoredAnswers(db, ring, config, now);

  if (fileKeys !== fromFile && !writeKeyFile(config.keyFile, fileKeys, { exclusive: fromFile.length === 0 })) {
    // Another process made the key file first: that one is the installation's. Start again over it.
    return loadKeyring(db, config, now);
  }
  if (legacy) await db.deleteFrom('settings').where('key', '=', LEGACY_KEY_SETTING).execute();
  return ring;
}

/** Where earlier versions kept the key: in the database itself. */
const LEGACY_KEY_SETTING = 'encryption_key';

async function assertOpensStoredAnswers(db: Db, ring: Keyring, config: Pick<Config, 'encryptionKeys' | 'keyFile'>, now: Date) {
  const rows = await db
    .selectFrom('idempotency_records')
    .select([sql<string>`split_part(response_encrypted, '.', 1)`.as('version'), sql<string>`split_part(response_encrypted, '.', 2)`.as('key_id'), sql<Date>`max(expires_at)`.as('until'), sql<string>`min(response_encrypted)`.as('sample')])
    .where('response_encrypted', 'is not', null)
    .where('expires_at', '>', now)
    .groupBy([sql`1`, sql`2`])
    .execute();
  const missing = rows.filter((row) => {
    if (row.version === 'v2') return !ring.keys.some((key) => key.id === row.key_id);
    try {
      unseal(ring, row.sample);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const ids = missing.map((row) => (row.version === 'v2' ? row.key_id : 'one of an earlier version')).join(', ');
  const until = new Date(Math.max(...missing.map((row) => new Date(row.until).getTime()))).toISOString();
  const where = config.encryptionKeys.length > 0 ? `PARTNERDESK_ENCRYPTION_KEY and the key file ${config.keyFile}` : `the key file ${config.keyFile}`;
  throw new KeyringError(
    `Stored answers in this database are sealed with a key this server does not have (key id ${ids}), until ${until}. ` +
      `The keys come from ${where} (this server's key ids: ${ring.keys.map((key) => key.id).join(', ')}). ` +
      'Servers sharing one database must share their keys: copy the key file of the server that made them, or set the same PARTNERDESK_ENCRYPTION_KEY on every server. ' +
      `Were those keys lost, the answers cannot be replayed: start after ${until}, when they have expired.`,
  );
}

/** Removes what has expired: sessions, sign-in counters and devices, idempotency records past 24 hours, drafts past DRAFT_TTL_DAYS, ended rate-limit windows. */
export async function purgeExpired(db: Db, now: Date, config: Pick<Config, 'draftTtlMs'>) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('tenant_sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_throttles').where('window_started_at', '<', new Date(now.getTime() - 24 * 3_600_000)).execute();
  await db.deleteFrom('trusted_devices').where('expires_at', '<', now).execute();
  await db.deleteFrom('idempotency_records').where('expires_at', '<', now).execute();
  await db.deleteFrom('api_tokens').where('kind', '=', 'access').where('expires_at', '<', now).execute();
  await deleteDraftsSavedBefore(db, new Date(now.getTime() - config.draftTtlMs));
  await deleteEndedWindows(db, now);
}
