import { openDatabase } from '#db/database.ts';
import { migrate } from '#db/migrate.ts';
import { buildApp, logRedactions } from './app.ts';
import { applyInstanceConfig } from './bootstrap.ts';
import type { Config } from './config.ts';
import { passwordHasher, randomIds } from './lib/adapters.ts';
import { loggableError } from './lib/pg-errors.ts';
import { DEMO_PASSWORD, DEMO_TENANT_PASSWORD, demoSignIns, demoTenantSignIns, hasDemoData, isEmptyDatabase, seedDemo } from './seed/demo.ts';
import { purgeExpired } from './bootstrap.ts';

/** Opens the database, migrates, seeds on the first start, listens, and shuts down cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config) {
  const database = await openDatabase(config.database);
  try {
    const migration = await migrate(database);
    await applyInstanceConfig(database.db, config);
    let seeded = false;
    if (config.demoData === 'auto' && (await isEmptyDatabase(database.db))) {
      seeded = (await seedDemo(database.db, { ids: randomIds, hasher: passwordHasher })).seeded;
    }

    const app = await buildApp({
      config,
      db: database.db,
      databaseKind: database.kind,
      logger: { level: config.logLevel, redact: { paths: logRedactions, censor: '[redacted]' } },
    });
    // Expired sessions, sign-in failures, idempotency records and drafts go once an hour (and now).
    const purge = () => purgeExpired(database.db, new Date(), config).catch((error: unknown) => app.log.warn({ err: loggableError(error) }, 'purge failed'));
    void purge();
    const purgeTimer = setInterval(purge, 3_600_000);
    purgeTimer.unref();
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      clearInterval(purgeTimer);
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const timer = setTimeout(() => {
        app.log.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      timer.unref();
      // app.close() stops accepting, waits for in-flight requests; then the database closes.
      app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          app.log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        });
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));

    await app.listen({ port: config.port, host: config.host });
    const where = database.kind === 'pglite' ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL (DATABASE_URL)';
    const lines = [
      '',
      `Partnerdesk is running at ${config.publicUrl}`,
      `  database: ${where}${migration.applied.length ? ` (applied ${migration.applied.join(', ')})` : ''}`,
      `  API docs: ${config.publicUrl}/docs`,
    ];
    if (seeded || (await hasDemoData(database.db))) {
      lines.push(`  demo data: ${seeded ? 'seeded now' : 'present'}. Demo sign-ins (password ${DEMO_PASSWORD}):`);
      for (const signIn of demoSignIns) lines.push(`    ${signIn.email.padEnd(34)} ${signIn.partner} (${signIn.roles.join(', ')})`);
      lines.push(`  Existing customers to request a relationship with; their admins' temporary password is ${DEMO_TENANT_PASSWORD} (changed at the first sign-in):`);
      for (const tenant of demoTenantSignIns) lines.push(`    ${tenant.userPrincipalName.padEnd(44)} ${tenant.company} (${tenant.partners.length ? `partner: ${tenant.partners.join(', ')}` : 'no partner'})`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
    return app;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
