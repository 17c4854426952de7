import { z } from 'zod';
import { fieldErrorSchema } from './common.ts';
import { agreementSchema } from './agreements.ts';
import { customerSchema } from './customers.ts';
import { userCredentialsSchema } from './onboarding.ts';
import { orderSchema } from './orders.ts';

/**
 * The answers of POST /v1/customers and POST /v1/onboardings. Apart from the request schemas, so
 * that a form importing those does not carry the customer, order and agreement schemas too.
 */
export const createdCustomerSchema = customerSchema.extend({ userCredentials: userCredentialsSchema });

export const onboardingResponseSchema = z.object({
  customer: customerSchema,
  agreement: agreementSchema.nullable(),
  /** The first of `orders` (the only one unless the lines have different billing cycles). */
  order: orderSchema.nullable(),
  /** One order per billing cycle, as Partner Center's checkout makes them. */
  orders: z.array(orderSchema),
  userCredentials: userCredentialsSchema,
  warnings: z.array(fieldErrorSchema),
  attributes: z.object({ objectType: z.literal('Onboarding') }),
});
export type OnboardingResponse = z.infer<typeof onboardingResponseSchema>;

