import '../locales/register-en-US.ts';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { History24Regular, DocumentSearch24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type ShouldRevalidateFunctionArgs } from 'react-router';
import { NotFoundPage } from '../../../app/not-found.tsx';
import { useCurrentUser } from '../../../app/session.tsx';
import { useDebouncedValue } from '../../../app/use-debounced-value.ts';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { LoadMoreFooter } from '../../../app/ui/load-more-footer.tsx';
import { activityDays, useAuditRecords, type ActivityQuery } from '../api/get-audit-records.ts';
import { ActivityFilters } from '../components/activity-filters.tsx';
import { ActivityTable } from '../components/activity-table.tsx';
import { ExportButton } from '../components/export-button.tsx';
import { isOperationType } from '../components/labels.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters live in the address (`?from=2026-11-01&to=2026-11-30&op=create_order&company=fabrikam`),
 * so a reload or a shared link keeps them; a day out of the log's reach falls back to the default.
 */
function queryOf(params: URLSearchParams, limits: ReturnType<typeof activityDays>): ActivityQuery {
  const day = (name: string, fallback: string) => {
    const value = params.get(name);
    return value !== null && DATE.test(value) && value >= limits.earliest && value <= limits.today ? value : fallback;
  };
  const operation = params.get('op');
  return {
    from: day('from', limits.defaultFrom),
    to: day('to', limits.today),
    operation: isOperationType(operation) ? operation : null,
    company: params.get('company')?.trim() ?? '',
  };
}

/** The page's own changes of filters are the page's to fetch. */
export function shouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;
}

function useActivityState() {
  const [params, setParams] = useSearchParams();
  const limits = useMemo(() => activityDays(), []);
  const query = queryOf(params, limits);
  const [company, setCompany] = useState(query.company);
  const debounced = useDebouncedValue(company.trim(), 300);
  const update = useCallback(
    (change: Partial<Record<'from' | 'to' | 'op' | 'company', string | null>>) =>
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
    if (debounced !== query.company) update({ company: debounced === '' ? null : debounced });
  }, [debounced, query.company, update]);
  const change = (next: Partial<Pick<ActivityQuery, 'from' | 'to' | 'operation'>>) =>
    update({
      ...('from' in next ? { from: next.from === limits.defaultFrom ? null : (next.from ?? null) } : {}),
      ...('to' in next ? { to: next.to === limits.today ? null : (next.to ?? null) } : {}),
      ...('operation' in next ? { op: next.operation ?? null } : {}),
    });
  const filtered = query.operation !== null || query.company !== '' || query.from !== limits.defaultFrom || query.to !== limits.today;
  const clear = () => {
    setCompany('');
    update({ from: null, to: null, op: null });
  };
  return { query, limits, company, setCompany, change, filtered, clear };
}

function ActivityLogPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { query, limits, company, setCompany, change, filtered, clear } = useActivityState();
  const rangeError = query.from > query.to;
  const records = useAuditRecords(query, !rangeError);
  const items = records.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (rangeError) content = null;
  else if (records.isPending) content = <Loading />;
  else if (records.isError && records.data === undefined)
    content = <QueryError title={t('activityLog.loadFailed')} error={records.error} onRetry={() => void records.refetch()} />;
  else if (items.length === 0)
    content =
      query.operation === null && query.company === '' ? (
        <EmptyState icon={<History24Regular />} title={t('activityLog.emptyTitle')} body={t('activityLog.emptyBody')} />
      ) : (
        <EmptyState
          icon={<DocumentSearch24Regular />}
          title={t('activityLog.noMatchesTitle')}
          body={t('activityLog.noMatchesBody')}
          action={<Button onClick={clear}>{t('activityLog.clearFilters')}</Button>}
        />
      );
  else
    content = (
      <>
        <ActivityTable records={items} />
        <LoadMoreFooter
          query={records}
          shown={t('activityLog.shown', { count: items.length })}
          loadMoreLabel={t('activityLog.loadMore')}
          loadingMoreLabel={t('activityLog.loadingMore')}
          loadFailedTitle={t('activityLog.loadFailed')}
        />
      </>
    );

  return (
    <>
      <PageHeader title={t('activityLog.title')} description={t('activityLog.description')} actions={<ExportButton query={query} disabled={rangeError} />} />
      <Panel className={styles.panel}>
        <ActivityFilters
          query={query}
          limits={limits}
          company={company}
          onCompanyChange={setCompany}
          onQueryChange={change}
          rangeError={rangeError}
          onClear={filtered ? clear : null}
        />
        {content}
      </Panel>
    </>
  );
}

/** For those whose roles may read the audit log (`audit.view`, as the session says); for anyone else the page does not exist. */
export function Component() {
  const user = useCurrentUser();
  return user.actions.includes('audit.view') ? <ActivityLogPage /> : <NotFoundPage />;
}
