import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { Key24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '#contracts/auth.ts';
import { useFormatters } from '../../../app/format.ts';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useTokens } from '../api/get-tokens.ts';
import { CreateTokenDialog } from './create-token-dialog.tsx';
import { RevokeTokenDialog } from './revoke-token-dialog.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  description: { display: 'block', color: tokens.colorNeutralForeground2, maxWidth: '72ch', marginBlockStart: tokens.spacingVerticalXS },
  table: { tableLayout: 'auto', minWidth: '720px' },
  nowrap: { whiteSpace: 'nowrap' },
  name: { fontWeight: tokens.fontWeightSemibold },
  prefix: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

function TokensTable({ items }: { items: ApiToken[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  // A token from sign-in lives an hour: its time says more than its date.
  const expiry = (token: ApiToken) => {
    if (!token.expiresAt) return t('account.tokens.never');
    return token.kind === 'access' ? format.dateTime(token.expiresAt) : format.date(token.expiresAt);
  };
  return (
    <ScrollRegion label={t('account.tokens.tableLabel')}>
      <Table className={styles.table} aria-label={t('account.tokens.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('account.tokens.columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('account.tokens.columns.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('account.tokens.columns.prefix')}</TableHeaderCell>
            <TableHeaderCell>{t('account.tokens.columns.createdAt')}</TableHeaderCell>
            <TableHeaderCell>{t('account.tokens.columns.expiresAt')}</TableHeaderCell>
            <TableHeaderCell>{t('account.tokens.columns.lastUsedAt')}</TableHeaderCell>
            <TableHeaderCell>
              <span className={styles.visuallyHidden}>{t('account.tokens.columns.actions')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((token) => (
            <TableRow key={token.id}>
              <TableCell>
                <span className={styles.name}>{token.name}</span>
              </TableCell>
              <TableCell>{t(`account.tokens.kinds.${token.kind}`)}</TableCell>
              <TableCell>
                <span className={styles.prefix}>{token.prefix}…</span>
              </TableCell>
              <TableCell className={styles.nowrap}>{format.date(token.createdAt)}</TableCell>
              <TableCell className={styles.nowrap}>{expiry(token)}</TableCell>
              <TableCell>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('account.tokens.notUsed')}</TableCell>
              <TableCell>
                <RevokeTokenDialog token={token} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** The user's API tokens, personal ones and those from sign-in (POST /v1/auth/token): list, create (shown once), revoke. */
export function TokensSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const tokensQuery = useTokens();

  let content;
  if (tokensQuery.isPending) content = <Loading />;
  else if (tokensQuery.isError)
    content = <QueryError title={t('account.tokens.loadFailed')} error={tokensQuery.error} onRetry={() => void tokensQuery.refetch()} />;
  else if (tokensQuery.data.length === 0)
    content = <EmptyState icon={<Key24Regular />} title={t('account.tokens.emptyTitle')} body={t('account.tokens.emptyBody')} />;
  else content = <TokensTable items={tokensQuery.data} />;

  return (
    <Panel aria-labelledby="tokens-heading">
      <div className={styles.header}>
        <div>
          <PanelHeading id="tokens-heading">
            {t('account.tokens.title')}
          </PanelHeading>
          <Text className={styles.description}>{t('account.tokens.description')}</Text>
        </div>
        <CreateTokenDialog />
      </div>
      {content}
    </Panel>
  );
}
