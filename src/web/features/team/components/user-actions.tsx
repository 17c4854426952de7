import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#contracts/auth.ts';
import type { PartnerUser } from '#contracts/team.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { FormDialog, FormDialogSurface } from '../../../app/ui/form-dialog.tsx';
import { useResetPassword, useSetActive, useSetRoles } from '../api/change-user.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';
import { TemporaryPasswordSurface } from './temporary-password.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A user's commands: Edit roles, Deactivate or Reactivate (not oneself), Reset password. */
export function UserActions({ user, isSelf }: { user: PartnerUser; isSelf: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const setActive = useSetActive();
  const name = user.displayName;
  return (
    <div className={styles.actions} role="group" aria-label={t('team.actionsFor', { name })}>
      <EditRolesDialog user={user} />
      {isSelf ? null : user.state === 'active' ? (
        <ConfirmDialog
          trigger={<Button size="small">{t('team.actions.deactivate')}</Button>}
          title={t('team.deactivateDialog.title', { name })}
          body={t('team.deactivateDialog.body', { name })}
          cancelLabel={t('team.deactivateDialog.cancel')}
          confirmLabel={t('team.deactivateDialog.confirm')}
          confirmingLabel={t('team.deactivateDialog.confirming')}
          action={setActive}
          onConfirm={(close) => setActive.mutate({ id: user.id, active: false }, { onSuccess: close })}
        />
      ) : (
        <ConfirmDialog
          trigger={<Button size="small">{t('team.actions.reactivate')}</Button>}
          title={t('team.reactivateDialog.title', { name })}
          body={t('team.reactivateDialog.body', { name })}
          cancelLabel={t('team.reactivateDialog.cancel')}
          confirmLabel={t('team.reactivateDialog.confirm')}
          confirmingLabel={t('team.reactivateDialog.confirming')}
          action={setActive}
          onConfirm={(close) => setActive.mutate({ id: user.id, active: true }, { onSuccess: close })}
        />
      )}
      {isSelf ? null : <ResetPasswordDialog user={user} />}
    </div>
  );
}

function EditRolesDialog({ user }: { user: PartnerUser }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button size="small">{t('team.actions.editRoles')}</Button>}>
      {(close) => <EditRolesSurface user={user} onClose={close} />}
    </FormDialog>
  );
}

function EditRolesSurface({ user, onClose }: { user: PartnerUser; onClose: () => void }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles();
  const [roles, setChosen] = useState<Role[]>(user.roles);
  const [touched, setTouched] = useState(false);
  const empty = roles.length === 0;
  return (
    <FormDialogSurface
      title={t('team.rolesDialog.title', { name: user.displayName })}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!empty) setRoles.mutate({ id: user.id, roles }, { onSuccess: onClose });
      }}
      error={setRoles.error}
      pending={setRoles.isPending}
      cancelLabel={t('team.rolesDialog.cancel')}
      submitLabel={t('team.rolesDialog.submit')}
      submittingLabel={t('team.rolesDialog.submitting')}
    >
      <RoleCheckboxes value={roles} onChange={setChosen} error={touched && empty ? t('team.rolesRequired') : undefined} />
    </FormDialogSurface>
  );
}

function ResetPasswordDialog({ user }: { user: PartnerUser }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{t('team.actions.resetPassword')}</Button>
      </DialogTrigger>
      <ResetPasswordSurface user={user} onClose={() => setOpen(false)} />
    </Dialog>
  );
}

function ResetPasswordSurface({ user, onClose }: { user: PartnerUser; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetPassword();
  const name = user.displayName;
  if (reset.data) return <TemporaryPasswordSurface user={reset.data} title={t('team.password.resetTitle')} onDone={onClose} />;
  return (
    <DialogSurface>
      <DialogBody>
        <DialogTitle>{t('team.resetDialog.title', { name })}</DialogTitle>
        <DialogContent className={styles.content}>
          {t('team.resetDialog.body', { name })}
          {reset.isError ? (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{errorMessage(reset.error)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('team.resetDialog.cancel')}</Button>
          </DialogTrigger>
          <Button appearance="primary" disabled={reset.isPending} icon={reset.isPending ? <Spinner size="tiny" /> : undefined} onClick={() => reset.mutate(user.id)}>
            {reset.isPending ? t('team.resetDialog.confirming') : t('team.resetDialog.confirm')}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
