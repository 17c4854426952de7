import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { agreementMetadataCollectionSchema, agreementSchema, type ConfirmAgreementRequest } from '#contracts/agreements.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { customerAgreementsQueryOptions } from './get-customer-agreements.ts';

type AgreementType = NonNullable<ConfirmAgreementRequest['type']>;

/** GET /v1/agreements?agreementType=: the latest template of the type (highest version rank), or null. */
export async function getLatestTemplate(type: AgreementType, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/agreements?agreementType=${type}`, signal ? { signal } : {});
  const { items } = agreementMetadataCollectionSchema.parse(body);
  return items.reduce<(typeof items)[number] | null>((latest, item) => (latest === null || item.versionRank > latest.versionRank ? item : latest), null);
}

export const latestTemplateQueryOptions = (type: AgreementType) =>
  queryOptions({ queryKey: ['agreements', type, 'latest'], queryFn: ({ signal }) => getLatestTemplate(type, signal), staleTime: 10 * 60_000 });

export function useLatestTemplate(type: AgreementType, enabled: boolean) {
  return useQuery({ ...latestTemplateQueryOptions(type), enabled });
}

/** POST /v1/customers/{id}/agreements; `requestId` names this confirmation, so a retry is not a second one. */
export async function confirmAgreement({ customerId, requestId, body }: { customerId: string; requestId: string; body: ConfirmAgreementRequest }) {
  const answer = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/agreements`, { method: 'POST', body, headers: { [REQUEST_ID_HEADER]: requestId } });
  return agreementSchema.parse(answer);
}

export function useConfirmAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmAgreement,
    onSuccess: (_agreement, { customerId }) => queryClient.invalidateQueries({ queryKey: customerAgreementsQueryOptions(customerId).queryKey }),
  });
}
