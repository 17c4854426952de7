/**
 * A customer's users, as Partner Center's CustomerUser, DirectoryRole, UserMember, LicenseUpdate and
 * SubscribedSku resources (issue 10 part 4). Ours, documented where they differ: each user also carries
 * its `directoryRoles` and the `licenses` it holds from the caller's subscriptions (one list call shows a
 * table), and a license names the subscription it comes from.
 */
import { z } from 'zod';
import { collectionSchema, linkSchema } from './common.ts';
import { ignored } from './pc-input.ts';

const text = (max: number) => z.string().max(max, `Use at most ${max} characters.`);

export const passwordProfileSchema = z.object({
  /** Shown once: in the answer of the create and reset calls only; null everywhere else. */
  password: z.string().nullable(),
  forceChangePassword: z.boolean(),
});

export const customerUserLicenseSchema = z.object({
  subscriptionId: z.guid(),
  /** The SKU: the subscription's offer. */
  skuId: z.string(),
  skuName: z.string(),
});

export const directoryRoleSchema = z
  .object({ id: z.string(), name: z.string(), attributes: z.object({ objectType: z.literal('DirectoryRole') }) })
  .meta({ id: 'DirectoryRole' });
export type DirectoryRole = z.infer<typeof directoryRoleSchema>;
export const directoryRoleCollectionSchema = collectionSchema(directoryRoleSchema);

export const customerUserSchema = z
  .object({
    id: z.guid(),
    userPrincipalName: z.string(),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    usageLocation: z.string().nullable(),
    passwordProfile: passwordProfileSchema,
    /** Partner Center's: `none` for a user made in the cloud (all of ours). */
    userDomainType: z.literal('none'),
    state: z.enum(['active', 'inactive']),
    softDeletionTime: z.iso.datetime().nullable(),
    lastDirectorySyncTime: z.iso.datetime().nullable(),
    /** Ours: the customer's admin (admin@<domain>), whose password Reset admin password also resets. */
    isTenantAdmin: z.boolean(),
    createdAt: z.iso.datetime(),
    directoryRoles: z.array(z.object({ id: z.string(), name: z.string() })),
    licenses: z.array(customerUserLicenseSchema),
    links: z.object({ self: linkSchema }),
    attributes: z.object({ objectType: z.literal('CustomerUser') }),
  })
  .meta({ id: 'CustomerUser' });
export type CustomerUser = z.infer<typeof customerUserSchema>;
export const customerUserCollectionSchema = collectionSchema(customerUserSchema);

/** POST /v1/customers/{id}/users: Partner Center's body; the password is generated when left out. */
export const createCustomerUserRequestSchema = z.strictObject({
  id: z.string().max(100).nullish(),
  userPrincipalName: text(320),
  displayName: text(256),
  firstName: text(64).nullish(),
  lastName: text(64).nullish(),
  /** ISO 3166 alpha-2; the customer's country when left out (licenses need one). */
  usageLocation: text(10).nullish(),
  passwordProfile: z
    .strictObject({
      password: text(256).nullish(),
      forceChangePassword: z.boolean().nullish(),
    })
    .nullish(),
  userDomainType: text(20).nullish(),
  state: text(20).nullish(),
  /** Partner Center's (on-premises directory synchronisation): users here are made in the cloud only, so ignored. */
  immutableId: ignored('The on-premises immutable id: users here are made in the cloud only (no directory synchronisation). Ignored.'),
  /** Partner Center's CustomerUser has one; not kept here (ours): ignored. */
  phoneNumber: ignored('Not kept here: ignored.'),
  // Read-only, as a client sends the resource back: ignored.
  softDeletionTime: z.unknown().optional(),
  lastDirectorySyncTime: z.unknown().optional(),
  isTenantAdmin: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  directoryRoles: z.unknown().optional(),
  licenses: z.unknown().optional(),
  links: z.unknown().optional(),
  attributes: z.unknown().optional(),
});
export type CreateCustomerUserRequest = z.infer<typeof createCustomerUserRequestSchema>;

