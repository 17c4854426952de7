import { DomainError } from '#domain/errors.ts';
import type { Db } from '#db/database.ts';
import type { Config } from '#server/config.ts';
import { randomSecret, sha256, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { principalOf, type Principal } from '#server/lib/principal.ts';
import { inTransaction } from '#server/lib/transactions.ts';
import * as repo from './repository.ts';
import type { UserRecord } from './repository.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  config: Pick<Config, 'sessionTtlMs' | 'accessTokenTtlSeconds' | 'signInThrottle'>;
}

/** Who is signing in, as far as the throttle cares: the address, and the browser's device cookie if any. */
export interface SignInClient {
  ip: string;
  deviceToken?: string | undefined;
  /** The browser's session cookie from before: a sign-in ends that session (session fixation). */
  sessionToken?: string | undefined;
}

const SESSION_PREFIX = 'pds_';
const PERSONAL_TOKEN_PREFIX = 'pdp_';
const ACCESS_TOKEN_PREFIX = 'pda_';
const DEVICE_PREFIX = 'pdd_';
/** A browser that signed in stays known this long after its last sign-in. */
const DEVICE_TTL_MS = 90 * 86_400_000;

/** Rolls back the attempts taken so far when a later bucket is full. */
class SignInRefused extends Error {
  readonly bucket: repo.ThrottleBucket;
  readonly fullSince: Date;
  constructor(bucket: repo.ThrottleBucket, fullSince: Date) {
    super('sign-in throttled');
    this.bucket = bucket;
    this.fullSince = fullSince;
  }
}

