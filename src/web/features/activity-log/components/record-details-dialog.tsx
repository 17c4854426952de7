import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '#contracts/audit.ts';
import { useAuditLabels, useUtcDateTime } from './labels.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  json: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: '320px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

/** The new value as the API wrote it, indented when it is JSON. */
function pretty(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

/** "Details": one record whole, its new value included. */
export function RecordDetailsDialog({ record }: { record: AuditRecord }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const when = useUtcDateTime();
  const labels = useAuditLabels();
  const operation = labels.operation(record.operationType);
  const date = when(record.operationDate);
  const rows: [string, string | null, boolean][] = [
    [t('activityLog.detailsFields.date'), date, false],
    [t('activityLog.detailsFields.user'), record.userPrincipalName, false],
    [t('activityLog.detailsFields.resource'), labels.resource(record.resourceType), false],
    [t('activityLog.detailsFields.resourceId'), record.resourceId, true],
    [t('activityLog.detailsFields.customer'), record.customerName, false],
    [t('activityLog.detailsFields.customerId'), record.customerId, true],
    [t('activityLog.detailsFields.status'), labels.status(record.operationStatus), false],
    [t('activityLog.detailsFields.correlationId'), record.originalCorrelationId, true],
  ];
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={t('activityLog.detailsLabel', { operation, date })}>
          {t('activityLog.details')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{operation}</DialogTitle>
          <DialogContent className={styles.content}>
            <dl className={styles.list}>
              {rows
                .filter(([, value]) => value !== null && value !== '')
                .map(([term, value, mono]) => (
                  <div key={term} className={styles.pair}>
                    <dt className={styles.term}>{term}</dt>
                    <dd className={mono ? mergeClasses(styles.value, styles.mono) : styles.value}>{value}</dd>
                  </div>
                ))}
            </dl>
            <div>
              <div className={styles.term} id={`new-value-${record.id}`}>
                {t('activityLog.detailsFields.newValue')}
              </div>
              {record.resourceNewValue ? (
                <pre className={styles.json} aria-labelledby={`new-value-${record.id}`} tabIndex={0}>
                  {pretty(record.resourceNewValue)}
                </pre>
              ) : (
                <p>{t('activityLog.noNewValue')}</p>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{t('activityLog.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
