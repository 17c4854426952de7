import { Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '#contracts/audit.ts';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useAuditLabels, useUtcDateTime } from './labels.ts';
import { RecordDetailsDialog } from './record-details-dialog.tsx';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '880px', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { minWidth: 'auto' } },
  date: { whiteSpace: 'nowrap' },
  operation: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  user: { overflowWrap: 'break-word', minWidth: '12em' },
  // On a phone the date, the resource, the customer, the user and the status move under the operation.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
});

const statusColor = { succeeded: 'success', failed: 'danger', progress: 'informative', decline: 'warning' } as const;

export function ActivityTable({ records }: { records: AuditRecord[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const when = useUtcDateTime();
  return (
    <ScrollRegion label={t('activityLog.tableLabel')}>
      <Table className={styles.table} aria-label={t('activityLog.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.wideOnly}>{t('activityLog.columns.date')}</TableHeaderCell>
            <TableHeaderCell>{t('activityLog.columns.operation')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('activityLog.columns.resource')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('activityLog.columns.customer')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('activityLog.columns.user')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('activityLog.columns.status')}</TableHeaderCell>
            <TableHeaderCell>{t('activityLog.columns.details')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {records.map((record) => {
            const status = (
              <Badge appearance="tint" color={statusColor[record.operationStatus]}>
                {labels.status(record.operationStatus)}
              </Badge>
            );
            return (
              <TableRow key={record.id}>
                <TableCell className={mergeClasses(styles.date, styles.wideOnly)}>{when(record.operationDate)}</TableCell>
                <TableCell>
                  <span className={styles.operation}>{labels.operation(record.operationType)}</span>
                  <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>{when(record.operationDate)}</span>
                  <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                    {record.customerName ? `${record.customerName} · ` : ''}
                    {labels.resource(record.resourceType)}
                  </span>
                  <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>{record.userPrincipalName}</span>
                  {record.operationStatus === 'succeeded' ? null : <span className={styles.narrowOnly}>{status}</span>}
                </TableCell>
                <TableCell className={styles.wideOnly}>{labels.resource(record.resourceType)}</TableCell>
                <TableCell className={styles.wideOnly}>{record.customerName ?? <span aria-hidden="true">—</span>}</TableCell>
                <TableCell className={mergeClasses(styles.wideOnly, styles.user)}>{record.userPrincipalName}</TableCell>
                <TableCell className={styles.wideOnly}>{status}</TableCell>
                <TableCell>
                  <RecordDetailsDialog record={record} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
