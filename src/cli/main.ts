import fs from 'node:fs';
import { Command, Option } from 'commander';
import { openDatabase, type DatabaseHandle } from '#db/database.ts';
import { DataDirLockedError } from '#db/data-dir-lock.ts';
import { migrate } from '#db/migrate.ts';
import { DomainError } from '#domain/errors.ts';
import { roleSchema } from '#contracts/auth.ts';
import { ConfigError, loadConfig, type Config } from '#server/config.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { passwordHasher, randomIds, systemClock } from '#server/lib/adapters.ts';
import { createAuthService } from '#server/modules/auth/service.ts';
import { createAppsService } from '#server/modules/apps/service.ts';
import { createSigningKeys } from '#server/modules/apps/signing-keys.ts';
import { principalOf } from '#server/lib/principal.ts';
import { loadKeyring } from '#server/bootstrap.ts';
import { createOperatorService } from '#server/modules/operator/service.ts';
import { serve } from '#server/main.ts';
import { KeyringError, keyId, keyringOf, newKey, readKeyFile, rotateKeyFile } from '#server/lib/keyring.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);

function config(): Config {
  return loadConfig();
}

/** Opens the database (migrated) for one command and closes it after. */
async function withDatabase<T>(fn: (handle: DatabaseHandle, cfg: Config) => Promise<T>, options = { migrate: true }): Promise<T> {
  const cfg = config();
  const handle = await openDatabase(cfg.database);
  try {
    if (options.migrate) await migrate(handle);
    return await fn(handle, cfg);
  } finally {
    await handle.close();
  }
}

function operator(handle: DatabaseHandle) {
  return createOperatorService({ db: handle.db, ids: randomIds, hasher: passwordHasher });
}

function print(value: unknown) {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
}

const program = new Command('partnerdesk')
  .description('Partnerdesk: a self-hostable partner center. Settings come from the environment (see README).')
  .showHelpAfterError();

program.command('serve').description('Migrate, seed demo data on the first start, and serve the portal and API').action(async () => {
  await serve(config());
});

program.command('migrate').description('Apply pending database migrations').action(() =>
  withDatabase(async (handle) => {
    const result = await migrate(handle);
    print(result.applied.length ? `Applied: ${result.applied.join(', ')}` : 'Nothing to apply: the database is up to date.');
  }, { migrate: false }),
);

program
  .command('seed')
  .description('Apply the instance settings; with --demo, add the demo data (once)')
  .addOption(new Option('--demo', 'add the demo partners, users, catalog and customers').env('PARTNERDESK_SEED_DEMO'))
  .action((options: { demo?: boolean }) =>
    withDatabase(async (handle, cfg) => {
      await applyInstanceConfig(handle.db, cfg);
      if (!options.demo) return print('Instance settings applied. Add --demo for the demo data.');
      const result = await seedDemo(handle.db, { ids: randomIds, hasher: passwordHasher });
      print(result.seeded
        ? `Demo data added: ${result.partners} partners, ${result.users} users (password ${DEMO_PASSWORD}), ${result.offers} offers, ${result.customers} customers.`
        : 'The demo data is already there: nothing added.');
    }),
  );

const users = program.command('users').description('Partner users');
users
  .command('create')
  .description('Create a partner user')
  .addOption(new Option('--partner <ref>', 'partner id, Partner ID or name').env('PARTNERDESK_PARTNER').makeOptionMandatory())
  .addOption(new Option('--email <email>').env('PARTNERDESK_EMAIL').makeOptionMandatory())
  .addOption(new Option('--roles <roles>', `comma-separated: ${roleSchema.options.join(', ')}`).env('PARTNERDESK_ROLES').makeOptionMandatory())
  .addOption(new Option('--password <password>', 'at least 12 characters').env('PARTNERDESK_PASSWORD').makeOptionMandatory())
  .addOption(new Option('--name <displayName>').env('PARTNERDESK_DISPLAY_NAME'))
  .action((o: { partner: string; email: string; roles: string; password: string; name?: string }) =>
    withDatabase(async (handle) => print(await operator(handle).createUser({ partner: o.partner, email: o.email, roles: list(o.roles), password: o.password, displayName: o.name }))),
  );
users
  .command('reset-password')
  .description("Set a user's password (ends the user's sessions)")
  .addOption(new Option('--email <email>').env('PARTNERDESK_EMAIL').makeOptionMandatory())
  .addOption(new Option('--password <password>', 'at least 12 characters').env('PARTNERDESK_PASSWORD').makeOptionMandatory())
  .action((o: { email: string; password: string }) =>
    withDatabase(async (handle) => {
      await operator(handle).resetPassword(o.email, o.password);
      print(`Password of ${o.email} changed.`);
    }),
  );

