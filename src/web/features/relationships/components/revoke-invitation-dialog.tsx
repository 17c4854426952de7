import { Button } from '@fluentui/react-components';
import { MailDismiss16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '#contracts/relationships.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

/** A pending invitation's "Revoke" button and the question that makes sure. */
export function RevokeInvitationDialog({ invitation, name }: { invitation: Invitation; name: string }) {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation();
  return (
    <ConfirmDialog
      trigger={
        <Button size="small" icon={<MailDismiss16Regular />} aria-label={t('relationships.list.revokeLabel', { name })}>
          {t('relationships.list.revoke')}
        </Button>
      }
      title={t('relationships.revokeDialog.title', { name })}
      body={t('relationships.revokeDialog.body', { name })}
      cancelLabel={t('relationships.revokeDialog.cancel')}
      confirmLabel={t('relationships.revokeDialog.confirm')}
      confirmingLabel={t('relationships.revokeDialog.confirming')}
      action={revoke}
      onConfirm={(close) => revoke.mutate(invitation.id, { onSuccess: close })}
    />
  );
}
