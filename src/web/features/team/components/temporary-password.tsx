import { useTranslation } from 'react-i18next';
import type { PartnerUserWithPassword } from '#contracts/team.ts';
import { ShownOnceSurface } from '../../../app/ui/form-dialog.tsx';

/** A temporary password, shown this once with copy buttons (a new user's, or a reset's). */
export function TemporaryPasswordSurface({ user, title, onDone }: { user: PartnerUserWithPassword; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceSurface
      title={title}
      warningTitle={t('team.password.warningTitle')}
      warning={t('team.password.warning', { name: user.displayName })}
      values={[
        { label: t('team.password.userLabel'), value: user.email },
        { label: t('team.password.passwordLabel'), value: user.temporaryPassword },
      ]}
      doneLabel={t('team.password.done')}
      onDone={onDone}
    />
  );
}
