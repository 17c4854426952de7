import '../locales/register-en-US.ts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { AppsSection } from '../components/apps-section.tsx';
import { ProfileSection } from '../components/profile-section.tsx';
import { TokensSection } from '../components/tokens-section.tsx';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <div className={styles.sections}>
        <ProfileSection />
        <TokensSection />
        <AppsSection />
      </div>
    </>
  );
}
