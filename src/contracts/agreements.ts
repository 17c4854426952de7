import { z } from 'zod';
import { collectionSchema } from './common.ts';
import { ignored, lenientEnum } from './pc-input.ts';

export const agreementTypeSchema = z.enum(['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement'], {
  error: 'agreementType must be MicrosoftCloudAgreement or MicrosoftCustomerAgreement',
});
export type AgreementTypeName = z.infer<typeof agreementTypeSchema>;

/** An agreement type in a request: in any case. */
export const agreementTypeInputSchema = lenientEnum(['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement'], 'agreementType must be MicrosoftCloudAgreement or MicrosoftCustomerAgreement');

/** GET /v1/agreements's `agreementType`: a type in any case, or Partner Center's `*` (every type: the latest template of each). */
export const agreementTypeQuerySchema = lenientEnum(['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement', '*'], 'agreementType must be MicrosoftCloudAgreement, MicrosoftCustomerAgreement or *');

export const agreementMetadataSchema = z
  .object({
    templateId: z.guid(),
    agreementType: agreementTypeSchema,
    agreementLink: z.string(),
    versionRank: z.number().int(),
    attributes: z.object({ objectType: z.literal('AgreementMetaData') }),
  })
  .meta({ id: 'AgreementMetaData' });
export const agreementMetadataCollectionSchema = collectionSchema(agreementMetadataSchema);

/** A confirmation that a customer accepted an agreement, as Partner Center returns it. */
export const agreementSchema = z
  .object({
    id: z.guid(),
    primaryContact: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phoneNumber: z.string().nullable() }),
    templateId: z.guid(),
    dateAgreed: z.iso.datetime(),
    type: agreementTypeSchema,
    agreementLink: z.string(),
    /** The partner user who confirmed it. */
    userId: z.guid().nullable(),
    partnerId: z.guid(),
    attributes: z.object({ objectType: z.literal('Agreement') }),
  })
  .meta({ id: 'Agreement' });
export const agreementCollectionSchema = collectionSchema(agreementSchema);

/** POST /v1/customers/{id}/agreements: Partner Center's Agreement (SDK Models/Agreements/Agreement.cs; agreement-resources). */
export const confirmAgreementRequestSchema = z.strictObject({
  primaryContact: z.strictObject({
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    email: z.string().max(320),
    phoneNumber: z.string().max(40).nullish(),
  }),
  templateId: z.guid('templateId must be a GUID'),
  dateAgreed: z.string().max(40),
  type: agreementTypeInputSchema.nullish(),
  agreementLink: z.string().max(2000).nullish(),
  /** Partner Center derives it from the App+User token; so do we. */
  userId: ignored('Ignored: the signed-in partner user is the one confirming.'),
  attributes: ignored(),
});
export type ConfirmAgreementRequest = z.infer<typeof confirmAgreementRequestSchema>;
