import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Checkbox,
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
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createAppRequestSchema } from '#contracts/apps.ts';
import { roleSchema, type Role } from '#contracts/auth.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useRegisterApp } from '../api/apps.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  roles: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0, minInlineSize: 0 },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Input = z.input<typeof createAppRequestSchema>;
type Output = z.output<typeof createAppRequestSchema>;

/** "Register app": a name and the roles it acts with on its own. */
export function RegisterAppDialog() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="modal">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<Add20Regular />}>
          {t('apps.registrations.register')}
        </Button>
      </DialogTrigger>
      <RegisterAppSurface onClose={() => setOpen(false)} />
    </Dialog>
  );
}

function RegisterAppSurface({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const register = useRegisterApp();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(createAppRequestSchema), defaultValues: { displayName: '', roles: ['admin_agent'] } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    register.mutate(values, { onSuccess: onClose, onError: (error) => applyServerFieldErrors(error, ['displayName', 'roles'], form.setError) }),
  );
  const failed = register.error !== null && !Object.values(errors).some((error) => error?.type === 'server');
  return (
    <DialogSurface>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DialogBody>
          <DialogTitle>{t('apps.registerDialog.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            {failed ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(register.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Field
              label={t('apps.registerDialog.name')}
              hint={t('apps.registerDialog.nameHint')}
              required
              validationMessage={serverMessage(errors.displayName?.message)}
            >
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
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('apps.registerDialog.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" type="submit" disabled={register.isPending} icon={register.isPending ? <Spinner size="tiny" /> : undefined}>
              {register.isPending ? t('apps.registerDialog.submitting') : t('apps.registerDialog.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