/**
 * PATCH /v1/customers/{id}/users/{userId}: Partner Center resets a password this way (a CustomerUser
 * with a new passwordProfile; a null or absent password is generated here and shown once). The
 * names and usage location sent are written too; the user principal name cannot change (ours).
 */
export const updateCustomerUserRequestSchema = createCustomerUserRequestSchema.partial().extend({
  passwordProfile: z.strictObject({ password: text(256).nullish(), forceChangePassword: z.boolean().nullish() }).nullish(),
});
export type UpdateCustomerUserRequest = z.infer<typeof updateCustomerUserRequestSchema>;

/** GET .../users: Partner Center's paging, and its filter for a user by user principal name. */
export const customerUserListQuerySchema = z.object({
  size: z.coerce.number().int().min(1, 'size must be between 1 and 500').max(500, 'size must be between 1 and 500').default(100),
  seekOperation: z.enum(['Next']).optional(),
  /** URL-encoded JSON `{"Field":"UserPrincipalName","Value":"alex@contoso.onmicrosoft.com","Operator":"equals"}`. */
  filter: z.string().max(2000).optional(),
});

export const customerUserFilterSchema = z.object({
  Field: z.enum(['UserPrincipalName']),
  Value: z.string().min(1).max(320),
  Operator: z.enum(['equals']),
});

/**
 * POST .../users/{userId}/licenseupdates: Partner Center's LicenseUpdate. Ours: each license to assign
 * names the subscription it comes from (`subscriptionId`; `skuId`, the offer, is checked against it
 * when given), and licensesToRemove holds subscription ids (Partner Center's hold SKU ids: a SKU id is
 * taken too, removing every license of that SKU the user holds from the caller's subscriptions).
 */
export const licenseUpdateRequestSchema = z.strictObject({
  licensesToAssign: z
    .array(z.strictObject({ subscriptionId: z.guid('subscriptionId must be the id (a GUID) of one of the customer\'s subscriptions'), skuId: text(100).nullish(), excludedPlans: z.array(z.string().max(100)).max(50).nullish() }))
    .max(50)
    .nullish(),
  licensesToRemove: z.array(text(100)).max(50).nullish(),
  licenseWarnings: z.unknown().optional(),
  attributes: z.unknown().optional(),
});
export type LicenseUpdateRequest = z.infer<typeof licenseUpdateRequestSchema>;

export const licenseUpdateSchema = z
  .object({
    licensesToAssign: z.array(z.object({ subscriptionId: z.guid(), skuId: z.string(), excludedPlans: z.array(z.string()) })),
    licensesToRemove: z.array(z.string()),
    licenseWarnings: z.array(z.object({ code: z.string(), message: z.string() })),
    /** Ours: the user as it is now. */
    user: customerUserSchema,
    attributes: z.object({ objectType: z.literal('LicenseUpdate') }),
  })
  .meta({ id: 'LicenseUpdate' });

/** GET .../subscribedskus: per subscription (ours; Partner Center sums per SKU), its units and who holds them. */
export const subscribedSkuSchema = z
  .object({
    availableUnits: z.number().int(),
    activeUnits: z.number().int(),
    consumedUnits: z.number().int(),
    suspendedUnits: z.number().int(),
    totalUnits: z.number().int(),
    warningUnits: z.number().int(),
    productSku: z.object({ id: z.string(), name: z.string(), skuPartNumber: z.string(), targetType: z.literal('User') }),
    servicePlans: z.array(z.unknown()),
    capabilityStatus: z.enum(['Enabled', 'Suspended', 'Deleted']),
    subscriptionId: z.guid(),
    subscriptionFriendlyName: z.string(),
    attributes: z.object({ objectType: z.literal('SubscribedSku') }),
  })
  .meta({ id: 'SubscribedSku' });
export type SubscribedSku = z.infer<typeof subscribedSkuSchema>;
export const subscribedSkuCollectionSchema = collectionSchema(subscribedSkuSchema);

export const userMemberSchema = z
  .object({ id: z.guid(), userPrincipalName: z.string(), displayName: z.string(), roleId: z.string(), attributes: z.object({ objectType: z.literal('UserMember') }) })
  .meta({ id: 'UserMember' });
export const userMemberCollectionSchema = collectionSchema(userMemberSchema);
