import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useCustomerEligibility } from '../api/get-customer-eligibility.ts';
import { DetailList } from './detail-list.tsx';

const useStyles = makeStyles({
  validation: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  details: { whiteSpace: 'pre-line' },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * A US Government customer's eligibility (SPEC §8), where a public customer's page shows its agreement:
 * that instance has no agreement step, so nothing here asks for one.
 */
export function CustomerEligibility({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const eligibility = useCustomerEligibility(customerId);

  let content;
  if (eligibility.isPending) content = <Loading />;
  else if (eligibility.isError)
    content = <QueryError title={t('customerDetail.eligibility.loadFailed')} error={eligibility.error} onRetry={() => void eligibility.refetch()} />;
  else if (eligibility.data.items.length === 0)
    content = (
      <Text as="p" className={styles.empty}>
        <strong>{t('customerDetail.eligibility.emptyTitle')}</strong> {t('customerDetail.eligibility.emptyBody')}
      </Text>
    );
  else
    content = [...eligibility.data.items].reverse().map((validation) => (
      <div key={validation.id} className={styles.validation}>
        <DetailList
          items={[
            { label: t('customerDetail.eligibility.validationType'), value: t(`customerDetail.eligibility.types.${validation.validationType}`) },
            {
              label: t('customerDetail.eligibility.recordedBy'),
              value: validation.validatedBy ? (
                <>
                  {validation.validatedBy.displayName}
                  <span className={styles.secondary}>{validation.validatedBy.email}</span>
                </>
              ) : (
                <span className={styles.muted}>{t('customerDetail.eligibility.formerUser', { partner: validation.partner.name })}</span>
              ),
            },
            { label: t('customerDetail.eligibility.recordedOn'), value: <time dateTime={validation.createdAt}>{format.dateTime(validation.createdAt)}</time> },
            { label: t('customerDetail.eligibility.details'), value: <span className={styles.details}>{validation.details}</span>, wide: true },
          ]}
        />
      </div>
    ));

  return (
    <Panel aria-labelledby="eligibility-heading">
      <PanelHeading id="eligibility-heading">{t('customerDetail.eligibility.title')}</PanelHeading>
      {content}
      <Text as="p" className={styles.note}>
        {t('customerDetail.eligibility.noAgreement')}
      </Text>
    </Panel>
  );
}