program
  .command('tokens')
  .description('API tokens')
  .command('create')
  .description('Create a personal API token for a user; prints the token alone')
  .addOption(new Option('--email <email>').env('PARTNERDESK_EMAIL').makeOptionMandatory())
  .addOption(new Option('--name <name>').env('PARTNERDESK_TOKEN_NAME').default('cli'))
  .addOption(new Option('--expires-in-days <days>').env('PARTNERDESK_TOKEN_DAYS').argParser((v) => Number.parseInt(v, 10)))
  .action((o: { email: string; name: string; expiresInDays?: number }) =>
    withDatabase(async (handle, cfg) => {
      const user = await handle.db.selectFrom('partner_users').select('id').where('email', '=', o.email.trim().toLowerCase()).executeTakeFirst();
      if (!user) throw new DomainError('not_found', `There is no user ${o.email}.`);
      const auth = createAuthService({ db: handle.db, clock: systemClock, ids: randomIds, hasher: passwordHasher, config: cfg });
      const created = await auth.createPersonalToken(user.id, { name: o.name, expiresInDays: o.expiresInDays ?? null });
      print(created.token);
    }),
  );

/** The apps service acting as the user with this email (the CLI's caller: the rules are the portal's). */
async function appsAs(handle: DatabaseHandle, cfg: Config, email: string) {
  const auth = createAuthService({ db: handle.db, clock: systemClock, ids: randomIds, hasher: passwordHasher, config: cfg });
  const found = await handle.db.selectFrom('partner_users').select('id').where('email', '=', email.trim().toLowerCase()).where('kind', '=', 'person').executeTakeFirst();
  const user = found && (await auth.activeUser(found.id));
  if (!user) throw new DomainError('not_found', `There is no active user ${email}.`);
  const keyring = await loadKeyring(handle.db, cfg);
  const keys = createSigningKeys({ db: handle.db, clock: systemClock, keyring, rotationMs: cfg.signingKeyRotationDays * 86_400_000, tokenTtlMs: cfg.accessTokenTtlSeconds * 1000 });
  const apps = createAppsService({ db: handle.db, ids: randomIds, clock: systemClock, auth, keys, publicUrl: cfg.publicUrl, accessTokenTtlSeconds: cfg.accessTokenTtlSeconds });
  return { apps, principal: principalOf(user, 'token'), tokenUrl: `${cfg.publicUrl}/${user.partner.id}/oauth2/v2.0/token` };
}

const emailOption = () => new Option('--email <email>', 'a global admin of the organisation (a user, for refresh tokens)').env('PARTNERDESK_EMAIL').makeOptionMandatory();
const apps = program.command('apps').description('App registrations: programs sign in at the token URL with an application id and a secret');
apps
  .command('create')
  .description('Register an app with a first secret; prints the application id, the secret (this once) and the token URL')
  .addOption(emailOption())
  .requiredOption('--name <name>', "the app's name")
  .option('--roles <roles>', 'what it may do app-only, comma-separated', 'admin_agent')
  .option('--expires-in-days <days>', "the secret's lifetime", (v) => Number.parseInt(v, 10), 180)
  .action((o: { email: string; name: string; roles: string; expiresInDays: number }) =>
    withDatabase(async (handle, cfg) => {
      const { apps: service, principal, tokenUrl } = await appsAs(handle, cfg, o.email);
      const roles = list(o.roles).map((role) => {
        const parsed = roleSchema.safeParse(role);
        if (!parsed.success) throw new DomainError('invalid_input', `--roles: ${role} is not a role (${roleSchema.options.join(', ')})`);
        return parsed.data;
      });
      const app = await service.create(principal, { displayName: o.name, roles });
      const secret = await service.addSecret(principal, app.id, { description: 'created with the CLI', expiresInDays: o.expiresInDays });
      print({ applicationId: app.id, secret: secret.secret, secretExpiresAt: secret.expiresAt, tokenUrl, scope: 'https://api.partnercenter.microsoft.com/.default' });
    }),
  );
apps
  .command('list')
  .description("The organisation's app registrations and their secrets (hints only)")
  .addOption(emailOption())
  .action((o: { email: string }) =>
    withDatabase(async (handle, cfg) => {
      const { apps: service, principal } = await appsAs(handle, cfg, o.email);
      print(await service.list(principal));
    }),
  );
