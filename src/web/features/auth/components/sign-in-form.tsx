import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInRequestSchema, type SignInRequest } from '#contracts/auth.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useSignIn } from '../api/sign-in.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  submit: { alignSelf: 'stretch' },
});

type SignInInput = z.input<typeof signInRequestSchema>;
const FIELDS = ['email', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignInInput, unknown, SignInRequest>({
    resolver: zodResolver(signInRequestSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );

  const failure = signIn.error;
  // A server error already shown at its field needs no second message above the form.
  const shownAtField = Object.values(errors).some((error) => error?.type === 'server');
  let failureMessage: string | null = null;
  if (failure !== null && !shownAtField) {
    if (isApiError(failure, 401)) failureMessage = t('signIn.wrongCredentials');
    else if (isApiError(failure, 429))
      failureMessage =
        failure.retryAfterSeconds === null ? t('signIn.throttledNoTime') : t('signIn.throttled', { when: format.fromNow(failure.retryAfterSeconds) });
    else failureMessage = errorMessage(failure);
  }

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
      {failureMessage ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{failureMessage}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('signIn.email')} required validationMessage={serverMessage(errors.email?.message)}>
        <Input type="email" autoComplete="username" inputMode="email" {...register('email')} />
      </Field>
      <Field label={t('signIn.password')} required validationMessage={serverMessage(errors.password?.message)}>
        <Input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <Button
        type="submit"
        appearance="primary"
        size="large"
        className={styles.submit}
        disabled={signIn.isPending}
        icon={signIn.isPending ? <Spinner size="tiny" /> : undefined}
      >
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
