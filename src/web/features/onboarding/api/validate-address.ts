import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../app/api-client.ts';

export interface AddressToCheck {
  country: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

// Declared here rather than imported from #contracts/validation.ts, which pulls in domain code (and
// with it phone metadata) the portal must not download.
const addressValidationSchema = z.object({
  status: z.string(),
  suggestedAddresses: z.array(
    z.object({
      country: z.string(),
      addressLine1: z.string(),
      addressLine2: z.string().nullable(),
      city: z.string().nullable(),
      state: z.string().nullable(),
      postalCode: z.string().nullable(),
    }),
  ),
  validationMessage: z.string().nullable(),
});
export type AddressValidation = z.infer<typeof addressValidationSchema>;
export type SuggestedAddress = AddressValidation['suggestedAddresses'][number];

/** POST /v1/validations/address: the address as the country writes it, and how sure the check is. */
export async function validateAddress(address: AddressToCheck) {
  const body = await apiRequest<unknown>('/v1/validations/address', { method: 'POST', body: address });
  return addressValidationSchema.parse(body);
}

export function useValidateAddress() {
  return useMutation({ mutationFn: validateAddress });
}
