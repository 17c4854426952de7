import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
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
import { SignOut20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useAppSignIn, useCreateRefreshToken, useRevokeSignIn } from '../api/apps.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  description: { display: 'block', color: tokens.colorNeutralForeground2, maxWidth: '72ch', marginBlockStart: tokens.spacingVerticalXS },
  create: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  select: { minWidth: 'min(100%, 280px)' },
  table: { tableLayout: 'auto', minWidth: '560px' },
  nowrap: { whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

type Grant = { id: string; appName: string; createdAt: string; lastUsedAt: string; expiresAt: string };

function RevokeSignInButton({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const revoke = useRevokeSignIn();
  return (
    <ConfirmDialog
      trigger={
        <Button size="small" icon={<SignOut20Regular />} aria-label={t('apps.signIn.revokeLabel', { name: grant.appName })}>
          {t('apps.signIn.revoke')}
        </Button>
      }
      title={t('apps.signIn.revokeDialog.title', { name: grant.appName })}
      body={t('apps.signIn.revokeDialog.body')}
      cancelLabel={t('apps.signIn.revokeDialog.cancel')}
      confirmLabel={t('apps.signIn.revokeDialog.confirm')}
      confirmingLabel={t('apps.signIn.revokeDialog.confirming')}
      action={revoke}
      onConfirm={(close) => revoke.mutate(grant.id, { onSuccess: close })}
    />
  );
}

/** App + user: the signed-in user makes a refresh token for one of its organisation's apps, and sees and ends its app sign-ins. */
export function AppSignInSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const signIn = useAppSignIn();
  const create = useCreateRefreshToken();
  const [chosen, setChosen] = useState<string>('');

  let content;
  if (signIn.isPending) content = <Loading />;
  else if (signIn.isError) content = <QueryError title={t('apps.signIn.loadFailed')} error={signIn.error} onRetry={() => void signIn.refetch()} />;
  else {
    const { apps, items } = signIn.data;
    const appId = chosen || apps[0]?.id || '';
    const created = create.data;
    const createdFor = created ? apps.find((app) => app.id === created.appId)?.displayName ?? created.appId : '';
    content = (
      <div className={styles.content}>
        {apps.length === 0 ? (
          <Text className={styles.meta}>{t('apps.signIn.noApps')}</Text>
        ) : (
          <div className={styles.create}>
            <Field label={t('apps.signIn.app')} className={styles.select}>
              <Select value={appId} onChange={(_event, data) => setChosen(data.value)}>
                {apps.map((app) => (
                  <option key={app.id} value={app.id}>
                    {app.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            <Button appearance="primary" disabled={create.isPending || !appId} icon={create.isPending ? <Spinner size="tiny" /> : undefined} onClick={() => create.mutate(appId)}>
              {create.isPending ? t('apps.signIn.creating') : t('apps.signIn.create')}
            </Button>
          </div>
        )}
        {create.isError ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{errorMessage(create.error)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {created ? (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('apps.signIn.createdTitle')}</MessageBarTitle>
                {t('apps.signIn.createdWarning')}
              </MessageBarBody>
            </MessageBar>
            <CopyField label={t('apps.signIn.tokenLabel', { name: createdFor })} value={created.refreshToken} />
          </>
        ) : null}
        {items.length === 0 ? (
          <Text className={styles.meta}>{t('apps.signIn.emptyGrants')}</Text>
        ) : (
          <ScrollRegion label={t('apps.signIn.grantsLabel')}>
            <Table className={styles.table} aria-label={t('apps.signIn.grantsLabel')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('apps.signIn.columns.app')}</TableHeaderCell>
                  <TableHeaderCell>{t('apps.signIn.columns.createdAt')}</TableHeaderCell>
                  <TableHeaderCell>{t('apps.signIn.columns.lastUsedAt')}</TableHeaderCell>
                  <TableHeaderCell>{t('apps.signIn.columns.expiresAt')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className={styles.visuallyHidden}>{t('apps.signIn.columns.actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((grant) => (
                  <TableRow key={grant.id}>
                    <TableCell>{grant.appName}</TableCell>
                    <TableCell className={styles.nowrap}>{format.dateTime(grant.createdAt)}</TableCell>
                    <TableCell className={styles.nowrap}>{format.dateTime(grant.lastUsedAt)}</TableCell>
                    <TableCell className={styles.nowrap}>{format.date(grant.expiresAt)}</TableCell>
                    <TableCell>
                      <RevokeSignInButton grant={grant} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </div>
    );
  }
  return (
    <Panel aria-labelledby="app-sign-in-heading">
      <div>
        <PanelHeading id="app-sign-in-heading">{t('apps.signIn.title')}</PanelHeading>
        <Text className={styles.description}>{t('apps.signIn.description')}</Text>
      </div>
      {content}
    </Panel>
  );
}
