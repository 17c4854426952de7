import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '#contracts/orders.ts';
import { uuid } from '../../../app/api-client.ts';
import { useUpdateSubscription } from '../api/update-subscription.ts';
import { useEditError } from './edit-error.ts';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** "Rename": the subscription's friendly name. */
export function RenameDialog({ customerId, subscription }: { customerId: string; subscription: Subscription }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const editError = useEditError();
  const update = useUpdateSubscription(customerId);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(subscription.friendlyName);
  const [requestId, setRequestId] = useState(uuid);
  const trimmed = name.trim();

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) {
      setName(subscription.friendlyName);
      setRequestId(uuid());
      update.reset();
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => toggle(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<Edit20Regular />}>{t('subscription.rename.button')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed === '' || trimmed === subscription.friendlyName) return;
            update.mutate({ customerId, subscription, change: { friendlyName: trimmed }, requestId }, { onSuccess: () => setOpen(false), onError: () => setRequestId(uuid()) });
          }}
        >
          <DialogBody>
            <DialogTitle>{t('subscription.rename.title')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label={t('subscription.rename.label')} hint={t('subscription.rename.hint')} validationMessage={trimmed === '' ? t('subscription.rename.required') : undefined}>
                <Input value={name} maxLength={200} onChange={(_event, data) => setName(data.value)} />
              </Field>
              {update.isError ? (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{editError(update.error)}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={update.isPending || trimmed === '' || trimmed === subscription.friendlyName} icon={update.isPending ? <Spinner size="tiny" /> : undefined}>
                {update.isPending ? t('subscription.rename.saving') : t('subscription.rename.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('subscription.rename.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
