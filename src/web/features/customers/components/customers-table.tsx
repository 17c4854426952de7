import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#contracts/customers.ts';
import { useFormatters } from '../../../app/format.ts';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '640px', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { minWidth: 'auto' } },
  company: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  domain: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // On a phone the domain moves under the company name instead of taking a column.
  domainColumn: { [NARROW]: { display: 'none' } },
  domainInline: { display: 'none', color: tokens.colorNeutralForeground2, [NARROW]: { display: 'block' } },
  nowrap: { whiteSpace: 'nowrap' },
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
            <TableHeaderCell className={styles.domainColumn}>{t('customers.columns.domain')}</TableHeaderCell>
            <TableHeaderCell>{t('customers.columns.country')}</TableHeaderCell>
            <TableHeaderCell>{t('customers.columns.createdAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {customers.map((customer) => (
            <TableRow key={customer.id}>
              <TableCell>
                <div>
                  <Text className={styles.company}>{customer.companyProfile.companyName}</Text>
                  <span className={mergeClasses(styles.domain, styles.domainInline)}>{customer.companyProfile.domain}</span>
                </div>
              </TableCell>
              <TableCell className={styles.domainColumn}>
                <span className={styles.domain}>{customer.companyProfile.domain}</span>
              </TableCell>
              <TableCell>{format.region(customer.billingProfile.defaultAddress.country)}</TableCell>
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
