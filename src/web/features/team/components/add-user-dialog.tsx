import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createPartnerUserSchema, type CreatePartnerUser } from '#contracts/team.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { FormDialog, FormDialogSurface, unplacedError } from '../../../app/ui/form-dialog.tsx';
import { useCreateUser } from '../api/create-user.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';
import { TemporaryPasswordSurface } from './temporary-password.tsx';

type AddUserInput = z.input<typeof createPartnerUserSchema>;
const FIELDS = ['displayName', 'email', 'roles'] as const;

/** "Add user": name, email and roles, then the temporary password, shown this once. */
export function AddUserDialog() {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button appearance="primary" icon={<PersonAdd20Regular />}>
          {t('team.add')}
        </Button>
      }
    >
      {(close) => <AddUserSurface onClose={close} />}
    </FormDialog>
  );
}

function AddUserSurface({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
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

  const rolesError = errors.roles ? (errors.roles.type === 'server' ? serverMessage(errors.roles.message) : t('team.rolesRequired')) : undefined;
  return (
    <FormDialogSurface
      title={t('team.addDialog.title')}
      onSubmit={(event) => void onSubmit(event)}
      error={unplacedError(createUser.error, errors)}
      pending={createUser.isPending}
      cancelLabel={t('team.addDialog.cancel')}
      submitLabel={t('team.addDialog.submit')}
      submittingLabel={t('team.addDialog.submitting')}
    >
      <Field label={t('team.addDialog.name')} required validationMessage={serverMessage(errors.displayName?.message)}>
        <Input {...register('displayName')} autoComplete="off" />
      </Field>
      <Field label={t('team.addDialog.email')} hint={t('team.addDialog.emailHint')} required validationMessage={serverMessage(errors.email?.message)}>
        <Input {...register('email')} type="email" autoComplete="off" />
      </Field>
      <Controller control={control} name="roles" render={({ field }) => <RoleCheckboxes value={field.value} onChange={field.onChange} error={rolesError} />} />
    </FormDialogSurface>
  );
}
