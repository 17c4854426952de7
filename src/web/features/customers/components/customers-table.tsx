import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#contracts/customers.ts';
import { useFormatters } from '../../../app/format.ts';
import { RouterLink } from '../../../app/ui/router-link.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { DomainName } from './domain-name.tsx';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '760px', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { minWidth: 'auto' } },
  company: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  domain: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'break-word' },
  secondary: { color: tokens.colorNeutralForeground2 },
  // On a phone the domain and the reseller move under the company name instead of taking columns.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  none: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export function CustomersTable({ customers }: { customers: Customer[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ScrollRegion label={t('customers.tableLabel')}>
      <Table className={styles.table} aria-label={t('customers.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('customers.columns.companyName')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customers.columns.domain')}</TableHeaderCell>
            <TableHeaderCell>{t('customers.columns.country')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customers.columns.indirectReseller')}</TableHeaderCell>
            <TableHeaderCell>{t('customers.columns.createdAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {customers.map((customer) => (
            <TableRow key={customer.id}>
              <TableCell>
                <div>
                  <RouterLink to={`/customers/${customer.id}`} className={styles.company}>
                    {customer.companyProfile.companyName}
                  </RouterLink>
                  <span className={mergeClasses(styles.domain, styles.secondary, styles.narrowOnly)}>
                    <DomainName domain={customer.companyProfile.domain} />
                  </span>
                  {customer.indirectReseller ? (
                    <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                      {t('customers.viaReseller', { name: customer.indirectReseller.name })}
                    </span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className={styles.wideOnly}>
                <span className={styles.domain}>
                  <DomainName domain={customer.companyProfile.domain} />
                </span>
              </TableCell>
              <TableCell>{format.region(customer.billingProfile.defaultAddress.country)}</TableCell>
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
              <TableCell className={styles.nowrap}>
                <time dateTime={customer.createdAt}>{format.date(customer.createdAt)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
