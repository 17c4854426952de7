import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { PeopleSearch24Regular, People24Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../../app/use-debounced-value.ts';
import { AddCustomerLink, useCanAddCustomers } from '../../../app/ui/add-customer-link.tsx';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useCustomers, type CustomerSearchField } from '../api/get-customers.ts';
import { useDrafts } from '../api/get-drafts.ts';
import { CustomerSearch } from '../components/customer-search.tsx';
import { DraftsList } from '../components/drafts-list.tsx';
import { CustomersTable } from '../components/customers-table.tsx';

const useStyles = makeStyles({
  footer: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2 },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The search lives in the address (`?by=Domain&q=contoso`), so a reload or a shared link keeps it. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const field: CustomerSearchField = params.get('by') === 'Domain' ? 'Domain' : 'CompanyName';
  const query = params.get('q') ?? '';
  const [input, setInput] = useState(query);
  const debounced = useDebouncedValue(input.trim(), 300);
  useEffect(() => {
    if (debounced === query) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced === '') next.delete('q');
        else next.set('q', debounced);
        return next;
      },
      { replace: true },
    );
  }, [debounced, query, setParams]);
  const setField = (value: CustomerSearchField) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'CompanyName') next.delete('by');
        else next.set('by', value);
        return next;
      },
      { replace: true },
    );
  return { field, query, input, setInput, setField };
}

export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { field, query, input, setInput, setField } = useSearchState();
  const customers = useCustomers(query === '' ? null : { field, value: query });
  const canAdd = useCanAddCustomers();
  const drafts = useDrafts({ enabled: canAdd });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (customers.isPending) content = <Loading />;
  else if (customers.isError && customers.data === undefined)
    content = <QueryError title={t('customers.loadFailed')} error={customers.error} onRetry={() => void customers.refetch()} />;
  else if (items.length === 0)
    content =
      query === '' ? (
        <EmptyState
          icon={<People24Regular />}
          title={t('customers.emptyTitle')}
          body={canAdd ? t('customers.emptyBodyCanAdd') : t('customers.emptyBody')}
        />
      ) : (
        <EmptyState icon={<PeopleSearch24Regular />} title={t('customers.noMatchesTitle', { query })} body={t('customers.noMatchesBody')} />
      );
  else
    content = (
      <>
        <CustomersTable customers={items} />
        <div className={styles.footer}>
          <Text className={styles.count} aria-live="polite">
            {t('customers.shown', { count: items.length })}
          </Text>
          {customers.hasNextPage ? (
            <Button
              onClick={() => void customers.fetchNextPage()}
              disabled={customers.isFetchingNextPage}
              icon={customers.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}
            >
              {customers.isFetchingNextPage ? t('customers.loadingMore') : t('customers.loadMore')}
            </Button>
          ) : null}
        </div>
        {customers.isFetchNextPageError ? (
          <QueryError title={t('customers.loadFailed')} error={customers.error} onRetry={() => void customers.fetchNextPage()} />
        ) : null}
      </>
    );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={<AddCustomerLink appearance="primary">{t('customers.addCustomer')}</AddCustomerLink>}
      />
      <div className={styles.page}>
        {/* A failed drafts list is not worth an error on the customers page: the drafts are still there next time. */}
        {drafts.data && drafts.data.items.length > 0 ? <DraftsList drafts={drafts.data.items} /> : null}
        <Panel>
          <CustomerSearch field={field} value={input} onFieldChange={setField} onValueChange={setInput} />
          {content}
        </Panel>
      </div>
    </>
  );
}
