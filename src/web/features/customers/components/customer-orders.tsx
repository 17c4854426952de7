import { Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Order } from '#contracts/orders.ts';
import { useFormatters } from '../../../app/format.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useCustomerOrders } from '../api/get-customer-orders.ts';
import { CollectionContent, EmptyNote } from './customer-section.tsx';
import { billingCycleLabel } from './labels.ts';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '720px', [NARROW]: { minWidth: 'auto' } },
  id: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    [NARROW]: { color: tokens.colorNeutralForeground2 },
  },
  narrowDate: { fontWeight: tokens.fontWeightSemibold },
  // Several lines in one cell: room above and below, so they do not touch the row's borders.
  items: { listStyleType: 'none', margin: 0, padding: 0, paddingBlock: tokens.spacingVerticalS, overflowWrap: 'anywhere', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  friendlyName: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  nowrap: { whiteSpace: 'nowrap' },
});

const statusColors: Record<Order['status'], BadgeProps['color']> = {
  completed: 'success',
  pending: 'warning',
  cancelled: 'subtle',
};

export function CustomerOrders({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const orders = useCustomerOrders(customerId);

  const table = (unsorted: Order[]) => {
    const items = [...unsorted].sort((a, b) => b.creationDate.localeCompare(a.creationDate));
    return (
      <ScrollRegion label={t('customerDetail.orders.tableLabel')}>
        <Table className={styles.table} aria-label={t('customerDetail.orders.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('customerDetail.orders.columns.order')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.orders.columns.creationDate')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.orders.columns.items')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('customerDetail.orders.columns.billingCycle')}</TableHeaderCell>
              <TableHeaderCell>{t('customerDetail.orders.columns.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((order) => {
              const lineItems = (
                <ul className={styles.items}>
                  {order.lineItems.map((line) => (
                    <li key={line.lineItemNumber}>
                      {t('customerDetail.orders.lineItem', { name: line.offerName, quantity: line.quantity })}
                      {line.friendlyName && line.friendlyName !== line.offerName ? <span className={styles.friendlyName}>{line.friendlyName}</span> : null}
                    </li>
                  ))}
                </ul>
              );
              return (
                <TableRow key={order.id}>
                  <TableCell>
                    {/* On a phone: when, what, then the id, so the row reads as a card. */}
                    <span className={mergeClasses(styles.narrowOnly, styles.narrowDate)}>
                      <time dateTime={order.creationDate}>{format.date(order.creationDate)}</time> · {billingCycleLabel(t, order.billingCycle)}
                    </span>
                    <div className={styles.narrowOnly}>{lineItems}</div>
                    <span className={styles.id}>{order.id}</span>
                  </TableCell>
                  <TableCell className={mergeClasses(styles.wideOnly, styles.nowrap)}>
                    <time dateTime={order.creationDate}>{format.dateTime(order.creationDate)}</time>
                  </TableCell>
                  <TableCell className={styles.wideOnly}>{lineItems}</TableCell>
                  <TableCell className={styles.wideOnly}>{billingCycleLabel(t, order.billingCycle)}</TableCell>
                  <TableCell className={styles.nowrap}>
                    <Badge appearance="tint" color={statusColors[order.status]}>
                      {t(`customerDetail.orders.statuses.${order.status}`)}
                    </Badge>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    );
  };

  return (
    <Panel aria-labelledby="orders-heading">
      <PanelHeading id="orders-heading">{t('customerDetail.orders.title')}</PanelHeading>
      <CollectionContent
        query={orders}
        loadFailed={t('customerDetail.orders.loadFailed')}
        empty={<EmptyNote title={t('customerDetail.orders.emptyTitle')} body={t('customerDetail.orders.emptyBody')} />}
      >
        {table}
      </CollectionContent>
    </Panel>
  );
}
