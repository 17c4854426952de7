import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '#contracts/orders.ts';
import { uuid } from '../../../app/api-client.ts';
import { useFormatters } from '../../../app/format.ts';
import { useUpdateSubscription } from '../api/update-subscription.ts';
import { useEditError } from './edit-error.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  input: { maxWidth: '12rem' },
  note: { margin: 0 },
});

/**
 * "Change licenses": the new total, within the offer's bounds; a decrease only as far as the licenses
 * still in their 7-day window (the server checks both again).
 */
export function ChangeLicensesDialog({ customerId, subscription }: { customerId: string; subscription: Subscription }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const editError = useEditError();
  const update = useUpdateSubscription(customerId);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(subscription.quantity));
  const [requestId, setRequestId] = useState(uuid);
  const { minimum, maximum } = subscription.quantityBounds;
  const refundable = subscription.refundableQuantity;
  const firstUntil = refundable.details[0]?.allowedUntilDateTime;
  const lowest = Math.max(minimum, subscription.quantity - refundable.totalQuantity);

  const quantity = Number(value);
  const problem =
    value.trim() === '' || !Number.isInteger(quantity)
      ? t('subscription.licenses.notWhole')
      : quantity < minimum || quantity > maximum
        ? t('subscription.licenses.outOfBounds', { min: format.number(minimum), max: format.number(maximum) })
        : quantity < lowest
          ? t('subscription.licenses.tooFew', { count: refundable.totalQuantity, min: format.number(lowest) })
          : null;

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) {
      setValue(String(subscription.quantity));
      setRequestId(uuid());
      update.reset();
    }
  };

  const save = () => {
    if (problem !== null) return;
    update.mutate({ customerId, subscription, change: { quantity }, requestId }, { onSuccess: () => setOpen(false), onError: () => setRequestId(uuid()) });
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => toggle(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('subscription.licenses.button')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="licenses-rules">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('subscription.licenses.title')}</DialogTitle>
            <DialogContent className={styles.content}>
              <div id="licenses-rules">
                <Text as="p" block className={styles.note}>
                  {t('subscription.licenses.bounds', { min: format.number(minimum), max: format.number(maximum) })}
                </Text>
                <Text as="p" block className={styles.note}>
                  {refundable.totalQuantity > 0 && firstUntil
                    ? t('subscription.licenses.canDecrease', { count: refundable.totalQuantity, until: format.dateTime(firstUntil) })
                    : t('subscription.licenses.cannotDecrease')}
                </Text>
              </div>
              <Field label={t('subscription.licenses.label')} validationMessage={value !== String(subscription.quantity) ? (problem ?? undefined) : undefined}>
                <Input className={styles.input} type="number" inputMode="numeric" min={lowest} max={maximum} step={1} value={value} onChange={(_event, data) => setValue(data.value)} />
              </Field>
              {update.isError ? (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{editError(update.error)}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={update.isPending || problem !== null || quantity === subscription.quantity} icon={update.isPending ? <Spinner size="tiny" /> : undefined}>
                {update.isPending ? t('subscription.licenses.saving') : t('subscription.licenses.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('subscription.licenses.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
