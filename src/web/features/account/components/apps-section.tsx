import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  description: { display: 'block', color: tokens.colorNeutralForeground2, maxWidth: '72ch', marginBlockStart: tokens.spacingVerticalXS },
});

/** The way to Account → Apps (app registrations and app sign-ins). */
export function AppsSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Panel aria-labelledby="apps-heading">
      <div className={styles.header}>
        <div>
          <PanelHeading id="apps-heading">{t('account.apps.title')}</PanelHeading>
          <Text className={styles.description}>{t('account.apps.description')}</Text>
        </div>
        <LinkButton to="/account/apps">{t('account.apps.open')}</LinkButton>
      </div>
    </Panel>
  );
}
