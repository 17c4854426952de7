import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
  makeStyles,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '#contracts/auth.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useRevokeToken } from '../api/revoke-token.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed },
  },
});

/** A token's "Revoke" button and the question that makes sure. */
export function RevokeTokenDialog({ token }: { token: ApiToken }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const revoke = useRevokeToken();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (!data.open) revoke.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" icon={<Delete20Regular />} aria-label={t('account.tokens.revokeLabel', { name: token.name })}>
          {t('account.tokens.revoke')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('account.tokens.revokeDialog.title', { name: token.name })}</DialogTitle>
          <DialogContent className={styles.content}>
            {t('account.tokens.revokeDialog.body')}
            {revoke.isError ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(revoke.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('account.tokens.revokeDialog.cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={styles.danger}
              disabled={revoke.isPending}
              icon={revoke.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => revoke.mutate(token.id, { onSuccess: () => setOpen(false) })}
            >
              {revoke.isPending ? t('account.tokens.revokeDialog.confirming') : t('account.tokens.revokeDialog.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
