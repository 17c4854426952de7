import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createTokenRequestSchema, type CreateTokenRequest } from '#contracts/auth.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { FormDialog, FormDialogSurface, ShownOnceSurface, unplacedError } from '../../../app/ui/form-dialog.tsx';
import { useCreateToken } from '../api/create-token.ts';

type CreateTokenInput = z.input<typeof createTokenRequestSchema>;
const FIELDS = ['name', 'expiresInDays'] as const;
const EXPIRY_DAYS = [30, 90, 180, 365] as const;

/** "Create token": a name and a lifetime, then the token, shown this once. */
export function CreateTokenDialog() {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button appearance="primary" icon={<Add20Regular />}>
          {t('account.tokens.create')}
        </Button>
      }
    >
      {(close) => <CreateTokenSurface onClose={close} />}
    </FormDialog>
  );
}

function CreateTokenSurface({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const createToken = useCreateToken();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateTokenInput, unknown, CreateTokenRequest>({
    resolver: zodResolver(createTokenRequestSchema),
    defaultValues: { name: '', expiresInDays: 90 },
  });

  const onSubmit = handleSubmit((values) => createToken.mutate(values, { onError: (error) => applyServerFieldErrors(error, FIELDS, setError) }));

  const created = createToken.data;
  if (created) {
    return (
      <ShownOnceSurface
        title={t('account.tokens.created.title')}
        warningTitle={t('account.tokens.created.warningTitle')}
        warning={t('account.tokens.created.warning')}
        values={[{ label: t('account.tokens.created.tokenLabel', { name: created.name }), value: created.token }]}
        doneLabel={t('account.tokens.created.done')}
        onDone={onClose}
      />
    );
  }

  return (
    <FormDialogSurface
      title={t('account.tokens.createDialog.title')}
      onSubmit={(event) => void onSubmit(event)}
      error={unplacedError(createToken.error, errors)}
      pending={createToken.isPending}
      cancelLabel={t('account.tokens.createDialog.cancel')}
      submitLabel={t('account.tokens.createDialog.submit')}
      submittingLabel={t('account.tokens.createDialog.submitting')}
    >
      <Field label={t('account.tokens.createDialog.name')} hint={t('account.tokens.createDialog.nameHint')} required validationMessage={serverMessage(errors.name?.message)}>
        <Input {...register('name')} autoComplete="off" />
      </Field>
      <Field label={t('account.tokens.createDialog.expiresIn')} validationMessage={serverMessage(errors.expiresInDays?.message)}>
        <Select {...register('expiresInDays', { setValueAs: (value: string | number | null) => (value === '' || value === null ? null : Number(value)) })}>
          {EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              {t('account.tokens.createDialog.expiresInDays', { count: days })}
            </option>
          ))}
          <option value="">{t('account.tokens.createDialog.noExpiry')}</option>
        </Select>
      </Field>
    </FormDialogSurface>
  );
}
