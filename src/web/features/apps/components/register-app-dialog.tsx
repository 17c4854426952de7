import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createAppRequestSchema } from '#contracts/apps.ts';
import { roleSchema, type Role } from '#contracts/auth.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { FormDialog, FormDialogSurface, unplacedError } from '../../../app/ui/form-dialog.tsx';
import { useRegisterApp } from '../api/apps.ts';

const useStyles = makeStyles({
  roles: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0, minInlineSize: 0 },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Input = z.input<typeof createAppRequestSchema>;
type Output = z.output<typeof createAppRequestSchema>;

/** "Register app": a name and the roles it acts with on its own. */
export function RegisterAppDialog() {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button appearance="primary" icon={<Add20Regular />}>
          {t('apps.registrations.register')}
        </Button>
      }
    >
      {(close) => <RegisterAppSurface onClose={close} />}
    </FormDialog>
  );
}

function RegisterAppSurface({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const register = useRegisterApp();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(createAppRequestSchema), defaultValues: { displayName: '', roles: ['admin_agent'] } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    register.mutate(values, { onSuccess: onClose, onError: (error) => applyServerFieldErrors(error, ['displayName', 'roles'], form.setError) }),
  );
  return (
    <FormDialogSurface
      title={t('apps.registerDialog.title')}
      onSubmit={(event) => void onSubmit(event)}
      error={unplacedError(register.error, errors)}
      pending={register.isPending}
      cancelLabel={t('apps.registerDialog.cancel')}
      submitLabel={t('apps.registerDialog.submit')}
      submittingLabel={t('apps.registerDialog.submitting')}
    >
      <Field label={t('apps.registerDialog.name')} hint={t('apps.registerDialog.nameHint')} required validationMessage={serverMessage(errors.displayName?.message)}>
        <Input {...form.register('displayName')} autoComplete="off" />
      </Field>
      <Controller
        control={form.control}
        name="roles"
        render={({ field }) => {
          const chosen = field.value ?? [];
          const toggle = (role: Role, on: boolean) => field.onChange(on ? [...chosen, role] : chosen.filter((item) => item !== role));
          // A fieldset, not a Field: a Field gives its one id to every checkbox inside it.
          return (
            <fieldset className={styles.roles} aria-describedby={errors.roles ? 'app-roles-error' : undefined}>
              <legend className={styles.legend}>{t('apps.registerDialog.roles')}</legend>
              {roleSchema.options.map((role) => (
                <Checkbox key={role} label={t(`roles.${role}`)} checked={chosen.includes(role)} onChange={(_event, data) => toggle(role, data.checked === true)} />
              ))}
              {errors.roles ? (
                <Text id="app-roles-error" className={styles.error}>
                  {serverMessage(errors.roles.message)}
                </Text>
              ) : null}
            </fieldset>
          );
        }}
      />
    </FormDialogSurface>
  );
}