const secrets = apps.command('secrets').description("An app's client secrets");
secrets
  .command('add')
  .description('Add a secret; prints it alone (this once)')
  .addOption(emailOption())
  .requiredOption('--app <id>', 'the application id')
  .option('--description <text>', 'where it is used', 'created with the CLI')
  .option('--expires-in-days <days>', 'its lifetime', (v) => Number.parseInt(v, 10), 180)
  .action((o: { email: string; app: string; description: string; expiresInDays: number }) =>
    withDatabase(async (handle, cfg) => {
      const { apps: service, principal } = await appsAs(handle, cfg, o.email);
      print((await service.addSecret(principal, o.app, { description: o.description, expiresInDays: o.expiresInDays })).secret);
    }),
  );
secrets
  .command('revoke')
  .description('Revoke a secret (it stops working at once)')
  .addOption(emailOption())
  .requiredOption('--app <id>', 'the application id')
  .requiredOption('--secret <id>', "the secret's id (apps list shows it)")
  .action((o: { email: string; app: string; secret: string }) =>
    withDatabase(async (handle, cfg) => {
      const { apps: service, principal } = await appsAs(handle, cfg, o.email);
      await service.revokeSecret(principal, o.app, o.secret);
      print('revoked');
    }),
  );
apps
  .command('refresh-token')
  .description('Make a refresh token for the app acting as the user (app + user); prints it alone (this once)')
  .addOption(emailOption())
  .requiredOption('--app <id>', 'the application id')
  .action((o: { email: string; app: string }) =>
    withDatabase(async (handle, cfg) => {
      const { apps: service, principal } = await appsAs(handle, cfg, o.email);
      print((await service.createRefreshToken(principal, o.app)).refreshToken);
    }),
  );

program
  .command('customers')
  .description('Customers')
  .command('list')
  .description('List customers, with the partners each has a relationship with')
  .addOption(new Option('--partner <ref>', 'only this partner\'s customers').env('PARTNERDESK_PARTNER'))
  .addOption(new Option('--json', 'print JSON'))
  .action((o: { partner?: string; json?: boolean }) =>
    withDatabase(async (handle) => {
      const partnerId = o.partner ? (await operator(handle).findPartner(o.partner)).id : undefined;
      let query = handle.db
        .selectFrom('customers as c')
        .innerJoin('customer_relationships as cr', 'cr.customer_id', 'c.id')
        .innerJoin('partner_organizations as p', 'p.id', 'cr.partner_id')
        .select(['c.id', 'c.company_name', 'c.domain', 'c.country', 'p.name as partner'])
        .orderBy('c.company_name')
        .orderBy('p.name');
      if (partnerId) query = query.where('cr.partner_id', '=', partnerId);
      const rows = await query.execute();
      if (o.json) return print(rows);
      for (const row of rows) print(`${row.id}  ${row.company_name.padEnd(36)} ${row.domain.padEnd(40)} ${row.country}  ${row.partner}`);
      print(`${rows.length} row(s)`);
    }),
  );

const tenants = program.command('tenants').description("Existing tenants: customers that partners request a relationship with (their admin accepts)");
tenants
  .command('create')
  .description("Create an existing tenant with its admin account admin@<domain> and a temporary password (printed once, changed at the first sign-in); with --partner, it has a relationship with that partner")
  .addOption(new Option('--company <name>', 'company name').env('PARTNERDESK_TENANT_COMPANY').makeOptionMandatory())
  .addOption(new Option('--domain <domain>', 'domain prefix (northwind) or full domain (northwind.onmicrosoft.com)').env('PARTNERDESK_TENANT_DOMAIN').makeOptionMandatory())
  .addOption(new Option('--country <code>', 'ISO country code').env('PARTNERDESK_TENANT_COUNTRY').default('US'))
  .addOption(new Option('--culture <culture>', "among the country's cultures (default: its first)").env('PARTNERDESK_TENANT_CULTURE'))
  .addOption(new Option('--partner <ref>', 'a partner (id, Partner ID or name) the tenant already has; without it, the tenant has none').env('PARTNERDESK_PARTNER'))
  .addOption(new Option('--instance <instance>', "public | usgov (default: the partner's, else public)").env('PARTNERDESK_INSTANCE'))
  .addOption(new Option('--json', 'print JSON'))
  .action((o: { company: string; domain: string; country: string; culture?: string; partner?: string; instance?: string; json?: boolean }) =>
    withDatabase(async (handle) => {
      const tenant = await operator(handle).createTenant({ company: o.company, domain: o.domain, country: o.country, culture: o.culture, partner: o.partner, instance: o.instance });
      if (o.json) return print(tenant);
      print(`Tenant created: ${tenant.companyName} (${tenant.domain}, ${tenant.instance}), id ${tenant.id}`);
      print(tenant.partner ? `Partner: ${tenant.partner.name}` : 'Partner: none');
      print(`Admin sign-in: ${tenant.admin.userPrincipalName}`);
      print(`Temporary password: ${tenant.admin.temporaryPassword}`);
      print('The password is shown this once; the admin changes it at the first sign-in.');
    }),
  );
