import { z } from 'zod';

export const roleSchema = z.enum(['global_admin', 'admin_agent', 'sales_agent', 'helpdesk_agent', 'billing_admin']);
export type Role = z.infer<typeof roleSchema>;

export const partnerKindSchema = z.enum(['direct', 'indirect_provider', 'indirect_reseller']);
export type PartnerKind = z.infer<typeof partnerKindSchema>;

export const instanceIdSchema = z.enum(['public', 'usgov']);
export type InstanceId = z.infer<typeof instanceIdSchema>;

export const emailSchema = z.string().trim().toLowerCase().email('Enter an email address such as name@example.com.').max(254);

/** POST /api/session and POST /v1/auth/token: sign in with email and password. */
export const signInRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.guid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  /**
   * The password was set by someone else (a global admin created the user or reset it): until the user
   * changes it (`POST /api/account/password`), every other call answers 403 `password_change_required`.
   */
  mustChangePassword: z.boolean(),
  /** What this user may do (the server's rule, `#domain/roles.ts`), so the portal shows only those commands. */
  actions: z.array(z.string()),
  /** What this user may not do, and why (`role`, `partner_kind`, `partner_not_validated`): the portal says so before a form. */
  deniedActions: z.array(z.object({ action: z.string(), reason: z.enum(['role', 'partner_kind', 'partner_not_validated']) })),
  partner: z.object({
    id: z.guid(),
    name: z.string(),
    kind: partnerKindSchema,
    mpnId: z.string(),
    instance: instanceIdSchema,
    domainSuffix: z.string(),
    markets: z.array(z.string()),
    /** Whether the partner's cloud instance takes relationship requests (SPEC §8: off in US Government unless the operator turns them on). */
    relationshipRequests: z.boolean(),
  }),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The portal's session: who is signed in, and the CSRF token to send as `X-CSRF-Token` on writes. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const accessTokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});

export const createTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name.').max(100, 'Use at most 100 characters.'),
  expiresInDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;

export const apiTokenKindSchema = z.enum(['personal', 'access']);

export const apiTokenSchema = z.object({
  id: z.guid(),
  /** `personal`: made by the user; `access`: from POST /v1/auth/token, short-lived. */
  kind: apiTokenKindSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The token itself is in this answer only; we keep its SHA-256. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'pd_session';
/** OWASP's device cookie: set at a successful sign-in, so the throttle knows this browser (never a session). */
export const DEVICE_COOKIE = 'pd_device';
