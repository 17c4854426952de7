import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format.ts';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import type { z } from 'zod';
import type { indirectResellerSchema } from '#contracts/customers.ts';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '560px', backgroundColor: tokens.colorNeutralBackground1 },
  name: { fontWeight: tokens.fontWeightSemibold },
  mpn: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type IndirectReseller = z.infer<typeof indirectResellerSchema>;

export function ResellersTable({ resellers }: { resellers: IndirectReseller[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ScrollRegion label={t('resellers.tableLabel')}>
      <Table className={styles.table} aria-label={t('resellers.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('resellers.columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('resellers.columns.mpnId')}</TableHeaderCell>
            <TableHeaderCell>{t('resellers.columns.state')}</TableHeaderCell>
            <TableHeaderCell>{t('resellers.columns.location')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {resellers.map((reseller) => {
            return (
              <TableRow key={reseller.id}>
                <TableCell>
                  <span className={styles.name}>{reseller.name}</span>
                </TableCell>
                <TableCell>
                  <span className={styles.mpn}>{reseller.mpnId}</span>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={reseller.state === 'Active' ? 'success' : 'informative'}>
                    {t(`resellers.states.${reseller.state}`)}
                  </Badge>
                </TableCell>
                <TableCell>{format.region(reseller.location)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
