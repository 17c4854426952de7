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
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createPartnerUserSchema, type CreatePartnerUser } from '#contracts/team.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useCreateUser } from '../api/create-user.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';
import { TemporaryPasswordSurface } from './temporary-password.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type AddUserInput = z.input<typeof createPartnerUserSchema>;
const FIELDS = ['displayName', 'email', 'roles'] as const;

/** "Add user": name, email and roles, then the temporary password, shown this once. */
export function AddUserDialog() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="modal">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<PersonAdd20Regular />}>
          {t('team.add')}
        </Button>
      </DialogTrigger>
      {/* The surface unmounts when the dialog closes: the password is forgotten, the form starts empty. */}
      <AddUserSurface onClose={() => setOpen(false)} />
    </Dialog>
  );
}

function AddUserSurface({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const createUser = useCreateUser();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AddUserInput, unknown, CreatePartnerUser>({
    resolver: zodResolver(createPartnerUserSchema),
    defaultValues: { displayName: '', email: '', roles: [] },
  });

  const onSubmit = handleSubmit((values) => createUser.mutate(values, { onError: (error) => applyServerFieldErrors(error, FIELDS, setError) }));

  if (createUser.data) return <TemporaryPasswordSurface user={createUser.data} title={t('team.password.createdTitle')} onDone={onClose} />;

  const failed = createUser.error !== null && !Object.values(errors).some((error) => error?.type === 'server');
  const rolesError = errors.roles ? (errors.roles.type === 'server' ? serverMessage(errors.roles.message) : t('team.rolesRequired')) : undefined;
  return (
    <DialogSurface>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DialogBody>
          <DialogTitle>{t('team.addDialog.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            {failed ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(createUser.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Field label={t('team.addDialog.name')} required validationMessage={serverMessage(errors.displayName?.message)}>
              <Input {...register('displayName')} autoComplete="off" />
            </Field>
            <Field label={t('team.addDialog.email')} hint={t('team.addDialog.emailHint')} required validationMessage={serverMessage(errors.email?.message)}>
              <Input {...register('email')} type="email" autoComplete="off" />
            </Field>
            <Controller control={control} name="roles" render={({ field }) => <RoleCheckboxes value={field.value} onChange={field.onChange} error={rolesError} />} />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('team.addDialog.cancel')}</Button>
            </DialogTrigger>
            <Button type="submit" appearance="primary" disabled={createUser.isPending} icon={createUser.isPending ? <Spinner size="tiny" /> : undefined}>
              {createUser.isPending ? t('team.addDialog.submitting') : t('team.addDialog.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
