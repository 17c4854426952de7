import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { KeyReset20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { useResetAdminPassword } from '../api/reset-admin-password.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** "Reset admin password": asks, then shows the new temporary password once (kept only in memory). */
export function ResetAdminPasswordDialog({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(uuid);
  const reset = useResetAdminPassword();
  const credentials = reset.data;

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      // Forget the password when the dialog closes; the next reset is a new request.
      reset.reset();
      setId(uuid());
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => close(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<KeyReset20Regular />}>{t('customerDetail.resetPassword.button')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customerDetail.resetPassword.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {credentials ? (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>{t('customerDetail.resetPassword.once')}</MessageBarBody>
                </MessageBar>
                <CopyField label={t('customerDetail.resetPassword.user')} value={credentials.userPrincipalName} />
                <CopyField label={t('customerDetail.resetPassword.password')} value={credentials.password} />
              </>
            ) : (
              <p>{t('customerDetail.resetPassword.question')}</p>
            )}
            {reset.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>{errorMessage(reset.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            {credentials ? (
              <Button appearance="primary" onClick={() => close(false)}>
                {t('customerDetail.resetPassword.done')}
              </Button>
            ) : (
              <>
                <Button
                  appearance="primary"
                  disabled={reset.isPending}
                  icon={reset.isPending ? <Spinner size="tiny" /> : undefined}
                  onClick={() => reset.mutate({ customerId, requestId: id })}
                >
                  {t('customerDetail.resetPassword.confirm')}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t('customerDetail.resetPassword.cancel')}</Button>
                </DialogTrigger>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
