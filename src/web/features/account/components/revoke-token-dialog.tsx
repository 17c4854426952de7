import { Button } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '#contracts/auth.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { useRevokeToken } from '../api/revoke-token.ts';

/** A token's "Revoke" button and the question that makes sure. */
export function RevokeTokenDialog({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <ConfirmDialog
      trigger={
        <Button size="small" icon={<Delete20Regular />} aria-label={t('account.tokens.revokeLabel', { name: token.name })}>
          {t('account.tokens.revoke')}
        </Button>
      }
      title={t('account.tokens.revokeDialog.title', { name: token.name })}
      body={t('account.tokens.revokeDialog.body')}
      cancelLabel={t('account.tokens.revokeDialog.cancel')}
      confirmLabel={t('account.tokens.revokeDialog.confirm')}
      confirmingLabel={t('account.tokens.revokeDialog.confirming')}
      action={revoke}
      onConfirm={(close) => revoke.mutate(token.id, { onSuccess: close })}
    />
  );
}
