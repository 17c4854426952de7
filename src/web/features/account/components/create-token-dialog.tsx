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
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createTokenRequestSchema, type CreateTokenRequest } from '#contracts/auth.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { useCreateToken } from '../api/create-token.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type CreateTokenInput = z.input<typeof createTokenRequestSchema>;
const FIELDS = ['name', 'expiresInDays'] as const;
const EXPIRY_DAYS = [30, 90, 180, 365] as const;

/** "Create token": a name and a lifetime, then the token, shown this once. */
export function CreateTokenDialog() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="modal">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<Add20Regular />}>
          {t('account.tokens.create')}
        </Button>
      </DialogTrigger>
      {/* The Dialog unmounts its surface when closed: the token is forgotten and the form starts empty. */}
      <CreateTokenSurface onClose={() => setOpen(false)} />
    </Dialog>
  );
}

function CreateTokenSurface({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
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

  const onSubmit = handleSubmit((values) =>
    createToken.mutate(values, { onError: (error) => applyServerFieldErrors(error, FIELDS, setError) }),
  );

  const created = createToken.data;
  if (created) {
    return (
      <DialogSurface aria-describedby="token-warning">
        <DialogBody>
          <DialogTitle>{t('account.tokens.created.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="warning" layout="multiline" id="token-warning">
              <MessageBarBody>
                <MessageBarTitle>{t('account.tokens.created.warningTitle')}</MessageBarTitle>
                {t('account.tokens.created.warning')}
              </MessageBarBody>
            </MessageBar>
            <CopyField label={t('account.tokens.created.tokenLabel', { name: created.name })} value={created.token} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('account.tokens.created.done')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    );
  }

  const failed = createToken.error !== null && !Object.values(errors).some((error) => error?.type === 'server');
  return (
    <DialogSurface>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DialogBody>
          <DialogTitle>{t('account.tokens.createDialog.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            {failed ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(createToken.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Field
              label={t('account.tokens.createDialog.name')}
              hint={t('account.tokens.createDialog.nameHint')}
              required
              validationMessage={serverMessage(errors.name?.message)}
            >
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
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('account.tokens.createDialog.cancel')}</Button>
            </DialogTrigger>
            <Button
              type="submit"
              appearance="primary"
              disabled={createToken.isPending}
              icon={createToken.isPending ? <Spinner size="tiny" /> : undefined}
            >
              {createToken.isPending ? t('account.tokens.createDialog.submitting') : t('account.tokens.createDialog.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
