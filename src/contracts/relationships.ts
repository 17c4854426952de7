import { z } from 'zod';
import { attributesSchema, collectionSchema } from './common.ts';
import { emailSchema } from './auth.ts';

/**
 * `GET /v1/customers/relationshiprequests`: the partner's one link (SPEC §6), as Partner Center documents
 * it. A reseller names the indirect provider the customer accepts with it; a provider may name a reseller.
 */
export const relationshipRequestQuerySchema = z.object({
  indirectCloudSolutionProviderId: z.guid('indirectCloudSolutionProviderId must be the indirect provider\'s tenant id (a GUID)').optional(),
  indirectResellerId: z.guid('indirectResellerId must be the indirect reseller\'s tenant id (a GUID)').optional(),
  dualRoleIndirectRelationship: z.enum(['true', 'false']).optional(),
});

export const relationshipRequestSchema = z.object({
  url: z.string(),
  attributes: attributesSchema('RelationshipRequest'),
});

export const invitationStates = ['pending', 'accepted', 'declined', 'expired', 'revoked'] as const;
export type InvitationState = (typeof invitationStates)[number];

const recipientName = z
  .string()
  .trim()
  .min(1, 'Enter the name of the person who receives the invitation.')
  .max(128, 'recipientName must be at most 128 characters');

/** (ours) `POST /v1/relationshipinvitations`: whom to invite, and what to tell them. */
export const invitationInputSchema = z.object({
  recipientName,
  recipientEmail: emailSchema,
  message: z.string().trim().max(2000, 'message must be at most 2,000 characters').nullish(),
  /** A reseller's invitation may ask the customer to accept its indirect provider too (SPEC §6). */
  indirectProviderId: z.guid('indirectProviderId must be the indirect provider\'s tenant id (a GUID)').nullish(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

const partnerRef = z.object({ id: z.guid(), name: z.string() });

export const invitationSchema = z
  .object({
    id: z.guid(),
    recipientName: z.string().nullable(),
    recipientEmail: z.string().nullable(),
    message: z.string().nullable(),
    state: z.enum(invitationStates),
    partner: partnerRef,
    indirectProvider: partnerRef.nullable(),
    createdBy: z.object({ email: z.string(), displayName: z.string() }),
    createdAt: z.iso.datetime(),
    lastSentAt: z.iso.datetime(),
    sentCount: z.number().int(),
    expiresAt: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
    customerId: z.guid().nullable(),
    attributes: attributesSchema('RelationshipInvitation'),
  })
  .meta({ id: 'RelationshipInvitation' });
export type Invitation = z.infer<typeof invitationSchema>;

/** Creating or resending answers the personal link, this once: only its hash is kept. */
export const issuedInvitationSchema = invitationSchema.extend({ url: z.string() }).meta({ id: 'IssuedRelationshipInvitation' });
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;

export const invitationListQuerySchema = z.object({
  state: z.enum(invitationStates, { message: `state must be one of ${invitationStates.join(', ')}` }).optional(),
  size: z.coerce.number().int().min(1, 'size must be between 1 and 500').max(500, 'size must be between 1 and 500').default(100),
});

export const invitationCollectionSchema = collectionSchema(invitationSchema);