tenants
  .command('list')
  .description('List tenants with their partners')
  .addOption(new Option('--instance <instance>', 'public | usgov').env('PARTNERDESK_INSTANCE').choices(['public', 'usgov']))
  .addOption(new Option('--json', 'print JSON'))
  .action((o: { instance?: 'public' | 'usgov'; json?: boolean }) =>
    withDatabase(async (handle) => {
      const rows = await operator(handle).listTenants(o.instance);
      if (o.json) return print(rows);
      for (const row of rows) {
        const admin = `${row.admin_user_name}@${row.domain}${row.admin_password_temporary ? ' (temporary password)' : ''}`;
        print(`${row.id}  ${row.instance_id.padEnd(6)} ${row.company_name.padEnd(36)} ${row.country}  ${admin}  partners: ${row.partners.join(', ') || 'none'}`);
      }
      print(`${rows.length} tenant(s)`);
    }),
  );

const partnerOptions = (command: Command, create: boolean) =>
  command
    .addOption(new Option('--name <name>').env('PARTNERDESK_PARTNER_NAME'))
    .addOption(new Option('--kind <kind>', 'direct | indirect_provider | indirect_reseller').env('PARTNERDESK_PARTNER_KIND'))
    .addOption(new Option('--instance <instance>', 'public | usgov').env('PARTNERDESK_INSTANCE').default(create ? 'public' : undefined))
    .addOption(new Option('--mpn-id <id>', 'Partner ID (MPN ID)').env('PARTNERDESK_MPN_ID'))
    .addOption(new Option('--markets <countries>', 'comma-separated ISO country codes').env('PARTNERDESK_MARKETS'))
    .addOption(new Option('--email-domains <domains>', "comma-separated: the partner's own email domains").env('PARTNERDESK_EMAIL_DOMAINS'))
    .addOption(new Option('--usgov-validated <bool>', 'validated for US Government (true/false)').env('PARTNERDESK_USGOV_VALIDATED'));

interface PartnerFlags { name?: string; kind?: string; instance?: string; mpnId?: string; markets?: string; emailDomains?: string; usgovValidated?: string }
const partnerInput = (o: PartnerFlags) => ({
  name: o.name,
  kind: o.kind,
  instance: o.instance,
  mpnId: o.mpnId,
  markets: o.markets === undefined ? undefined : list(o.markets),
  emailDomains: o.emailDomains === undefined ? undefined : list(o.emailDomains),
  usgovValidated: o.usgovValidated === undefined ? undefined : o.usgovValidated === 'true',
});

const partners = program.command('partners').description('Partner organisations');
partnerOptions(partners.command('create').description('Create a partner organisation'), true).action((o: PartnerFlags) =>
  withDatabase(async (handle) => print(await operator(handle).createPartner(partnerInput(o)))),
);
partnerOptions(partners.command('update').description('Change a partner organisation').argument('<partner>', 'id, Partner ID or name'), false).action(
  (ref: string, o: PartnerFlags) => withDatabase(async (handle) => print(await operator(handle).updatePartner(ref, Object.fromEntries(Object.entries(partnerInput(o)).filter(([k, v]) => v !== undefined && k !== 'kind' && k !== 'instance'))))),
);
partners.command('list').description('List partner organisations').action(() =>
  withDatabase(async (handle) => {
    for (const p of await operator(handle).listPartners()) print(`${p.id}  ${p.instance_id.padEnd(6)} ${p.kind.padEnd(18)} ${p.mpn_id.padEnd(10)} ${p.name}  [${p.markets.join(',')}]`);
  }),
);

