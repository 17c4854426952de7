import { Button, Field, Input, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { auditOperationTypes, type AuditOperationType } from '#contracts/audit.ts';
import type { ActivityQuery } from '../api/get-audit-records.ts';
import { isOperationType, useAuditLabels } from './labels.ts';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  date: { flex: '0 1 150px', [NARROW]: { flex: '1 1 140px' } },
  operation: { flex: '1 1 210px', maxWidth: '300px', [NARROW]: { maxWidth: 'none' } },
  customer: { flex: '1 1 200px', maxWidth: '320px', [NARROW]: { maxWidth: 'none' } },
  clear: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** The dates, the operation and the customer of the Activity log, and Clear filters when any is set. */
export function ActivityFilters({
  query,
  limits,
  company,
  onCompanyChange,
  onQueryChange,
  rangeError,
  onClear,
}: {
  query: ActivityQuery;
  limits: { earliest: string; today: string };
  /** The company search box's text; `query.company` follows it after a pause. */
  company: string;
  onCompanyChange: (value: string) => void;
  onQueryChange: (change: Partial<Pick<ActivityQuery, 'from' | 'to' | 'operation'>>) => void;
  rangeError: boolean;
  onClear: (() => void) | null;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const operations = auditOperationTypes
    .map((type) => ({ type, label: labels.operation(type) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div className={styles.root}>
      <div className={styles.row} role="search" aria-label={t('activityLog.filters')}>
        <Field label={t('activityLog.from')} className={styles.date}>
          <Input type="date" value={query.from} min={limits.earliest} max={limits.today} onChange={(_event, data) => data.value !== '' && onQueryChange({ from: data.value })} />
        </Field>
        <Field
          label={t('activityLog.to')}
          className={styles.date}
          validationState={rangeError ? 'error' : 'none'}
          validationMessage={rangeError ? t('activityLog.rangeInvalid') : undefined}
        >
          <Input type="date" value={query.to} min={limits.earliest} max={limits.today} onChange={(_event, data) => data.value !== '' && onQueryChange({ to: data.value })} />
        </Field>
        <Field label={t('activityLog.operation')} className={styles.operation}>
          <Select
            value={query.operation ?? ''}
            onChange={(_event, data) => onQueryChange({ operation: isOperationType(data.value) ? (data.value as AuditOperationType) : null })}
          >
            <option value="">{t('activityLog.allOperations')}</option>
            {operations.map(({ type, label }) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('activityLog.customer')} className={styles.customer}>
          <SearchBox value={company} onChange={(_event, data) => onCompanyChange(data.value)} placeholder={t('activityLog.customerPlaceholder')} autoComplete="off" />
        </Field>
        {onClear ? (
          <Button onClick={onClear} className={styles.clear}>
            {t('activityLog.clearFilters')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
