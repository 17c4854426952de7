import { Add20Regular } from '@fluentui/react-icons';
import { Badge, makeStyles, MessageBar, MessageBarBody, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '#contracts/orders.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { LinkButton, RouterLink } from '../../../app/ui/router-link.tsx';
import { useCustomerAgreements } from '../api/get-customer-agreements.ts';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useCustomerSubscriptions } from '../api/get-customer-subscriptions.ts';
import { CollectionContent, EmptyNote } from './customer-section.tsx';
import { billingCycleLabel, termLabel } from './labels.ts';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '720px', [NARROW]: { minWidth: 'auto' } },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // On a phone billing cycle, term and commitment move under the name.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  number: { fontVariantNumeric: 'tabular-nums' },
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/**
 * Add subscriptions, for a user who may order (and confirm the agreement, when it is missing: the page
 * asks for it first); one who may not confirm a missing agreement is told who can.
 */
function AddSubscriptionsAction({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // US Government has no agreement step (SPEC §8); the agreements are read by the page's agreement section already.
  const agreementApplies = user.partner.instance !== 'usgov';
  const agreements = useCustomerAgreements(customerId, agreementApplies);
  if (!user.actions.includes('orders.create')) return null;
  if (agreementApplies && !agreements.isSuccess) return null;
  const missing = agreementApplies && !(agreements.data?.items ?? []).some((agreement) => agreement.type === 'MicrosoftCustomerAgreement');
  if (missing && !user.actions.includes('agreements.confirm')) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t(user.partner.kind === 'indirect_reseller' ? 'customerDetail.subscriptions.agreementFirstReseller' : 'customerDetail.subscriptions.agreementFirst')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <LinkButton appearance="primary" icon={<Add20Regular />} to={`/customers/${customerId}/add-subscriptions`}>
      {t('customerDetail.subscriptions.add')}
    </LinkButton>
  );
}

const statusColors: Record<Subscription['status'], BadgeProps['color']> = {
  active: 'success',
  pending: 'warning',
  suspended: 'danger',
  deleted: 'subtle',
};

export function CustomerSubscriptions({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const subscriptions = useCustomerSubscriptions(customerId);

  const table = (items: Subscription[]) => (
      <ScrollRegion label={t('customerDetail.subscriptions.tableLabel')}>
        <Table className={styles.table} aria-label={t('customerDetail.subscriptions.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('customerDetail.subscriptions.columns.name')}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t('customerDetail.subscriptions.columns.quantity')}</TableHeaderCell>
              <TableHeaderCell>{t('customerDetail.subscriptions.columns.status')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.subscriptions.columns.billingCycle')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.subscriptions.columns.term')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.subscriptions.columns.commitmentEndDate')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((subscription) => {
              const commitment = subscription.commitmentEndDate ? (
                <time dateTime={subscription.commitmentEndDate}>{format.date(subscription.commitmentEndDate)}</time>
              ) : null;
              return (
                <TableRow key={subscription.id}>
                  <TableCell>
                    {/* Its own page: details, changes (for whoever may manage subscriptions) and history. */}
                    <RouterLink className={styles.name} to={`/customers/${customerId}/subscriptions/${subscription.id}`}>
                      {subscription.friendlyName}
                    </RouterLink>
                    {subscription.offerName !== subscription.friendlyName ? <span className={styles.secondary}>{subscription.offerName}</span> : null}
                    <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                      {billingCycleLabel(t, subscription.billingCycle)} · {termLabel(t, subscription.termDuration)}
                      {commitment ? <> · {commitment}</> : null}
                    </span>
                  </TableCell>
                  <TableCell className={styles.number}>{format.number(subscription.quantity)}</TableCell>
                  <TableCell className={styles.nowrap}>
                    <Badge appearance="tint" color={statusColors[subscription.status]}>
                      {t(`customerDetail.subscriptions.statuses.${subscription.status}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.wideOnly}>{billingCycleLabel(t, subscription.billingCycle)}</TableCell>
                  <TableCell className={styles.wideOnly}>{termLabel(t, subscription.termDuration)}</TableCell>
                  <TableCell className={mergeClasses(styles.wideOnly, styles.nowrap)}>
                    {commitment ?? <span className={styles.muted}>{t('customerDetail.none')}</span>}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    );

  return (
    <Panel aria-labelledby="subscriptions-heading">
      <div className={styles.header}>
        <PanelHeading id="subscriptions-heading">{t('customerDetail.subscriptions.title')}</PanelHeading>
        <AddSubscriptionsAction customerId={customerId} />
      </div>
      <CollectionContent
        query={subscriptions}
        loadFailed={t('customerDetail.subscriptions.loadFailed')}
        empty={<EmptyNote title={t('customerDetail.subscriptions.emptyTitle')} body={t('customerDetail.subscriptions.emptyBody')} />}
      >
        {table}
      </CollectionContent>
    </Panel>
  );
}
