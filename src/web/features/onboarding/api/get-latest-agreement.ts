import { queryOptions, useQuery } from '@tanstack/react-query';
import { agreementMetadataCollectionSchema } from '#contracts/agreements.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/agreements?agreementType=MicrosoftCustomerAgreement: the latest template (highest rank), or null. */
export async function getLatestAgreement(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/agreements?agreementType=MicrosoftCustomerAgreement', signal ? { signal } : {});
  const { items } = agreementMetadataCollectionSchema.parse(body);
  return items.reduce<(typeof items)[number] | null>((latest, item) => (latest === null || item.versionRank > latest.versionRank ? item : latest), null);
}

export const latestAgreementQueryOptions = () =>
  queryOptions({
    queryKey: ['agreements', 'MicrosoftCustomerAgreement', 'latest'],
    queryFn: ({ signal }) => getLatestAgreement(signal),
    staleTime: 10 * 60_000,
  });

export function useLatestAgreement(enabled: boolean) {
  return useQuery({ ...latestAgreementQueryOptions(), enabled });
}
