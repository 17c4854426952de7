import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SubscriptionChange } from '#contracts/subscriptions.ts';
import { useFormatters, type Formatters } from '../../../app/format.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useSubscriptionChanges } from '../api/get-subscription-changes.ts';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '560px', [NARROW]: { minWidth: 'auto' } },
  when: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  who: { overflowWrap: 'anywhere' },
  change: { display: 'block', overflowWrap: 'anywhere' },
  // On a phone, who made the change moves under the date.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', [NARROW]: { display: 'block' } },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Change = SubscriptionChange['changes'][number];

function valueOf(t: TFunction, format: Formatters, change: Change, value: Change['oldValue']): string {
  if (value === null) return '—';
  if (change.field === 'quantity' && typeof value === 'number') return format.number(value);
  if (change.field === 'status' && (value === 'active' || value === 'suspended' || value === 'deleted' || value === 'pending')) return t(`subscription.statuses.${value}`);
  if (change.field === 'autoRenewEnabled') return value === true ? t('subscription.history.on') : t('subscription.history.off');
  return String(value);
}

/** The subscription's changes, latest first: when, who, and each property from → to. */
export function SubscriptionHistory({ customerId, subscriptionId }: { customerId: string; subscriptionId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const changes = useSubscriptionChanges(customerId, subscriptionId);

  let content;
  if (changes.isPending) content = <Loading />;
  else if (changes.isError) content = <QueryError title={t('subscription.history.loadFailed')} error={changes.error} onRetry={() => void changes.refetch()} />;
  else if (changes.data.items.length === 0)
    content = (
      <Text as="p" className={styles.empty}>
        <strong>{t('subscription.history.emptyTitle')}</strong> {t('subscription.history.emptyBody')}
      </Text>
    );
  else
    content = (
      <ScrollRegion label={t('subscription.history.tableLabel')}>
        <Table className={styles.table} aria-label={t('subscription.history.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('subscription.history.columns.when')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('subscription.history.columns.who')}</TableHeaderCell>
              <TableHeaderCell>{t('subscription.history.columns.what')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.data.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>
                  <time className={styles.when} dateTime={item.changeDate}>
                    {format.dateTime(item.changeDate)}
                  </time>
                  <span className={styles.narrowOnly}>{item.userPrincipalName}</span>
                </TableCell>
                <TableCell className={mergeClasses(styles.who, styles.wideOnly)}>{item.userPrincipalName}</TableCell>
                <TableCell>
                  {item.changes.map((change) => (
                    <span key={change.field} className={styles.change}>
                      {t('subscription.history.change', {
                        field: t(`subscription.history.fields.${change.field}`),
                        from: valueOf(t, format, change, change.oldValue),
                        to: valueOf(t, format, change, change.newValue),
                      })}
                    </span>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    );

  return (
    <Panel aria-labelledby="history-heading">
      <PanelHeading id="history-heading">{t('subscription.history.heading')}</PanelHeading>
      {content}
    </Panel>
  );
}
