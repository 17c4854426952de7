import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { MailArrowUp20Regular } from '@fluentui/react-icons';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { invitationInputSchema, type InvitationInput, type IssuedInvitation } from '#contracts/relationships.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { applyServerFieldErrors } from '../../../app/forms.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { useCreateInvitation } from '../api/create-invitation.ts';
import { ProviderField, type ProviderChoice } from './provider-field.tsx';

const useStyles = makeStyles({
  body: { color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  form: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', maxWidth: '760px' },
  full: { gridColumn: '1 / -1' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
});

type FormInput = z.input<typeof invitationInputSchema>;
const FIELDS = ['recipientName', 'recipientEmail', 'message', 'indirectProviderId'] as const;

/** Whom to invite, and what to tell them; the answer (the personal link, this once) goes to `onIssued`. */
export function InviteForm({ providers, defaultProviderId, onIssued }: { providers: ProviderChoice; defaultProviderId: string | null; onIssued: (invitation: IssuedInvitation) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serverMessage = useServerMessage();
  const errorMessage = useErrorMessage();
  const create = useCreateInvitation();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<FormInput, unknown, InvitationInput>({
    resolver: zodResolver(invitationInputSchema),
    defaultValues: { recipientName: '', recipientEmail: '', message: '', indirectProviderId: defaultProviderId },
  });

  const onSubmit = handleSubmit((values) =>
    create.mutate(
      { ...values, message: values.message ? values.message : null },
      {
        onSuccess: (invitation) => {
          reset({ recipientName: '', recipientEmail: '', message: '', indirectProviderId: values.indirectProviderId ?? null });
          onIssued(invitation);
        },
        onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
      },
    ),
  );

  const failed = create.error !== null && !Object.values(errors).some((error) => error?.type === 'server');
  return (
    <Panel aria-labelledby="invite-heading">
      <PanelHeading id="invite-heading">{t('relationships.invite.heading')}</PanelHeading>
      <Text className={styles.body}>{t('relationships.invite.body')}</Text>
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        {failed ? (
          <MessageBar intent="error" role="alert" layout="multiline" className={styles.full}>
            <MessageBarBody>{errorMessage(create.error)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={t('relationships.invite.recipientName')} required validationMessage={serverMessage(errors.recipientName?.message)}>
          <Input {...register('recipientName')} autoComplete="off" />
        </Field>
        <Field label={t('relationships.invite.recipientEmail')} required validationMessage={serverMessage(errors.recipientEmail?.message)}>
          <Input {...register('recipientEmail')} type="email" autoComplete="off" />
        </Field>
        {providers.kind === 'reseller' ? (
          <div className={styles.full}>
            <Controller
              control={control}
              name="indirectProviderId"
              render={({ field }) => (
                <ProviderField providers={providers} value={field.value ?? null} onChange={field.onChange} validationMessage={serverMessage(errors.indirectProviderId?.message)} />
              )}
            />
          </div>
        ) : null}
        <Field
          label={t('relationships.invite.message')}
          hint={t('relationships.invite.messageHint')}
          validationMessage={serverMessage(errors.message?.message)}
          className={styles.full}
        >
          <Textarea {...register('message')} resize="vertical" rows={3} />
        </Field>
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabled={create.isPending}
            icon={create.isPending ? <Spinner size="tiny" /> : <MailArrowUp20Regular />}
          >
            {create.isPending ? t('relationships.invite.submitting') : t('relationships.invite.submit')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
