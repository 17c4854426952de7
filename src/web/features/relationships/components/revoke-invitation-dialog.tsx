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
import { MailDismiss16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '#contracts/relationships.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed },
  },
});

/** A pending invitation's "Revoke" button and the question that makes sure. */
export function RevokeInvitationDialog({ invitation, name }: { invitation: Invitation; name: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const revoke = useRevokeInvitation();
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
        <Button size="small" icon={<MailDismiss16Regular />} aria-label={t('relationships.list.revokeLabel', { name })}>
          {t('relationships.list.revoke')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('relationships.revokeDialog.title', { name })}</DialogTitle>
          <DialogContent className={styles.content}>
            {t('relationships.revokeDialog.body', { name })}
            {revoke.isError ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(revoke.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('relationships.revokeDialog.cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={styles.danger}
              disabled={revoke.isPending}
              icon={revoke.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => revoke.mutate(invitation.id, { onSuccess: () => setOpen(false) })}
            >
              {revoke.isPending ? t('relationships.revokeDialog.confirming') : t('relationships.revokeDialog.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
