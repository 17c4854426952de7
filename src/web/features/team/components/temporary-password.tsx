import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PartnerUserWithPassword } from '#contracts/team.ts';
import { CopyField } from '../../../app/ui/copy-field.tsx';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** A temporary password, shown this once with copy buttons (a new user's, or a reset's). */
export function TemporaryPasswordSurface({ user, title, onDone }: { user: PartnerUserWithPassword; title: string; onDone: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <DialogSurface aria-describedby="temporary-password-warning">
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          <MessageBar intent="warning" layout="multiline" id="temporary-password-warning">
            <MessageBarBody>
              <MessageBarTitle>{t('team.password.warningTitle')}</MessageBarTitle>
              {t('team.password.warning', { name: user.displayName })}
            </MessageBarBody>
          </MessageBar>
          <CopyField label={t('team.password.userLabel')} value={user.email} />
          <CopyField label={t('team.password.passwordLabel')} value={user.temporaryPassword} />
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" onClick={onDone}>
            {t('team.password.done')}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
