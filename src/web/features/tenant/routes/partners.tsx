import '../locales/register-en-US.ts';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  shorthands,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantSession } from '#contracts/tenant.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { useRemovePartner, useTenantPartners, useTenantSession, useTenantSignOut } from '../api/tenant.ts';
import { TenantLayout } from '../components/tenant-layout.tsx';
import { TenantGate } from '../components/tenant-sign-in.tsx';

/** Below this width the table's five columns do not fit: each partner is a block of its own. */
const NARROW = '@media (max-width: 599px)';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { [NARROW]: { display: 'none' } },
  list: {
    display: 'none',
    [NARROW]: { display: 'flex' },
    flexDirection: 'column',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalM,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  itemName: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  itemAction: { alignSelf: 'flex-start', marginBlockStart: tokens.spacingVerticalXS },
  signOut: { alignSelf: 'flex-start' },
});

type TenantPartner = NonNullable<ReturnType<typeof useTenantPartners>['data']>['items'][number];

/** The other tier a partner sells with: a provider's reseller, or a reseller's provider. */
const throughOf = (partner: TenantPartner) => partner.indirectReseller?.name ?? partner.indirectProvider?.name ?? null;

/** /tenant/partners: the customer admin's partners, with Remove. */
export function Component() {
  const { t } = useTranslation();
  const session = useTenantSession();
  const signedIn = session.data ?? null;
  const subtitle = signedIn && !signedIn.mustChangePassword ? t('tenant.partners.subtitle', { company: signedIn.customer.companyName, domain: signedIn.customer.domain }) : undefined;
  return (
    <TenantLayout title={t('tenant.partners.title')} subtitle={subtitle} wide>
      {session.isPending ? <Spinner label={t('app.loading')} /> : <TenantGate session={signedIn}>{(current) => <Partners session={current} />}</TenantGate>}
    </TenantLayout>
  );
}

function Partners({ session }: { session: TenantSession }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const partners = useTenantPartners(true);
  const remove = useRemovePartner(session);
  const signOut = useTenantSignOut(session);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);

  return (
    <div className={styles.stack}>
      {partners.isError ? (
        <MessageBar intent="error" role="alert"><MessageBarBody>{errorMessage(partners.error)}</MessageBarBody></MessageBar>
      ) : null}
      {remove.error ? (
        <MessageBar intent="error" role="alert"><MessageBarBody>{errorMessage(remove.error)}</MessageBarBody></MessageBar>
      ) : null}
      {partners.isPending ? <Spinner label={t('app.loading')} /> : null}
      {partners.data && partners.data.items.length === 0 ? <Text>{t('tenant.partners.empty')}</Text> : null}
      {partners.data && partners.data.items.length > 0 ? (
        <>
          <Table aria-label={t('tenant.partners.tableLabel')} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('tenant.partners.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('tenant.partners.columns.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('tenant.partners.columns.via')}</TableHeaderCell>
                <TableHeaderCell>{t('tenant.partners.columns.since')}</TableHeaderCell>
                <TableHeaderCell>{t('tenant.partners.columns.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {partners.data.items.map((partner) => (
                <TableRow key={partner.id}>
                  <TableCell>{partner.name}</TableCell>
                  <TableCell>{t(`tenant.kinds.${partner.kind}`)}</TableCell>
                  <TableCell>{throughOf(partner) ?? '—'}</TableCell>
                  <TableCell>{format.date(partner.since)}</TableCell>
                  <TableCell>
                    <Button size="small" aria-label={t('tenant.partners.removeLabel', { name: partner.name })} onClick={() => setRemoving({ id: partner.id, name: partner.name })}>
                      {t('tenant.partners.remove')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ul aria-label={t('tenant.partners.tableLabel')} className={styles.list}>
            {partners.data.items.map((partner) => {
              const through = throughOf(partner);
              return (
                <li key={partner.id} className={styles.item}>
                  <Text className={styles.itemName}>{partner.name}</Text>
                  <Text className={styles.muted}>
                    {through ? t('tenant.partners.kindThrough', { kind: t(`tenant.kinds.${partner.kind}`), through }) : t(`tenant.kinds.${partner.kind}`)}
                  </Text>
                  <Text className={styles.muted}>{t('tenant.partners.sinceDate', { date: format.date(partner.since) })}</Text>
                  <Button size="small" className={styles.itemAction} aria-label={t('tenant.partners.removeLabel', { name: partner.name })} onClick={() => setRemoving({ id: partner.id, name: partner.name })}>
                    {t('tenant.partners.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <Button className={styles.signOut} onClick={() => signOut.mutate()} disabled={signOut.isPending}>{t('tenant.partners.signOut')}</Button>
      <Dialog open={removing !== null} modalType="alert" onOpenChange={(_, data) => { if (!data.open) setRemoving(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('tenant.partners.removeTitle', { name: removing?.name ?? '' })}</DialogTitle>
            <DialogContent>{t('tenant.partners.removeBody', { name: removing?.name ?? '' })}</DialogContent>
            <DialogActions>
              <Button onClick={() => setRemoving(null)}>{t('tenant.partners.cancel')}</Button>
              <Button
                appearance="primary"
                disabled={remove.isPending}
                onClick={() => {
                  if (removing) remove.mutate(removing.id, { onSettled: () => setRemoving(null) });
                }}
              >
                {remove.isPending ? t('tenant.partners.removing') : t('tenant.partners.removeConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
