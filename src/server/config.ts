import path from 'node:path';
import { z } from 'zod';
import { KEY_PATTERN, parseKey } from './lib/keyring.ts';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const domainSuffix = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(\.[a-z0-9]+)+$/, 'must be a domain such as onmicrosoft.com');

const emailDomain = z
  .string()
  .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'must be a list of domains such as contoso.com,my-company.example');

const domainList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(emailDomain));

/** Every setting the server reads, from the environment. The one place config is parsed. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PARTNERDESK_DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `auto`: seed the demo data on the first start of an empty database. */
    PARTNERDESK_DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
    SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(12),
    SESSION_COOKIE_SECURE: booleanish.optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    /** How long a key signs app access tokens before a new one replaces it (the old one stays published while its tokens live). */
    SIGNING_KEY_ROTATION_DAYS: z.coerce.number().min(0.0001).max(365).default(30),
    /** Failed sign-ins per account from one address (or per known device) within the window. */
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed sign-ins per account from every client it does not know (no device cookie). */
    SIGN_IN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Failed sign-ins per address, over every account it has no device cookie for. */
    SIGN_IN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(100),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    PUBLIC_DOMAIN_SUFFIX: domainSuffix.default('onmicrosoft.com'),
    USGOV_DOMAIN_SUFFIX: domainSuffix.default('onmicrosoft.us'),
    USGOV_RELATIONSHIP_REQUESTS: booleanish.default(false),
    USGOV_INDIRECT_MODEL: booleanish.default(false),
    RESERVED_EMAIL_DOMAINS: domainList.default([]),
    /** Keys that seal stored responses, comma-separated, newest first: 32 bytes each, base64. */
    PARTNERDESK_ENCRYPTION_KEY: z
      .string()
      .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(KEY_PATTERN, 'must be keys of 32 bytes, base64-encoded (openssl rand -base64 32), comma-separated, newest first')).min(1))
      .optional(),
    /** Where the keys are kept without PARTNERDESK_ENCRYPTION_KEY: made once at the first start. */
    PARTNERDESK_KEY_FILE: z.string().min(1).optional(),
    TRUST_PROXY: booleanish.default(false),
    /** PEM files: with both, the server speaks HTTPS itself (identity libraries such as MSAL accept only https authorities). */
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_KEY_FILE: z.string().min(1).optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** A request (headers and body) must arrive whole within this; a slower one is cut off (408, socket closed). */
    REQUEST_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** An unfinished add-customer wizard is kept this long after its last save. */
    DRAFT_TTL_DAYS: z.coerce.number().min(0.001).max(3650).default(30),
    /** A tracked relationship invitation's link works this long after it was (re)sent. */
    RELATIONSHIP_INVITATION_TTL_DAYS: z.coerce.number().min(0.001).max(3650).default(90),
    /** Requests a minute per partner organisation (unauthenticated: per client address) on /v1 and /api; 0 is off. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  })
  .refine((env) => env.DATABASE_URL || !env.PARTNERDESK_KEY_FILE || !isInside(path.resolve(env.PARTNERDESK_KEY_FILE), path.resolve(env.PARTNERDESK_DATA_DIR)), {
    path: ['PARTNERDESK_KEY_FILE'],
    message: 'must not be inside PARTNERDESK_DATA_DIR: a copy or backup of the data would hold the key; put it beside the data directory',
  })
  .superRefine((env, context) => {
    if (!env.TLS_CERT_FILE === !env.TLS_KEY_FILE) return;
    const missing = env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
    context.addIssue({ code: 'custom', path: [missing], message: 'TLS_CERT_FILE and TLS_KEY_FILE go together: set both (HTTPS) or neither (HTTP)' });
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `${env.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${env.PORT}`).replace(/\/+$/, ''),
    tls: env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { certFile: path.resolve(env.TLS_CERT_FILE), keyFile: path.resolve(env.TLS_KEY_FILE) } : undefined,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dataDir: path.resolve(env.PARTNERDESK_DATA_DIR) } as const),
    logLevel: env.LOG_LEVEL,
    demoData: env.PARTNERDESK_DEMO_DATA,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    sessionCookieSecure: env.SESSION_COOKIE_SECURE ?? (env.PUBLIC_URL ? env.PUBLIC_URL.startsWith('https:') : Boolean(env.TLS_CERT_FILE)),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    signingKeyRotationDays: env.SIGNING_KEY_ROTATION_DAYS,
    signInThrottle: {
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      accountMaxFailures: env.SIGN_IN_ACCOUNT_MAX_FAILURES,
      addressMaxFailures: env.SIGN_IN_ADDRESS_MAX_FAILURES,
      windowMs: env.SIGN_IN_WINDOW_MINUTES * 60_000,
    },
    instances: {
      public: { domainSuffix: env.PUBLIC_DOMAIN_SUFFIX, relationshipRequests: true, indirectModel: true },
      usgov: {
        domainSuffix: env.USGOV_DOMAIN_SUFFIX,
        relationshipRequests: env.USGOV_RELATIONSHIP_REQUESTS,
        indirectModel: env.USGOV_INDIRECT_MODEL,
      },
    },
    reservedEmailDomains: env.RESERVED_EMAIL_DOMAINS,
    encryptionKeys: (env.PARTNERDESK_ENCRYPTION_KEY ?? []).map((key) => parseKey(key)!),
    /** Beside PGlite's data directory (`./data.key` for `./data`), never inside it; `./partnerdesk.key` on PostgreSQL. */
    keyFile: path.resolve(env.PARTNERDESK_KEY_FILE ?? (env.DATABASE_URL ? 'partnerdesk.key' : `${path.resolve(env.PARTNERDESK_DATA_DIR)}.key`)),
    trustProxy: env.TRUST_PROXY,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_BODY_TIMEOUT_MS,
    draftTtlMs: env.DRAFT_TTL_DAYS * 86_400_000,
    invitationTtlMs: env.RELATIONSHIP_INVITATION_TTL_DAYS * 86_400_000,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
  }));

export type Config = z.output<typeof configSchema>;

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment; a bad value throws a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])] ?? null)})`));
  }
  return result.data;
}
