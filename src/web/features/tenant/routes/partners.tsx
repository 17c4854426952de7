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

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
  signOut: { alignSelf: 'flex-start' },
});

/** /tenant/partners: the customer admin's partners, with Remove. */
export function Component() {
  const { t } = useTranslation();
  const session = useTenantSession();
  const signedIn = session.data ?? null;
  const subtitle = signedIn && !signedIn.mustChangePassword ? t('tenant.partners.subtitle', { company: signedIn.customer.companyName, domain: signedIn.customer.domain }) : undefined;
  return (
    <TenantLayout title={t('tenant.partners.title')} subtitle={subtitle}>
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
        <div className={styles.scroll}>
          <Table aria-label={t('tenant.partners.tableLabel')}>
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
                  <TableCell>{partner.indirectReseller?.name ?? partner.indirectProvider?.name ?? '—'}</TableCell>
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
        </div>
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
