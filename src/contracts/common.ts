import { z } from 'zod';

/** Partner Center's error body, plus our `errors[]` naming each bad field. */
export const fieldErrorSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type FieldErrorBody = z.infer<typeof fieldErrorSchema>;

export const errorResponseSchema = z
  .object({
    code: z.number().int(),
    description: z.string(),
    data: z.array(z.unknown()),
    source: z.string(),
    errors: z.array(fieldErrorSchema),
    /**
     * The fields Partner Center's newer errors carry besides (600061 is documented with them): the same
     * text as `description`, the error's name, whether trying again can help, and the internal code.
     */
    message: z.string().optional(),
    errorName: z.string().optional(),
    isRetryable: z.boolean().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    errorMessageExtended: z.string().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const linkSchema = z
  .object({
    uri: z.string(),
    method: z.string(),
    headers: z.array(z.object({ key: z.string(), value: z.string() })),
  })
  .meta({ id: 'Link' });
export type Link = z.infer<typeof linkSchema>;

export const attributesSchema = (objectType: string) => z.object({ objectType: z.literal(objectType) });

/** `totalCount` is the number of items in this page, as in the model system. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    totalCount: z.number().int(),
    items: z.array(item),
    links: z.object({ self: linkSchema, next: linkSchema.optional() }),
    attributes: attributesSchema('Collection'),
  });
}

export const CONTINUATION_HEADER = 'ms-continuationtoken';
export const REQUEST_ID_HEADER = 'ms-requestid';
export const CORRELATION_ID_HEADER = 'ms-correlationid';

/** The largest value of a PostgreSQL integer (int4) column: numbers stored in one are bounded by it. */
export const INT4_MAX = 2_147_483_647;
/** A line item's number, as the client chose it (stored in an int4). */
export const lineItemNumberInputSchema = z
  .number()
  .int('lineItemNumber must be a whole number')
  .min(0, 'lineItemNumber must be 0 or more')
  .max(INT4_MAX, `lineItemNumber must be at most ${INT4_MAX}`)
  .nullish();