export function createAuthService({ db, clock, ids, hasher, config }: AuthDeps) {
  const throttle = config.signInThrottle;

  /**
   * OWASP's device cookies (docs/decisions/013-sign-in-throttle.md): a browser the account knows
   * is counted on its own; every other client is counted per account and address, per account and per
   * address. Unknown emails are counted as known ones are.
   */
  function bucketsFor(email: string, ip: string, deviceId: string | undefined): repo.ThrottleBucket[] {
    if (deviceId) return [{ scope: 'device', key: deviceId, limit: throttle.maxFailures }];
    // Always in this order, so that two attempts never wait for each other's rows in a cycle.
    return [
      { scope: 'pair', key: `${email}|${ip}`, limit: throttle.maxFailures },
      { scope: 'account', key: email, limit: throttle.accountMaxFailures },
      { scope: 'address', key: ip, limit: throttle.addressMaxFailures },
    ];
  }

  /** Takes an attempt from every bucket, or from none, before any password is checked. */
  async function reserveAttempt(buckets: repo.ThrottleBucket[], now: Date) {
    const windowStart = new Date(now.getTime() - throttle.windowMs);
    try {
      await inTransaction(db, async (trx) => {
        for (const bucket of buckets) {
          const { fullSince } = await repo.takeSignInAttempt(trx, bucket, now, windowStart);
          if (fullSince) throw new SignInRefused(bucket, fullSince);
        }
      });
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil((error.fullSince.getTime() + throttle.windowMs - now.getTime()) / 1000));
      throw new DomainError('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, [], [
        { retryAfterSeconds, limit: error.bucket.limit },
      ]);
    }
  }

  /** Checks email and password, throttled; a right password with an old hash gets a new one. */
  async function verifyCredentials(email: string, password: string, client: SignInClient) {
    const now = clock.now();
    const device = client.deviceToken?.startsWith(DEVICE_PREFIX) ? await repo.findTrustedDevice(db, sha256(client.deviceToken), email, now) : undefined;
    const buckets = bucketsFor(email, client.ip, device?.id);
    await reserveAttempt(buckets, now);
    const user = await repo.findUserByEmail(db, email);
    // An unknown email costs a hash too, so that the answer's timing does not tell which emails exist.
    const ok = await hasher.verify(password, user?.passwordHash ?? null);
    if (!user || !ok || user.disabled || !user.passwordHash) {
      throw new DomainError('unauthenticated', 'The email address or password is not right.');
    }
    await repo.releaseSignInAttempt(db, buckets);
    await repo.recordSignIn(db, user.id, now);
    if (hasher.needsRehash(user.passwordHash)) await repo.replacePasswordHash(db, user.id, user.passwordHash, await hasher.hash(password));
    return { user, deviceId: device?.id };
  }

  /** The device cookie to set after a sign-in: the browser's own, kept longer, or a new one. */
  async function rememberDevice(userId: string, deviceId: string | undefined, deviceToken: string | undefined) {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + DEVICE_TTL_MS);
    if (deviceId && deviceToken) {
      await repo.touchTrustedDevice(db, deviceId, now, expiresAt);
      return { token: deviceToken, expiresAt };
    }
    const token = randomSecret(DEVICE_PREFIX);
    await repo.insertTrustedDevice(db, { id: ids.uuid(), userId, tokenHash: sha256(token), expiresAt }, now);
    return { token, expiresAt };
  }

  return {
    verifyCredentials,

    /**
     * The same throttle for another kind of account (a customer's admin): the attempt is taken before
     * `check` looks at the password, and given back when it finds the password right.
     */
    async guardSignIn<T>(account: string, ip: string, check: () => Promise<T | undefined>, refusal: string): Promise<T> {
      const buckets = bucketsFor(account, ip, undefined);
      await reserveAttempt(buckets, clock.now());
      const result = await check();
      if (result === undefined) throw new DomainError('unauthenticated', refusal);
      await repo.releaseSignInAttempt(db, buckets);
      return result;
    },

    async signIn(email: string, password: string, client: SignInClient) {
      const { user, deviceId } = await verifyCredentials(email, password, client);
      if (client.sessionToken) await repo.revokeSessionByTokenHash(db, sha256(client.sessionToken), clock.now());
      const token = randomSecret(SESSION_PREFIX);
      const csrfToken = randomSecret('', 24);
      const expiresAt = new Date(clock.now().getTime() + config.sessionTtlMs);
      const sessionId = ids.uuid();
      await repo.insertSession(db, { id: sessionId, userId: user.id, tokenHash: sha256(token), csrfToken, expiresAt });
      const device = await rememberDevice(user.id, deviceId, client.deviceToken);
      return { token, expiresAt, device, principal: principalOf(user, 'session', { sessionId, csrfToken, sessionExpiresAt: expiresAt }) };
    },

    async signOut(principal: Principal) {
      if (principal.sessionId) await repo.revokeSession(db, principal.sessionId, clock.now());
    },

    /** A user who may act now (not deactivated): the subject of an app's access token. */
    async activeUser(userId: string): Promise<UserRecord | undefined> {
      const user = await repo.findUserById(db, userId);
      return user && !user.disabled ? user : undefined;
    },

    async authenticateSession(token: string): Promise<Principal | undefined> {
      if (!token.startsWith(SESSION_PREFIX)) return undefined;
      const found = await repo.findUserBySessionHash(db, sha256(token), clock.now());
      if (!found || found.user.disabled) return undefined;
      return principalOf(found.user, 'session', { sessionId: found.session.id, csrfToken: found.session.csrf_token, sessionExpiresAt: found.session.expires_at });
    },

    async authenticateBearer(token: string): Promise<Principal | undefined> {
      if (!token.startsWith(PERSONAL_TOKEN_PREFIX) && !token.startsWith(ACCESS_TOKEN_PREFIX)) return undefined;
      const now = clock.now();
      const found = await repo.findUserByTokenHash(db, sha256(token), now);
      if (!found || found.user.disabled) return undefined;
      // Record use at most once a minute: a busy script should not write on every call.
      if (!found.token.last_used_at || now.getTime() - found.token.last_used_at.getTime() > 60_000) {
        await repo.touchToken(db, found.token.id, now);
      }
      return principalOf(found.user, 'token');
    },

    /** POST /v1/auth/token: a short-lived bearer token for scripts. */
    async issueAccessToken(email: string, password: string, client: SignInClient) {
      const { user } = await verifyCredentials(email, password, client);
      const token = randomSecret(ACCESS_TOKEN_PREFIX);
      const expiresAt = new Date(clock.now().getTime() + config.accessTokenTtlSeconds * 1000);
      await repo.insertToken(db, {
        id: ids.uuid(),
        userId: user.id,
        kind: 'access',
        name: 'access token',
        prefix: token.slice(0, 8),
        tokenHash: sha256(token),
        expiresAt,
      });
      return { access_token: token, token_type: 'Bearer' as const, expires_in: config.accessTokenTtlSeconds };
    },

    async createPersonalToken(userId: string, input: { name: string; expiresInDays?: number | null | undefined }) {
      const token = randomSecret(PERSONAL_TOKEN_PREFIX);
      const expiresAt = input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * 86_400_000) : null;
      const row = await repo.insertToken(db, {
        id: ids.uuid(),
        userId,
        kind: 'personal',
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        expiresAt,
      });
      return { ...toApiToken(row), token };
    },

    /** Personal tokens and those from POST /v1/auth/token: the user sees and revokes both. */
    async listTokens(userId: string) {
      return (await repo.listTokens(db, userId, clock.now())).map(toApiToken);
    },

    async revokeToken(userId: string, tokenId: string) {
      if (!(await repo.revokeToken(db, userId, tokenId, clock.now()))) {
        throw new DomainError('not_found', 'There is no such token.');
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function toApiToken(row: { id: string; kind: 'personal' | 'access'; name: string; prefix: string; created_at: Date; expires_at: Date | null; last_used_at: Date | null }) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
