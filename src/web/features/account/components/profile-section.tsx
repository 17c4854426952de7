import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/session.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { RouterLink } from '../../../app/ui/router-link.tsx';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 539px)': { gridTemplateColumns: '1fr', rowGap: tokens.spacingVerticalXXS },
  },
  term: { color: tokens.colorNeutralForeground2, '@media (max-width: 539px)': { marginBlockStart: tokens.spacingVerticalS } },
  value: { margin: 0, overflowWrap: 'anywhere' },
  row: { display: 'contents' },
  password: { display: 'block', marginBlockStart: tokens.spacingVerticalL },
});

/** Who is signed in and for which partner organisation. */
export function ProfileSection() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const roles = new Intl.ListFormat(i18n.language, { type: 'conjunction', style: 'long' }).format(user.roles.map((role) => t(`roles.${role}`)));
  const rows: [string, string][] = [
    [t('account.profile.name'), user.displayName],
    [t('account.profile.email'), user.email],
    [t('account.profile.roles'), roles],
    [t('account.profile.partnerName'), user.partner.name],
    [t('account.profile.kind'), t(`partnerKinds.${user.partner.kind}`)],
    [t('account.profile.mpnId'), user.partner.mpnId],
    [t('account.profile.instance'), t(`instances.${user.partner.instance}`)],
  ];
  return (
    <Panel aria-labelledby="profile-heading">
      <PanelHeading id="profile-heading">
        {t('account.profile.title')}
      </PanelHeading>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <RouterLink to="/account/password" className={styles.password}>
        {t('account.profile.changePassword')}
      </RouterLink>
    </Panel>
  );
}
