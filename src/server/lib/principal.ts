import type { UserRecord } from '#server/modules/auth/repository.ts';

/** The caller of a request: a partner user, authenticated by a session cookie or a bearer token. */
export interface Principal {
  user: Omit<UserRecord, 'passwordHash' | 'disabled'>;
  via: 'session' | 'token';
  /**
   * An app registration's access token (a JWT from the token endpoint): app-only tokens act as the app's
   * own identity (`user` is its service principal), app + user tokens as the user who made the refresh token.
   */
  app?: { id: string; name: string; appOnly: boolean };
  sessionId?: string;
  csrfToken?: string;
  sessionExpiresAt?: Date;
  /** The request's MS-CorrelationId and MS-RequestId, for the audit log. */
  trace?: { correlationId: string; requestId?: string | undefined };
}

export function principalOf(user: UserRecord, via: Principal['via'], extra: { sessionId?: string; csrfToken?: string; sessionExpiresAt?: Date } = {}): Principal {
  const { passwordHash: _hash, disabled: _disabled, ...rest } = user;
  return { user: rest, via, ...extra };
}
