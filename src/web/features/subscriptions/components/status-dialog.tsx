import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '#contracts/orders.ts';
import { uuid } from '../../../app/api-client.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { useUpdateSubscription } from '../api/update-subscription.ts';
import { useEditError } from './edit-error.ts';

/** Suspend an active subscription, or reactivate a suspended one, after the question. */
export function StatusDialog({ customerId, subscription }: { customerId: string; subscription: Subscription }) {
  const { t } = useTranslation();
  const editError = useEditError();
  const update = useUpdateSubscription(customerId);
  const [requestId, setRequestId] = useState(uuid);
  const current: 'reactivate' | 'suspend' = subscription.status === 'suspended' ? 'reactivate' : 'suspend';
  // The question keeps the action it was opened for: once the change lands the subscription's status flips
  // while the dialog is still closing, and it would otherwise read "Reactivate" on its way out.
  const [kind, setKind] = useState(current);
  // The error is shown here, in our words for a 412, rather than in ConfirmDialog's general ones.
  const action = { isPending: update.isPending, isError: false, error: null, reset: update.reset };
  return (
    <ConfirmDialog
      trigger={<Button onClick={() => setKind(current)}>{t(`subscription.${current}.button`)}</Button>}
      title={t(`subscription.${kind}.title`)}
      body={
        <>
          <p>{t(`subscription.${kind}.body`, { name: subscription.friendlyName })}</p>
          {update.isError ? (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{editError(update.error)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      }
      cancelLabel={t(`subscription.${kind}.cancel`)}
      confirmLabel={t(`subscription.${kind}.confirm`)}
      confirmingLabel={t(`subscription.${kind}.confirming`)}
      action={action}
      onConfirm={(close) =>
        update.mutate(
          { customerId, subscription, change: { status: kind === 'suspend' ? 'suspended' : 'active' }, requestId },
          {
            onSuccess: () => {
              setRequestId(uuid());
              close();
            },
            onError: () => setRequestId(uuid()),
          },
        )
      }
    />
  );
}
