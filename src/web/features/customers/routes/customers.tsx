import '../../resellers/locales/register-en-US.ts';
import '../locales/register-list-en-US.ts';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Handshake20Regular, PeopleSearch24Regular, People24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { preloadPage, whenIdle } from '../../../app/preload.ts';
import { queryClient } from '../../../app/query-client.ts';
import { useDebouncedValue } from '../../../app/use-debounced-value.ts';
import { AddCustomerLink, canAddCustomers, useCanAddCustomers } from '../../../app/ui/add-customer-link.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import { canRequestRelationships, requestRelationshipPath } from '../../relationships/links.ts';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { customerSorts } from '#contracts/customers.ts';
import { useFormatters } from '../../../app/format.ts';
import { sessionQueryOptions, useCurrentUser } from '../../../app/session.tsx';
import { LoadMoreFooter } from '../../../app/ui/load-more-footer.tsx';
import { customerCountriesQueryOptions, useCustomerCountries } from '../api/get-customer-countries.ts';
import { customersQueryOptions, useCustomers, type CustomerListQuery } from '../api/get-customers.ts';
import { resellerOptionsQueryOptions, useResellerOptions } from '../api/get-reseller-options.ts';
import { draftsQueryOptions, useDrafts } from '../api/get-drafts.ts';
import { CustomerSearch } from '../components/customer-search.tsx';
import { DraftsList } from '../components/drafts-list.tsx';
import { CustomersTable } from '../components/customers-table.tsx';
import { settledWithin } from '../api/prefetch-customer.ts';

const useStyles = makeStyles({
  count: { color: tokens.colorNeutralForeground2 },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * The search, filters and order live in the address (`?by=Domain&q=contoso&country=TW&reseller=…&sort=-createdAt`),
 * so a reload or a shared link keeps them.
 */
function listQueryOf(params: URLSearchParams): CustomerListQuery {
  const sortParam = params.get('sort');
  return {
    field: params.get('by') === 'Domain' ? 'Domain' : 'CompanyName',
    search: params.get('q') ?? '',
    country: params.get('country'),
    resellerId: params.get('reseller'),
    sort: customerSorts.find((sort) => sort === sortParam) ?? 'companyName',
  };
}

/**
 * On the way to the list (right after sign-in, too), its data is asked for at once, side by side, and
 * waited for briefly, so that the page shows whole in one render rather than loading first.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  // Loaders run side by side: signed out, the parent's sends to sign-in and this asks for nothing.
  const user = (await queryClient.ensureQueryData(sessionQueryOptions()))?.user;
  if (user === undefined) return null;
  await settledWithin(
    Promise.all([
      queryClient.prefetchInfiniteQuery(customersQueryOptions(listQueryOf(new URL(request.url).searchParams))),
      queryClient.prefetchQuery(customerCountriesQueryOptions()),
      canAddCustomers(user) ? queryClient.prefetchQuery({ ...draftsQueryOptions(), staleTime: 0 }) : null,
      user.partner.kind === 'indirect_provider' ? queryClient.prefetchQuery(resellerOptionsQueryOptions()) : null,
    ]),
  );
  return null;
}

/** The list's own changes of search, filters and order are the page's to fetch (keeping the rows shown meanwhile). */
export function shouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;
}

function useListState() {
  const [params, setParams] = useSearchParams();
  const query = listQueryOf(params);
  const [input, setInput] = useState(query.search);
  const debounced = useDebouncedValue(input.trim(), 300);
  const update = useCallback(
    (change: Partial<Record<'by' | 'q' | 'country' | 'reseller' | 'sort', string | null>>) =>
      setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === null || value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if (debounced !== query.search) update({ q: debounced === '' ? null : debounced });
  }, [debounced, query.search, update]);
  const change = (next: Partial<Omit<CustomerListQuery, 'search'>>) =>
    update({
      ...('field' in next ? { by: next.field === 'Domain' ? 'Domain' : null } : {}),
      ...('country' in next ? { country: next.country ?? null } : {}),
      ...('resellerId' in next ? { reseller: next.resellerId ?? null } : {}),
      ...('sort' in next ? { sort: next.sort === 'companyName' ? null : (next.sort ?? null) } : {}),
    });
  // The search follows the emptied box after its pause, as it does when typing.
  const clearFilters = () => {
    setInput('');
    update({ country: null, reseller: null });
  };
  return { query, input, setInput, change, clearFilters };
}

