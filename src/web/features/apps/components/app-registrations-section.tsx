import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { AppGeneric24Regular, Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { AppRegistration } from '#contracts/apps.ts';
import { useFormatters } from '../../../app/format.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useApps, useDeleteApp, useRevokeSecret } from '../api/apps.ts';
import { AddSecretDialog } from './add-secret-dialog.tsx';
import { RegisterAppDialog } from './register-app-dialog.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  description: { display: 'block', color: tokens.colorNeutralForeground2, maxWidth: '72ch', marginBlockStart: tokens.spacingVerticalXS },
  apps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  app: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  appHeader: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  appName: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  table: { tableLayout: 'auto', minWidth: '640px' },
  hint: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

function RevokeSecretButton({ app, secret }: { app: AppRegistration; secret: AppRegistration['secrets'][number] }) {
  const { t } = useTranslation();
  const revoke = useRevokeSecret();
  return (
    <ConfirmDialog
      trigger={
        <Button size="small" icon={<Delete20Regular />} aria-label={t('apps.registrations.revokeSecretLabel', { description: secret.description })}>
          {t('apps.registrations.revokeSecret')}
        </Button>
      }
      title={t('apps.registrations.revokeSecretDialog.title', { description: secret.description })}
      body={t('apps.registrations.revokeSecretDialog.body')}
      cancelLabel={t('apps.registrations.revokeSecretDialog.cancel')}
      confirmLabel={t('apps.registrations.revokeSecretDialog.confirm')}
      confirmingLabel={t('apps.registrations.revokeSecretDialog.confirming')}
      action={revoke}
      onConfirm={(close) => revoke.mutate({ appId: app.id, secretId: secret.id }, { onSuccess: close })}
    />
  );
}

function DeleteAppButton({ app }: { app: AppRegistration }) {
  const { t } = useTranslation();
  const remove = useDeleteApp();
  return (
    <ConfirmDialog
      trigger={
        <Button icon={<Delete20Regular />} aria-label={t('apps.registrations.deleteAppLabel', { name: app.displayName })}>
          {t('apps.registrations.deleteApp')}
        </Button>
      }
      title={t('apps.registrations.deleteDialog.title', { name: app.displayName })}
      body={t('apps.registrations.deleteDialog.body')}
      cancelLabel={t('apps.registrations.deleteDialog.cancel')}
      confirmLabel={t('apps.registrations.deleteDialog.confirm')}
      confirmingLabel={t('apps.registrations.deleteDialog.confirming')}
      action={remove}
      onConfirm={(close) => remove.mutate(app.id, { onSuccess: close })}
    />
  );
}

function AppCard({ app }: { app: AppRegistration }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const now = Date.now();
  return (
    <article className={styles.app} aria-label={app.displayName}>
      <div className={styles.appHeader}>
        <div>
          <Text as="h3" className={styles.appName}>
            {app.displayName}
          </Text>
          <Text block className={styles.meta}>
            {t('apps.registrations.created', { date: format.date(app.createdAt) })}
          </Text>
        </div>
        <div className={styles.actions}>
          <AddSecretDialog app={app} />
          <DeleteAppButton app={app} />
        </div>
      </div>
      <CopyField label={t('apps.registrations.applicationId')} value={app.id} />
      <div className={styles.roles}>
        <Text className={styles.meta}>{t('apps.registrations.roles')}</Text>
        {app.roles.map((role) => (
          <Badge key={role} appearance="tint" color="informative">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </div>
      {app.secrets.length === 0 ? (
        <Text className={styles.meta}>{t('apps.registrations.noSecrets')}</Text>
      ) : (
        <ScrollRegion label={t('apps.registrations.secretsLabel', { name: app.displayName })}>
          <Table className={styles.table} aria-label={t('apps.registrations.secretsLabel', { name: app.displayName })} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('apps.registrations.columns.description')}</TableHeaderCell>
                <TableHeaderCell>{t('apps.registrations.columns.hint')}</TableHeaderCell>
                <TableHeaderCell>{t('apps.registrations.columns.createdAt')}</TableHeaderCell>
                <TableHeaderCell>{t('apps.registrations.columns.expiresAt')}</TableHeaderCell>
                <TableHeaderCell>{t('apps.registrations.columns.lastUsedAt')}</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.visuallyHidden}>{t('apps.registrations.columns.actions')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {app.secrets.map((secret) => (
                <TableRow key={secret.id}>
                  <TableCell>{secret.description}</TableCell>
                  <TableCell>
                    <span className={styles.hint}>{secret.hint}…</span>
                  </TableCell>
                  <TableCell className={styles.nowrap}>{format.date(secret.createdAt)}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {Date.parse(secret.expiresAt) <= now ? (
                      <Badge appearance="tint" color="danger">
                        {t('apps.registrations.expired')}
                      </Badge>
                    ) : (
                      format.date(secret.expiresAt)
                    )}
                  </TableCell>
                  <TableCell>{secret.lastUsedAt ? format.dateTime(secret.lastUsedAt) : t('apps.registrations.notUsed')}</TableCell>
                  <TableCell>
                    <RevokeSecretButton app={app} secret={secret} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </article>
  );
}

/** The organisation's app registrations (global admins): register, add and revoke secrets, delete. */
export function AppRegistrationsSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const apps = useApps(true);
  let content;
  if (apps.isPending) content = <Loading />;
  else if (apps.isError) content = <QueryError title={t('apps.registrations.loadFailed')} error={apps.error} onRetry={() => void apps.refetch()} />;
  else if (apps.data.length === 0) content = <EmptyState icon={<AppGeneric24Regular />} title={t('apps.registrations.emptyTitle')} body={t('apps.registrations.emptyBody')} />;
  else
    content = (
      <div className={styles.apps}>
        {apps.data.map((app) => (
          <AppCard key={app.id} app={app} />
        ))}
      </div>
    );
  return (
    <Panel aria-labelledby="app-registrations-heading">
      <div className={styles.header}>
        <div>
          <PanelHeading id="app-registrations-heading">{t('apps.registrations.title')}</PanelHeading>
          <Text className={styles.description}>{t('apps.registrations.description')}</Text>
        </div>
        <RegisterAppDialog />
      </div>
      {content}
    </Panel>
  );
}
