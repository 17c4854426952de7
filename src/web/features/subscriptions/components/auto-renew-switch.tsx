import { Field, MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '#contracts/orders.ts';
import { uuid } from '../../../app/api-client.ts';
import { useUpdateSubscription } from '../api/update-subscription.ts';
import { useEditError } from './edit-error.ts';

/** Auto-renew on or off, saved as it is switched. */
export function AutoRenewSwitch({ customerId, subscription, disabled }: { customerId: string; subscription: Subscription; disabled: boolean }) {
  const { t } = useTranslation();
  const editError = useEditError();
  const update = useUpdateSubscription(customerId);
  const [requestId, setRequestId] = useState(uuid);
  const checked = update.isPending ? (update.variables.change.autoRenewEnabled ?? subscription.autoRenewEnabled) : subscription.autoRenewEnabled;
  return (
    <Field>
      <Switch
        checked={checked}
        disabled={disabled || update.isPending}
        label={`${t('subscription.autoRenew.label')} · ${checked ? t('subscription.autoRenew.on') : t('subscription.autoRenew.off')}`}
        onChange={(_event, data) =>
          update.mutate(
            { customerId, subscription, change: { autoRenewEnabled: data.checked }, requestId },
            { onSuccess: () => setRequestId(uuid()), onError: () => setRequestId(uuid()) },
          )
        }
      />
      {update.isError ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {t('subscription.autoRenew.failed')} {editError(update.error)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Field>
  );
}
