import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { QueryError } from './query-error.tsx';

const useStyles = makeStyles({
  footer: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2 },
});

/** The part of an infinite query a list's footer reads (TanStack Query's useInfiniteQuery). */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage(): Promise<unknown>;
}

export interface LoadMoreFooterProps {
  query: PagedQuery;
  /** How many rows are shown, as a sentence ("12 customers shown"); announced as it changes. */
  shown: string;
  loadMoreLabel: string;
  loadingMoreLabel: string;
  loadFailedTitle: string;
}

/** Under a keyset-paged list: how many rows are shown, Load more while there are more, and a failed next page with Retry. */
export function LoadMoreFooter({ query, shown, loadMoreLabel, loadingMoreLabel, loadFailedTitle }: LoadMoreFooterProps) {
  const styles = useStyles();
  const fetchNext = () => void query.fetchNextPage();
  return (
    <>
      <div className={styles.footer}>
        <Text className={styles.count} aria-live="polite">
          {shown}
        </Text>
        {query.hasNextPage ? (
          <Button onClick={fetchNext} disabled={query.isFetchingNextPage} icon={query.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}>
            {query.isFetchingNextPage ? loadingMoreLabel : loadMoreLabel}
          </Button>
        ) : null}
      </div>
      {query.isFetchNextPageError ? <QueryError title={loadFailedTitle} error={query.error} onRetry={fetchNext} /> : null}
    </>
  );
}
