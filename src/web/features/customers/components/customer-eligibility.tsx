import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { useCustomerEligibility } from '../api/get-customer-eligibility.ts';
import { CollectionContent, EmptyNote } from './customer-section.tsx';
import { DetailList } from './detail-list.tsx';

const useStyles = makeStyles({
  details: { whiteSpace: 'pre-line' },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
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

  return (
    <Panel aria-labelledby="eligibility-heading">
      <PanelHeading id="eligibility-heading">{t('customerDetail.eligibility.title')}</PanelHeading>
      <CollectionContent
        query={eligibility}
        loadFailed={t('customerDetail.eligibility.loadFailed')}
        empty={<EmptyNote title={t('customerDetail.eligibility.emptyTitle')} body={t('customerDetail.eligibility.emptyBody')} />}
      >
        {(items) =>
          [...items].reverse().map((validation) => (
            <DetailList
              key={validation.id}
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
          ))
        }
      </CollectionContent>
      <Text as="p" className={styles.note}>
        {t('customerDetail.eligibility.noAgreement')}
      </Text>
    </Panel>
  );
}