const partnerships = program.command('partnerships').description('Indirect provider – indirect reseller partnerships');
const partnershipCommand = (name: string, description: string, stateRequired: boolean) =>
  partnerships
    .command(name)
    .description(description)
    .addOption(new Option('--provider <ref>').env('PARTNERDESK_PROVIDER').makeOptionMandatory())
    .addOption(new Option('--reseller <ref>').env('PARTNERDESK_RESELLER').makeOptionMandatory())
    .addOption(new Option('--state <state>', 'active | inactive | suspended | terminated').env('PARTNERDESK_PARTNERSHIP_STATE').default(stateRequired ? undefined : 'active'))
    .action((o: { provider: string; reseller: string; state?: string }) =>
      withDatabase(async (handle) => {
        if (!o.state) throw new DomainError('invalid_input', '--state is required.');
        print(await operator(handle).setPartnership(o.provider, o.reseller, o.state));
      }),
    );
partnershipCommand('create', 'Create (or update) a partnership', false);
partnershipCommand('set-state', 'Change the state of a partnership', true);

program
  .command('catalog')
  .description('The offer catalog')
  .command('import')
  .description('Import offers from a JSON file (docs/catalog-format.md); re-importing updates them')
  .argument('<file>')
  .action((file: string) =>
    withDatabase(async (handle) => {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new DomainError('invalid_input', `Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = await operator(handle).importCatalog(json);
      print(`Catalog imported: ${result.created} offer(s) created, ${result.updated} updated.`);
    }),
  );

program
  .command('agreements')
  .description('Agreement templates')
  .command('add')
  .description('Add an agreement template version')
  .addOption(new Option('--type <type>', 'MicrosoftCloudAgreement | MicrosoftCustomerAgreement').env('PARTNERDESK_AGREEMENT_TYPE').makeOptionMandatory())
  .addOption(new Option('--link <url>').env('PARTNERDESK_AGREEMENT_LINK').makeOptionMandatory())
  .addOption(new Option('--version-rank <n>').env('PARTNERDESK_AGREEMENT_VERSION_RANK').argParser((v) => Number.parseInt(v, 10)).makeOptionMandatory())
  .addOption(new Option('--instance <instance>', 'public | usgov').env('PARTNERDESK_INSTANCE').default('public'))
  .addOption(new Option('--template-id <guid>').env('PARTNERDESK_AGREEMENT_TEMPLATE_ID'))
  .action((o: { type: string; link: string; versionRank: number; instance: string; templateId?: string }) =>
    withDatabase(async (handle) => print(await operator(handle).addAgreementTemplate(o))),
  );

const keys = program.command('keys').description('The keys that seal stored responses (kept outside the database)');
keys
  .command('rotate')
  .description('Add a new key first in the key file; the older keys stay to open what they sealed. Running servers use it once restarted')
  .action(() => {
    const cfg = config();
    if (cfg.encryptionKeys.length > 0) {
      throw new KeyringError(`PARTNERDESK_ENCRYPTION_KEY is set, so the key file is not where new keys go: put a new key first in that list (partnerdesk keys generate prints one), keep the others after it, and restart the servers.`);
    }
    // Only the key file is touched, never the database: this works while a PGlite server holds its data directory.
    const rotated = rotateKeyFile(cfg.keyFile);
    print(`Added key ${rotated.added.id} to ${cfg.keyFile}; it seals once the servers are restarted (every server sharing the database needs this file).`);
    print(`Keys, newest first: ${rotated.keys.map((key) => key.id).join(', ')}. An older key may be removed 24 hours after every server runs with the new one.`);
  });
keys
  .command('list')
  .description('The key ids in use, newest (sealing) first, and where each comes from')
  .action(() => {
    const cfg = config();
    const fromFile = readKeyFile(cfg.keyFile) ?? [];
    if (cfg.encryptionKeys.length + fromFile.length === 0) return print(`No keys yet: the server makes ${cfg.keyFile} at its first start.`);
    const ring = keyringOf([...cfg.encryptionKeys, ...fromFile]);
    const source = new Map([...fromFile.map((key) => [keyId(key), cfg.keyFile] as const), ...cfg.encryptionKeys.map((key) => [keyId(key), 'PARTNERDESK_ENCRYPTION_KEY'] as const)]);
    for (const [index, key] of ring.keys.entries()) print(`${key.id}  ${index === 0 ? 'seals and opens' : 'opens        '}  ${source.get(key.id)}`);
  });
keys
  .command('generate')
  .description('Print a new key (for PARTNERDESK_ENCRYPTION_KEY); nothing is stored')
  .action(() => print(newKey().toString('base64')));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof KeyringError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof DomainError) {
    process.stderr.write(`Error: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
