import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#contracts/customers.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { DetailList } from './detail-list.tsx';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Who the customer buys through; `action` is what the signed-in user may change about it (the reseller). */
export function CustomerRelationship({ customer, action }: { customer: Customer; action?: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const none = <span className={styles.muted}>{t('customerDetail.none')}</span>;
  return (
    <Panel aria-labelledby="relationship-heading">
      <PanelHeading id="relationship-heading">{t('customerDetail.relationship.title')}</PanelHeading>
      <DetailList
        items={[
          {
            label: t('customerDetail.relationship.relationshipToPartner'),
            value: (
              <Badge appearance="tint" color={customer.relationshipToPartner === 'none' ? 'informative' : 'brand'}>
                {t(`customerDetail.relationship.kinds.${customer.relationshipToPartner}`)}
              </Badge>
            ),
          },
          { label: t('customerDetail.relationship.indirectReseller'), value: customer.indirectReseller?.name ?? none },
          { label: t('customerDetail.relationship.indirectProvider'), value: customer.indirectProvider?.name ?? none },
        ]}
      />
      {action ? <div className={styles.actions}>{action}</div> : null}
    </Panel>
  );
}
