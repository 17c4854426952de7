import { z } from 'zod';
import { roleSchema } from './auth.ts';

/**
 * App registrations (ours, shaped after Partner Center's App management and the Microsoft identity
 * platform): a program signs in with an application id and a secret (app-only), or with a refresh token
 * that a partner user made for the app (app + user), at `POST /{tenant}/oauth2/v2.0/token`.
 */
export const appSecretSchema = z.object({
  id: z.guid(),
  description: z.string(),
  /** The secret's first characters, as the identity platform shows them. */
  hint: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const appRegistrationSchema = z
  .object({
    /** The application (client) id: `client_id` at the token endpoint. */
    id: z.guid(),
    displayName: z.string(),
    /** What the app may do with app-only tokens (an app + user token acts with the user's roles). */
    roles: z.array(roleSchema),
    createdAt: z.iso.datetime(),
    secrets: z.array(appSecretSchema),
  })
  .meta({ id: 'AppRegistration' });
export type AppRegistration = z.infer<typeof appRegistrationSchema>;

export const appRegistrationListSchema = z.object({ items: z.array(appRegistrationSchema) });

export const createAppRequestSchema = z.object({
  displayName: z.string().trim().min(1, 'Give the app a name.').max(100, 'Use at most 100 characters.'),
  roles: z.array(roleSchema).min(1, 'Choose at least one role for the app.').max(5).default(['admin_agent']),
});

export const createSecretRequestSchema = z.object({
  description: z.string().trim().min(1, 'Describe the secret, e.g. where it is used.').max(100, 'Use at most 100 characters.'),
  /** 1 to 730 days (the identity platform's longest recommended lifetime is 24 months); 180 when left out. */
  expiresInDays: z.number().int().min(1, 'expiresInDays must be between 1 and 730').max(730, 'expiresInDays must be between 1 and 730').default(180),
});

/** A new secret: its value only in this answer. */
export const createdSecretSchema = appSecretSchema.extend({ secret: z.string() });

/** A refresh token a user made for an app (app + user sign-in): its value only in this answer. */
export const createdRefreshTokenSchema = z.object({
  appId: z.guid(),
  refreshToken: z.string(),
  expiresAt: z.iso.datetime(),
});

/** The apps a user has signed in to with a refresh token, one per refresh token family. */
export const appGrantSchema = z.object({
  id: z.guid(),
  appId: z.guid(),
  appName: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const appGrantListSchema = z.object({ items: z.array(appGrantSchema) });

/** The identity platform's token response (v2 endpoint). */
export const tokenResponseSchema = z.object({
  token_type: z.literal('Bearer'),
  scope: z.string(),
  expires_in: z.number().int(),
  ext_expires_in: z.number().int(),
  access_token: z.string(),
  refresh_token: z.string().optional(),
  /** For a user, where the scope asks for `openid`: the identity platform's v2 ID token (audience: the app). */
  id_token: z.string().optional(),
  /** For a user, with `client_info=1`: `{ uid, utid }` as base64url JSON, which MSAL reads. */
  client_info: z.string().optional(),
});

/** The identity platform's error response (`error` is OAuth's; `error_codes` its AADSTS numbers). */
export const tokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.string(),
  error_codes: z.array(z.number().int()),
  timestamp: z.string(),
  trace_id: z.string(),
  correlation_id: z.string(),
  error_uri: z.string(),
});