/** The countries of my customers and, for an indirect provider, its resellers, as the filters' options. */
function useFilterOptions() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const isProvider = user.partner.kind === 'indirect_provider';
  const countries = useCustomerCountries();
  const resellers = useResellerOptions(isProvider);
  const countryOptions = (countries.data ?? [])
    .map((code) => ({ value: code, label: format.region(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const resellerOptions = isProvider
    ? (resellers.data ?? []).map((reseller) => ({
        value: reseller.id,
        label: reseller.state === 'Active' ? reseller.name : t('customersList.inactiveReseller', { name: reseller.name, state: t(`resellers.states.${reseller.state}`) }),
      }))
    : null;
  return { countryOptions, resellerOptions, resellersFailed: resellers.isError };
}

export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { query, input, setInput, change, clearFilters } = useListState();
  const { countryOptions, resellerOptions, resellersFailed } = useFilterOptions();
  const customers = useCustomers(query);
  const canAdd = useCanAddCustomers();
  const canRequest = canRequestRelationships(useCurrentUser());
  const drafts = useDrafts({ enabled: canAdd });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = query.country !== null || query.resellerId !== null;
  // From the list, people open a customer: its page's code is fetched while they read.
  useEffect(() => whenIdle(() => preloadPage('/customers/:id')), []);

  let content;
  if (customers.isPending) content = <Loading />;
  else if (customers.isError && customers.data === undefined)
    content = <QueryError title={t('customers.loadFailed')} error={customers.error} onRetry={() => void customers.refetch()} />;
  else if (items.length === 0)
    content =
      query.search === '' && !filtered ? (
        <EmptyState
          icon={<People24Regular />}
          title={t('customers.emptyTitle')}
          body={canAdd ? t('customers.emptyBodyCanAdd') : t('customers.emptyBody')}
        />
      ) : (
        <EmptyState
          icon={<PeopleSearch24Regular />}
          title={query.search === '' ? t('customersList.noMatchesTitle') : t('customers.noMatchesTitle', { query: query.search })}
          body={filtered ? t('customersList.noMatchesBody') : t('customers.noMatchesBody')}
          action={<Button onClick={clearFilters}>{t('customersList.clearFilters')}</Button>}
        />
      );
  else
    content = (
      <>
        <CustomersTable customers={items} sort={query.sort} onSortChange={(sort) => change({ sort })} />
        <LoadMoreFooter
          query={customers}
          shown={t('customers.shown', { count: items.length })}
          loadMoreLabel={t('customers.loadMore')}
          loadingMoreLabel={t('customers.loadingMore')}
          loadFailedTitle={t('customers.loadFailed')}
        />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <>
            {/* An existing customer is never added again: the partner asks it for a relationship (SPEC §6). */}
            {canRequest ? (
              <LinkButton to={requestRelationshipPath()} icon={<Handshake20Regular />}>
                {t('customersList.requestRelationship')}
              </LinkButton>
            ) : null}
            <AddCustomerLink appearance="primary">{t('customers.addCustomer')}</AddCustomerLink>
          </>
        }
      />
      <div className={styles.page}>
        {/* A failed drafts list is not worth an error on the customers page: the drafts are still there next time. */}
        {drafts.data && drafts.data.items.length > 0 ? <DraftsList drafts={drafts.data.items} /> : null}
        <Panel>
          <CustomerSearch
            query={query}
            input={input}
            onInputChange={setInput}
            onQueryChange={change}
            countries={countryOptions}
            resellers={resellerOptions}
            notice={resellersFailed ? <Text className={styles.count}>{t('customersList.resellersFailed')}</Text> : null}
          />
          {content}
        </Panel>
      </div>
    </>
  );
}
