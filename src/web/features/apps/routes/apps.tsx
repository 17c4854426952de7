import '../locales/register-en-US.ts';
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../../app/session.tsx';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { AppRegistrationsSection } from '../components/app-registrations-section.tsx';
import { AppSignInSection } from '../components/app-sign-in-section.tsx';

const useStyles = makeStyles({
  breadcrumb: { marginBlockEnd: tokens.spacingVerticalS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  fields: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' },
});

/** Account → Apps: what a program needs to sign in (the token URL, the scope), the app registrations (global admins), and the user's own app sign-ins. */
export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const base = `${window.location.origin}/${user.partner.id}`;
  const follow = (event: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate('/account');
  };
  return (
    <>
      <Breadcrumb aria-label={t('apps.breadcrumb')} className={styles.breadcrumb} size="small">
        <BreadcrumbItem>
          <BreadcrumbButton href="/account" onClick={follow}>
            {t('apps.backToAccount')}
          </BreadcrumbButton>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>{t('apps.title')}</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      <PageHeader title={t('apps.title')} description={t('apps.description')} />
      <div className={styles.sections}>
        <Panel aria-labelledby="app-endpoint-heading">
          <PanelHeading id="app-endpoint-heading">{t('apps.endpoint.title')}</PanelHeading>
          <div className={styles.fields}>
            <CopyField label={t('apps.endpoint.tokenUrl')} value={`${base}/oauth2/v2.0/token`} />
            <CopyField label={t('apps.endpoint.scope')} value="https://api.partnercenter.microsoft.com/.default" />
            <CopyField label={t('apps.endpoint.jwks')} value={`${base}/discovery/v2.0/keys`} />
          </div>
        </Panel>
        {user.actions.includes('apps.manage') ? <AppRegistrationsSection /> : null}
        <AppSignInSection />
      </div>
    </>
  );
}
