import { z } from 'zod';
import { attributesSchema, collectionSchema } from './common.ts';
import { emailSchema, roleSchema } from './auth.ts';

/**
 * (ours) The partner's own team: its users, their roles and their state, managed by its global admins
 * (portal Settings → Users, `/v1/partner/users`). Partner Center has no partner-user API in v1 (its
 * users are managed in the portal and Microsoft Entra ID): the shapes follow its conventions (camelCase,
 * `attributes.objectType`, Collection with MS-ContinuationToken), the routes are ours.
 */

/**
 * A password a person chooses (partner users): at least 12 characters, as `partnerdesk users create`
 * has always asked, and Microsoft Entra ID's rule of three kinds of character (as a customer admin's).
 */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(256, 'Use at most 256 characters.')
  .refine((value) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) => kind.test(value)).length >= 3, 'Use three of these: lower-case letters, upper-case letters, digits, symbols.');

/** `POST /api/account/password`: every user changes its own password (and must, after a temporary one). */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Enter the current password.').max(1024),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const partnerUserStates = ['active', 'deactivated'] as const;
export type PartnerUserState = (typeof partnerUserStates)[number];

const rolesInput = z
  .array(roleSchema, { message: 'roles must be a list of roles' })
  .min(1, 'Give the user at least one role.')
  .max(5)
  .refine((list) => new Set(list).size === list.length, 'List each role once.');

const displayName = z.string().trim().min(1, 'Enter the person’s name.').max(200, 'Use at most 200 characters.');

/** `POST /v1/partner/users`: a new user with its roles and a temporary password, answered once. */
export const createPartnerUserSchema = z.object({
  displayName,
  email: emailSchema,
  roles: rolesInput,
});
export type CreatePartnerUser = z.infer<typeof createPartnerUserSchema>;

/** `PUT /v1/partner/users/{id}/roles`: the user's whole set of roles. */
export const partnerUserRolesSchema = z.object({ roles: rolesInput });
export type PartnerUserRoles = z.infer<typeof partnerUserRolesSchema>;

export const partnerUserSchema = z
  .object({
    id: z.guid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    state: z.enum(partnerUserStates),
    lastSignInAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    /** The password was set by someone else: the user changes it at its next sign-in. */
    mustChangePassword: z.boolean(),
    attributes: attributesSchema('PartnerUser'),
  })
  .meta({ id: 'PartnerUser' });
export type PartnerUser = z.infer<typeof partnerUserSchema>;

/** A user made, or a password reset: the temporary password is in this answer only (we keep its scrypt hash). */
export const partnerUserWithPasswordSchema = partnerUserSchema.extend({ temporaryPassword: z.string() }).meta({ id: 'PartnerUserWithPassword' });
export type PartnerUserWithPassword = z.infer<typeof partnerUserWithPasswordSchema>;

export const partnerUserListQuerySchema = z.object({
  state: z.enum(partnerUserStates, { message: `state must be one of ${partnerUserStates.join(', ')}` }).optional(),
  size: z.coerce.number().int().min(1, 'size must be between 1 and 500').max(500, 'size must be between 1 and 500').default(100),
});

export const partnerUserCollectionSchema = collectionSchema(partnerUserSchema);
