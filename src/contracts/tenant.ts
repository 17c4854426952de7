import { z } from 'zod';

/**
 * (ours) The customer's side of relationship requests (SPEC §6): its global admin (`admin@<domain>`,
 * made at onboarding) signs in, answers invitations and sees its partners. Under `/api/tenant`.
 */
export const TENANT_SESSION_COOKIE = 'pd_tenant_session';

export const tenantSignInRequestSchema = z.object({
  userPrincipalName: z.string().trim().toLowerCase().min(3, 'Enter the admin user name, e.g. admin@contoso.onmicrosoft.com.').max(320),
  password: z.string().min(1, 'Enter the password.').max(1024),
});

/** The model system's (Microsoft Entra) password rule: 8 to 256 characters, three of four kinds of character. */
export const tenantNewPasswordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(256, 'Use at most 256 characters.')
  .refine((value) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) => kind.test(value)).length >= 3, 'Use three of these: lower-case letters, upper-case letters, digits, symbols.');

export const tenantPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Enter the current password.').max(1024),
  newPassword: tenantNewPasswordSchema,
});

export const tenantSessionSchema = z.object({
  customer: z.object({ id: z.guid(), companyName: z.string(), domain: z.string(), instance: z.enum(['public', 'usgov']) }),
  userPrincipalName: z.string(),
  /** The password is temporary: nothing but changing it is allowed until it is. */
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TenantSession = z.infer<typeof tenantSessionSchema>;

const partnerOnRequest = z.object({ id: z.guid(), name: z.string(), kind: z.enum(['direct', 'indirect_provider', 'indirect_reseller']) });

/** What an acceptance page shows: who asks, and whether the link can still be answered. */
export const tenantRequestViewSchema = z.object({
  kind: z.enum(['invitation', 'link']),
  state: z.enum(['pending', 'accepted', 'declined', 'expired', 'revoked']),
  /** Who asks; for a reseller's request with its provider, both: the customer accepts both at once. */
  partners: z.array(partnerOnRequest),
  recipientName: z.string().nullable(),
  message: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type TenantRequestView = z.infer<typeof tenantRequestViewSchema>;

/** A personal invitation's token, or a partner's standing link (its code and the other tier it names). */
export const tenantRequestRefSchema = z.union([
  z.object({ token: z.string().min(1).max(200) }),
  z.object({
    code: z.string().min(1).max(200),
    indirectCloudSolutionProviderId: z.guid().nullish(),
    indirectResellerId: z.guid().nullish(),
  }),
]);
export type TenantRequestRef = z.infer<typeof tenantRequestRefSchema>;

export const tenantPartnerSchema = z.object({
  id: z.guid(),
  name: z.string(),
  kind: z.enum(['direct', 'indirect_provider', 'indirect_reseller']),
  /** For a provider: the reseller it sells through to this customer; for a reseller: its provider. */
  indirectReseller: z.object({ id: z.guid(), name: z.string() }).nullable(),
  indirectProvider: z.object({ id: z.guid(), name: z.string() }).nullable(),
  /** `associated`: the reseller was named by its provider; the customer did not accept the reseller itself. */
  origin: z.enum(['created', 'invited', 'associated']),
  since: z.iso.datetime(),
});
export const tenantPartnerListSchema = z.object({ items: z.array(tenantPartnerSchema), totalCount: z.number().int() });
