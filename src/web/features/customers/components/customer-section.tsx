import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from '../../../app/ui/loading.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';

const useStyles = makeStyles({
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** A customer page section's collection: loading, the failure with a retry, `empty`, or its items. */
export function CollectionContent<T>({
  query,
  loadFailed,
  empty,
  children,
}: {
  query: UseQueryResult<{ items: T[] }>;
  loadFailed: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError title={loadFailed} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return empty;
  return children(query.data.items);
}

/** What an empty section would hold: "No orders yet. Orders ... appear here." */
export function EmptyNote({ title, body }: { title: string; body: string }) {
  const styles = useStyles();
  return (
    <Text as="p" className={styles.empty}>
      <strong>{title}</strong> {body}
    </Text>
  );
}
