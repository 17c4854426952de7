import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerSort } from '#contracts/customers.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { RouterLink } from '../../../app/ui/router-link.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { prefetchCustomerPage } from '../api/prefetch-customer.ts';
import { DomainName } from './domain-name.tsx';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '760px', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { minWidth: 'auto', width: '100%' } },
  // The company column takes what is left; a long word breaks, but the column never shrinks to one
  // character per line, because on a phone the other columns move into it.
  company: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word' },
  domain: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'break-word' },
  secondary: { color: tokens.colorNeutralForeground2 },
  // On a phone the domain, the country and the reseller move under the company name instead of taking columns.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  none: { color: tokens.colorNeutralForeground3 },
  date: { whiteSpace: 'nowrap', [NARROW]: { width: '1%' } },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * The customers, with the company and date-added headers as sort buttons (aria-sort says the order);
 * a click on the current column reverses it.
 */
export function CustomersTable({ customers, sort, onSortChange }: { customers: Customer[]; sort: CustomerSort; onSortChange: (sort: CustomerSort) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const { instance } = useCurrentUser().partner;
  // The pointer on a row (or the focus on its link): its page's data is asked for before the click.
  const pointedAt = (customerId: string) => void prefetchCustomerPage(queryClient, customerId, instance);
  const direction = (column: 'companyName' | 'createdAt') =>
    sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
  return (
    <ScrollRegion label={t('customers.tableLabel')}>
      <Table className={styles.table} aria-label={t('customers.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell sortable sortDirection={direction('companyName')} onClick={() => onSortChange(sort === 'companyName' ? '-companyName' : 'companyName')}>
              {t('customers.columns.companyName')}
            </TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customers.columns.domain')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customers.columns.country')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customers.columns.indirectReseller')}</TableHeaderCell>
            {/* Newest first is what people look for first. */}
            <TableHeaderCell
              className={styles.date}
              sortable
              sortDirection={direction('createdAt')}
              onClick={() => onSortChange(sort === '-createdAt' ? 'createdAt' : '-createdAt')}
            >
              {t('customers.columns.createdAt')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {customers.map((customer) => (
            <TableRow key={customer.id} onPointerEnter={() => pointedAt(customer.id)} onFocus={() => pointedAt(customer.id)}>
              <TableCell>
                <div>
                  <RouterLink to={`/customers/${customer.id}`} className={styles.company}>
                    {customer.companyProfile.companyName}
                  </RouterLink>
                  <span className={mergeClasses(styles.domain, styles.secondary, styles.narrowOnly)}>
                    <DomainName domain={customer.companyProfile.domain} />
                  </span>
                  <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                    {customer.indirectReseller
                      ? t('customersList.countryViaReseller', { country: format.region(customer.billingProfile.defaultAddress.country), name: customer.indirectReseller.name })
                      : format.region(customer.billingProfile.defaultAddress.country)}
                  </span>
                </div>
              </TableCell>
              <TableCell className={styles.wideOnly}>
                <span className={styles.domain}>
                  <DomainName domain={customer.companyProfile.domain} />
                </span>
              </TableCell>
              <TableCell className={styles.wideOnly}>{format.region(customer.billingProfile.defaultAddress.country)}</TableCell>
              <TableCell className={styles.wideOnly}>
                {customer.indirectReseller ? (
                  customer.indirectReseller.name
                ) : (
                  <>
                    <span className={styles.none} aria-hidden>
                      —
                    </span>
                    <span className={styles.visuallyHidden}>{t('customers.noReseller')}</span>
                  </>
                )}
              </TableCell>
              <TableCell className={styles.date}>
                <time dateTime={customer.createdAt}>{format.date(customer.createdAt)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
