import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { Key20Regular } from '@fluentui/react-icons';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createSecretRequestSchema, type AppRegistration } from '#contracts/apps.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { FormDialog, FormDialogSurface, ShownOnceSurface, unplacedError } from '../../../app/ui/form-dialog.tsx';
import { useAddSecret } from '../api/apps.ts';

const EXPIRY_DAYS = [90, 180, 365, 730] as const;
type Input = z.input<typeof createSecretRequestSchema>;
type Output = z.output<typeof createSecretRequestSchema>;

/** "Add secret": a description and a lifetime, then the secret, shown this once beside the application id. */
export function AddSecretDialog({ app }: { app: AppRegistration }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button icon={<Key20Regular />} aria-label={t('apps.registrations.addSecretLabel', { name: app.displayName })}>
          {t('apps.registrations.addSecret')}
        </Button>
      }
    >
      {(close) => <AddSecretSurface app={app} onClose={close} />}
    </FormDialog>
  );
}

function AddSecretSurface({ app, onClose }: { app: AppRegistration; onClose: () => void }) {
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const addSecret = useAddSecret();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(createSecretRequestSchema), defaultValues: { description: '', expiresInDays: 180 } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    addSecret.mutate({ appId: app.id, ...values }, { onError: (error) => applyServerFieldErrors(error, ['description', 'expiresInDays'], form.setError) }),
  );

  if (addSecret.data) {
    return (
      <ShownOnceSurface
        title={t('apps.secretDialog.createdTitle')}
        warning={t('apps.secretDialog.createdWarning')}
        values={[
          { label: t('apps.secretDialog.applicationIdLabel'), value: app.id },
          { label: t('apps.secretDialog.secretLabel'), value: addSecret.data.secret },
        ]}
        doneLabel={t('apps.secretDialog.done')}
        onDone={onClose}
      />
    );
  }

  return (
    <FormDialogSurface
      title={t('apps.secretDialog.title', { name: app.displayName })}
      onSubmit={(event) => void onSubmit(event)}
      error={unplacedError(addSecret.error, errors)}
      pending={addSecret.isPending}
      cancelLabel={t('apps.secretDialog.cancel')}
      submitLabel={t('apps.secretDialog.submit')}
      submittingLabel={t('apps.secretDialog.submitting')}
    >
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
    </FormDialogSurface>
  );
}
