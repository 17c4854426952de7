import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { tenantNewPasswordSchema, tenantSignInRequestSchema, type TenantSession } from '#contracts/tenant.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useTenantPasswordChange, useTenantSignIn } from '../api/tenant.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'block', margin: 0 },
  note: { display: 'block', margin: 0, color: tokens.colorNeutralForeground2 },
});

type SignInInput = z.input<typeof tenantSignInRequestSchema>;

/** The customer's global admin signs in (admin@<domain>, as made at onboarding). */
export function TenantSignIn() {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const signIn = useTenantSignIn();
  const { register, handleSubmit, formState: { errors } } = useForm<SignInInput, unknown, z.output<typeof tenantSignInRequestSchema>>({
    resolver: zodResolver(tenantSignInRequestSchema),
    defaultValues: { userPrincipalName: '', password: '' },
  });
  const onSubmit = handleSubmit((values) => signIn.mutate(values));
  const failure = signIn.error;
  const message = failure === null ? null : isApiError(failure, 401) ? t('tenant.signIn.wrongCredentials') : errorMessage(failure);
  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="tenant-sign-in-title">
      <div>
        <Text as="h2" size={500} weight="semibold" id="tenant-sign-in-title" className={styles.heading}>
          {t('tenant.signIn.title')}
        </Text>
        <Text as="p" className={styles.note}>
          {t('tenant.signIn.subtitle')}
        </Text>
      </div>
      {message ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('tenant.signIn.userName')} required validationMessage={serverMessage(errors.userPrincipalName?.message)}>
        <Input type="email" autoComplete="username" inputMode="email" {...register('userPrincipalName')} />
      </Field>
      <Field label={t('tenant.signIn.password')} required validationMessage={serverMessage(errors.password?.message)}>
        <Input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <Button type="submit" appearance="primary" disabled={signIn.isPending} icon={signIn.isPending ? <Spinner size="tiny" /> : undefined}>
        {signIn.isPending ? t('tenant.signIn.submitting') : t('tenant.signIn.submit')}
      </Button>
    </form>
  );
}

const changeSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter the current password.'), newPassword: tenantNewPasswordSchema, confirm: z.string() })
  .refine((values) => values.newPassword === values.confirm, { path: ['confirm'], message: 'mismatch' });

/** A temporary password must be changed before anything else. */
export function TenantPasswordChange({ session }: { session: TenantSession }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const change = useTenantPasswordChange(session);
  const { register, handleSubmit, formState: { errors } } = useForm<z.input<typeof changeSchema>, unknown, z.output<typeof changeSchema>>({
    resolver: zodResolver(changeSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const onSubmit = handleSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }));
  const confirmMessage = errors.confirm?.message === 'mismatch' ? t('tenant.changePassword.mismatch') : serverMessage(errors.confirm?.message);
  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="tenant-password-title">
      <div>
        <Text as="h2" size={500} weight="semibold" id="tenant-password-title" className={styles.heading}>
          {t('tenant.changePassword.title')}
        </Text>
        <Text as="p" className={styles.note}>
          {t('tenant.changePassword.subtitle')}
        </Text>
      </div>
      {change.error ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{errorMessage(change.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {/* For password managers, which file the new password under this user name; a native input, as Fluent's Input would show its frame. */}
      <input type="text" autoComplete="username" value={session.userPrincipalName} readOnly hidden />
      <Field label={t('tenant.changePassword.current')} required validationMessage={serverMessage(errors.currentPassword?.message)}>
        <Input type="password" autoComplete="current-password" {...register('currentPassword')} />
      </Field>
      <Field label={t('tenant.changePassword.new')} required hint={t('tenant.changePassword.newHint')} validationMessage={serverMessage(errors.newPassword?.message)}>
        <Input type="password" autoComplete="new-password" {...register('newPassword')} />
      </Field>
      <Field label={t('tenant.changePassword.confirm')} required validationMessage={confirmMessage}>
        <Input type="password" autoComplete="new-password" {...register('confirm')} />
      </Field>
      <Button type="submit" appearance="primary" disabled={change.isPending} icon={change.isPending ? <Spinner size="tiny" /> : undefined}>
        {change.isPending ? t('tenant.changePassword.submitting') : t('tenant.changePassword.submit')}
      </Button>
    </form>
  );
}

/** Signs in, then has a temporary password changed; renders `children` once the admin may act. */
export function TenantGate({ session, children }: { session: TenantSession | null; children: (session: TenantSession) => React.ReactNode }) {
  if (session === null) return <TenantSignIn />;
  if (session.mustChangePassword) return <TenantPasswordChange session={session} />;
  return <>{children(session)}</>;
}
