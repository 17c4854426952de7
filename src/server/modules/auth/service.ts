import { DomainError } from '#domain/errors.ts';
import type { Db } from '#db/database.ts';
import type { Config } from '#server/config.ts';
import { randomSecret, sha256, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { principalOf, type Principal } from '#server/lib/principal.ts';
import * as repo from './repository.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  config: Pick<Config, 'sessionTtlMs' | 'accessTokenTtlSeconds' | 'signInThrottle'>;
}

const SESSION_PREFIX = 'pds_';
const PERSONAL_TOKEN_PREFIX = 'pdp_';
const ACCESS_TOKEN_PREFIX = 'pda_';
// A fixed hash to verify against when the email is unknown, so that both answers take as long.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createAuthService({ db, clock, ids, hasher, config }: AuthDeps) {
  /** Checks email and password; failures are counted per email and per client address and throttled. */
  async function verifyCredentials(email: string, password: string, ip: string) {
    const now = clock.now();
    const { maxFailures, windowMs } = config.signInThrottle;
    const since = new Date(now.getTime() - windowMs);
    const recent = await repo.countRecentFailures(db, { email, ip }, since);
    // An address may try several accounts, so it gets more attempts than one email does.
    const byEmail = recent.byEmail >= maxFailures;
    const blockedSince = byEmail ? recent.oldestByEmail : recent.byIp >= maxFailures * 4 ? recent.oldestByIp : null;
    if (blockedSince) {
      const retryAfterSeconds = Math.max(1, Math.ceil((blockedSince.getTime() + windowMs - now.getTime()) / 1000));
      throw new DomainError('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, [], [
        { retryAfterSeconds, limit: byEmail ? maxFailures : maxFailures * 4 },
      ]);
    }
    const user = await repo.findUserByEmail(db, email);
    const ok = await hasher.verify(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled || !user.passwordHash) {
      await repo.recordFailure(db, email, ip, now);
      throw new DomainError('unauthenticated', 'The email address or password is not right.');
    }
    await repo.clearFailures(db, email, since);
    return user;
  }

  return {
    verifyCredentials,

    async signIn(email: string, password: string, ip: string) {
      const user = await verifyCredentials(email, password, ip);
      const token = randomSecret(SESSION_PREFIX);
      const csrfToken = randomSecret('', 24);
      const expiresAt = new Date(clock.now().getTime() + config.sessionTtlMs);
      const sessionId = ids.uuid();
      await repo.insertSession(db, { id: sessionId, userId: user.id, tokenHash: sha256(token), csrfToken, expiresAt });
      return { token, expiresAt, principal: principalOf(user, 'session', { sessionId, csrfToken, sessionExpiresAt: expiresAt }) };
    },

    async signOut(principal: Principal) {
      if (principal.sessionId) await repo.revokeSession(db, principal.sessionId, clock.now());
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
    async issueAccessToken(email: string, password: string, ip: string) {
      const user = await verifyCredentials(email, password, ip);
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

    async listPersonalTokens(userId: string) {
      return (await repo.listPersonalTokens(db, userId, clock.now())).map(toApiToken);
    },

    async revokePersonalToken(userId: string, tokenId: string) {
      if (!(await repo.revokeToken(db, userId, tokenId, clock.now()))) {
        throw new DomainError('not_found', 'There is no such token.');
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function toApiToken(row: { id: string; name: string; prefix: string; created_at: Date; expires_at: Date | null; last_used_at: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
