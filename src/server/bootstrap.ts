import { randomBytes } from 'node:crypto';
import type { Db } from '#db/database.ts';
import type { Config } from './config.ts';
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
 * The key that encrypts stored responses (idempotency records). From config, or created once and kept
 * in the database, so that every process and every restart agrees on it. Never made at boot.
 */
export async function loadEncryptionKey(db: Db, config: Pick<Config, 'encryptionKey'>): Promise<Buffer> {
  if (config.encryptionKey) return Buffer.from(config.encryptionKey, 'base64');
  await db
    .insertInto('settings')
    .values({ key: 'encryption_key', value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'encryption_key').executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/** Removes what has expired: sessions, sign-in counters and devices, idempotency records past 24 hours, drafts past DRAFT_TTL_DAYS, ended rate-limit windows. */
export async function purgeExpired(db: Db, now: Date, config: Pick<Config, 'draftTtlMs'>) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_throttles').where('window_started_at', '<', new Date(now.getTime() - 24 * 3_600_000)).execute();
  await db.deleteFrom('trusted_devices').where('expires_at', '<', now).execute();
  await db.deleteFrom('idempotency_records').where('expires_at', '<', now).execute();
  await db.deleteFrom('api_tokens').where('kind', '=', 'access').where('expires_at', '<', now).execute();
  await deleteDraftsSavedBefore(db, new Date(now.getTime() - config.draftTtlMs));
  await deleteEndedWindows(db, now);
}
