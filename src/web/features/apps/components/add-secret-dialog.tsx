import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Key20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createSecretRequestSchema, type AppRegistration } from '#contracts/apps.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { useAddSecret } from '../api/apps.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const EXPIRY_DAYS = [90, 180, 365, 730] as const;
type Input = z.input<typeof createSecretRequestSchema>;
type Output = z.output<typeof createSecretRequestSchema>;

/** "Add secret": a description and a lifetime, then the secret, shown this once beside the application id. */
export function AddSecretDialog({ app }: { app: AppRegistration }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="modal">
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<Key20Regular />} aria-label={t('apps.registrations.addSecretLabel', { name: app.displayName })}>
          {t('apps.registrations.addSecret')}
        </Button>
      </DialogTrigger>
      <AddSecretSurface app={app} onClose={() => setOpen(false)} />
    </Dialog>
  );
}

function AddSecretSurface({ app, onClose }: { app: AppRegistration; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const addSecret = useAddSecret();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(createSecretRequestSchema), defaultValues: { description: '', expiresInDays: 180 } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    addSecret.mutate({ appId: app.id, ...values }, { onError: (error) => applyServerFieldErrors(error, ['description', 'expiresInDays'], form.setError) }),
  );

  if (addSecret.data) {
    return (
      <DialogSurface aria-describedby="secret-warning">
        <DialogBody>
          <DialogTitle>{t('apps.secretDialog.createdTitle')}</DialogTitle>
          <DialogContent className={styles.form}>
            <MessageBar intent="warning" layout="multiline" id="secret-warning">
              <MessageBarBody>{t('apps.secretDialog.createdWarning')}</MessageBarBody>
            </MessageBar>
            <CopyField label={t('apps.secretDialog.applicationIdLabel')} value={app.id} />
            <CopyField label={t('apps.secretDialog.secretLabel')} value={addSecret.data.secret} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('apps.secretDialog.done')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    );
  }

  const failed = addSecret.error !== null && !Object.values(errors).some((error) => error?.type === 'server');
  return (
    <DialogSurface>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DialogBody>
          <DialogTitle>{t('apps.secretDialog.title', { name: app.displayName })}</DialogTitle>
          <DialogContent className={styles.form}>
            {failed ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(addSecret.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Field label={t('apps.secretDialog.description')} hint={t('apps.secretDialog.descriptionHint')} required validationMessage={serverMessage(errors.description?.message)}>
              <Input {...form.register('description')} autoComplete="off" />
            </Field>
            <Field label={t('apps.secretDialog.expiresInDays')} validationMessage={serverMessage(errors.expiresInDays?.message)}>
              <Select {...form.register('expiresInDays', { valueAsNumber: true })}>
                {EXPIRY_DAYS.map((days) => (
                  <option key={days} value={days}>
                    {t('apps.secretDialog.days', { count: days })}
                  </option>
                ))}
              </Select>
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('apps.secretDialog.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" type="submit" disabled={addSecret.isPending} icon={addSecret.isPending ? <Spinner size="tiny" /> : undefined}>
              {addSecret.isPending ? t('apps.secretDialog.submitting') : t('apps.secretDialog.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
