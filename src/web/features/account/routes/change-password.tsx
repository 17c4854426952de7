import '../locales/register-en-US.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { passwordChangeSchema, type PasswordChange } from '#contracts/team.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { useChangePassword } from '../api/change-password.ts';

const useStyles = makeStyles({
  panel: { maxWidth: '520px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Change password, for every user: from the Account page, and before anything else when the password
 * was set by someone else (the session says `mustChangePassword`; the shell sends the user here).
 */
export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const forced = user.mustChangePassword;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PasswordChange>({ resolver: zodResolver(passwordChangeSchema), defaultValues: { currentPassword: '', newPassword: '' } });

  const onSubmit = handleSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => void navigate(forced ? '/customers' : '/account', { replace: forced, state: { passwordChanged: true } }),
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );
  const failed = change.error !== null && !Object.values(errors).some((error) => error?.type === 'server');

  return (
    <>
      <PageHeader title={t('account.password.title')} description={forced ? undefined : t('account.password.description')} />
      <Panel className={styles.panel}>
        <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
          {forced ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('account.password.forcedTitle')}</MessageBarTitle>
                {t('account.password.forced')}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {failed ? (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{errorMessage(change.error)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {/* For password managers: whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden className={styles.hidden} />
          <Field label={t('account.password.current')} required validationMessage={serverMessage(errors.currentPassword?.message)}>
            <Input {...register('currentPassword')} type="password" autoComplete="current-password" />
          </Field>
          <Field label={t('account.password.new')} hint={t('account.password.newHint')} required validationMessage={serverMessage(errors.newPassword?.message)}>
            <Input {...register('newPassword')} type="password" autoComplete="new-password" />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={change.isPending} icon={change.isPending ? <Spinner size="tiny" /> : undefined}>
              {change.isPending ? t('account.password.submitting') : t('account.password.submit')}
            </Button>
            {forced ? null : (
              <Button appearance="secondary" onClick={() => void navigate('/account')}>
                {t('account.password.cancel')}
              </Button>
            )}
          </div>
        </form>
      </Panel>
    </>
  );
}
