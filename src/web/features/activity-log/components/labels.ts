import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { auditOperationTypes, type AuditOperationType, type AuditRecord } from '#contracts/audit.ts';

const resourceTypes = ['customer', 'order', 'agreement', 'relationship_invitation', 'partner_customer_relationship', 'customer_eligibility_validation'] as const;
const statuses = ['succeeded', 'failed', 'progress', 'decline'] as const;

export const isOperationType = (value: string | null): value is AuditOperationType => auditOperationTypes.some((type) => type === value);

/** People's words for the API's values; a value the portal does not know yet is shown as it is. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    operation: (value: string) => (isOperationType(value) ? t(`activityLog.operations.${value}`) : value),
    resource: (value: string) => {
      const known = resourceTypes.find((type) => type === value.toLowerCase());
      return known ? t(`activityLog.resources.${known}`) : value;
    },
    status: (value: AuditRecord['operationStatus']) => (statuses.includes(value) ? t(`activityLog.statuses.${value}`) : value),
  };
}

/** A date and time in UTC, the time zone of the log's date filters and of its CSV, e.g. "Dec 2, 2026, 6:24 PM UTC". */
export function useUtcDateTime(): (value: string) => string {
  const { i18n } = useTranslation();
  const format = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }), [i18n.language]);
  return (value) => format.format(new Date(value));
}
