import { Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format.ts';
import { AddCustomerLink, useCanAddCustomers } from '../../../app/ui/add-customer-link.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import type { z } from 'zod';
import type { indirectResellerSchema } from '#contracts/partners.ts';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '720px', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { minWidth: 'auto' } },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  mpn: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  secondary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // On a phone the Partner ID and the location move under the name, so the action stays in view.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  // On a phone the button shows its icon only; its accessible name stays the whole phrase.
  wideLabel: { [NARROW]: { display: 'none' } },
  addButton: { [NARROW]: { minWidth: 'auto' } },
  action: { whiteSpace: 'nowrap' },
});

type IndirectReseller = z.infer<typeof indirectResellerSchema>;

export function ResellersTable({ resellers }: { resellers: IndirectReseller[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const canAdd = useCanAddCustomers();
  return (
    <ScrollRegion label={t('resellers.tableLabel')}>
      <Table className={styles.table} aria-label={t('resellers.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('resellers.columns.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('resellers.columns.mpnId')}</TableHeaderCell>
            <TableHeaderCell>{t('resellers.columns.state')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('resellers.columns.location')}</TableHeaderCell>
            {canAdd ? <TableHeaderCell>{t('resellers.columns.actions')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {resellers.map((reseller) => {
            return (
              <TableRow key={reseller.id}>
                <TableCell>
                  <span className={styles.name}>{reseller.name}</span>
                  <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                    <span className={styles.mpn}>{reseller.mpnId}</span> · {format.region(reseller.location)}
                  </span>
                </TableCell>
                <TableCell className={styles.wideOnly}>
                  <span className={styles.mpn}>{reseller.mpnId}</span>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={reseller.state === 'Active' ? 'success' : 'informative'}>
                    {t(`resellers.states.${reseller.state}`)}
                  </Badge>
                </TableCell>
                <TableCell className={styles.wideOnly}>{format.region(reseller.location)}</TableCell>
                {canAdd ? (
                  <TableCell className={styles.action}>
                    {/* Only an active partnership can be associated with a new customer. */}
                    {reseller.state === 'Active' ? (
                      <AddCustomerLink size="small" className={styles.addButton} resellerId={reseller.id} aria-label={t('resellers.addCustomerLabel', { name: reseller.name })}>
                        <span className={styles.wideLabel}>{t('resellers.addCustomer')}</span>
                      </AddCustomerLink>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
