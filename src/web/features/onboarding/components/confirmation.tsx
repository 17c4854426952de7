import '../locales/en-US-later.ts';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, CopySelect20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { copyText, CopyField } from '../../../app/ui/copy-field.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import type { ConfirmationState } from '../submission-memory.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Who may reset a customer's admin password (the customer page's command): `customers.edit`. */
const RESET_ACTION = 'customers.edit';

/**
 * The new customer's sign-in details, shown this once: they live only in this page's memory, so a
 * reload or a later visit of this address finds nothing to show, and says how to get new ones.
 */
export function Confirmation({ result, customer }: { result: OnboardingResponse | null; customer: ConfirmationState | null }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  if (result === null) {
    const mayReset = user.actions.includes(RESET_ACTION);
    const customerPath = customer ? `/customers/${encodeURIComponent(customer.customerId)}` : null;
    return (
      <>
        <PageHeader title={t('onboarding.done.title')} />
        <div className={styles.root}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('onboarding.done.goneTitle')}</MessageBarTitle>
              {customer ? `${t('onboarding.done.goneAdded', { name: customer.companyName })}${i18n.language.startsWith('zh') ? '' : ' '}` : null}
              {mayReset ? t('onboarding.done.goneReset') : t('onboarding.done.goneAsk', { organisation: user.partner.name })}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            {customerPath !== null && customer ? (
              <LinkButton appearance="primary" to={customerPath}>
                {t('onboarding.alreadyAdded.open', { name: customer.companyName })}
              </LinkButton>
            ) : null}
            <LinkButton appearance={customerPath === null ? 'primary' : 'secondary'} to="/customers">
              {t('onboarding.done.goToCustomers')}
            </LinkButton>
            <LinkButton to="/customers/new/account">{t('onboarding.done.addAnother')}</LinkButton>
          </div>
        </div>
      </>
    );
  }

  const { order, userCredentials } = result;
  const name = result.customer.companyProfile.companyName;
  const subscriptions = order?.lineItems.length ?? 0;
  const details: [string, string][] = [
    [t('onboarding.done.customerId'), result.customer.id],
    [t('onboarding.done.domain'), result.customer.companyProfile.domain],
    [t('onboarding.done.adminUser'), userCredentials.userPrincipalName],
    [t('onboarding.done.password'), userCredentials.password],
  ];
  const copyAll = async () => {
    const text = [name, ...details.map(([label, value]) => `${label}: ${value}`)].join('\n');
    setCopied((await copyText(text)) ? 'copied' : 'failed');
  };
  return (
    <>
      <PageHeader title={t('onboarding.done.title')} />
      <div className={styles.root}>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('onboarding.done.success', { name })}</MessageBarTitle>
            {subscriptions > 0 ? t('onboarding.done.orderPlaced', { count: subscriptions }) : null}
          </MessageBarBody>
        </MessageBar>
        <MessageBar intent="warning" layout="multiline" id="credentials-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('onboarding.done.warningTitle')}</MessageBarTitle>
            {user.actions.includes(RESET_ACTION) ? t('onboarding.done.warning') : t('onboarding.done.warningAsk', { organisation: user.partner.name })}
          </MessageBarBody>
        </MessageBar>
        <Panel aria-labelledby="credentials-heading" aria-describedby="credentials-warning">
          <PanelHeading id="credentials-heading">{t('onboarding.done.credentials')}</PanelHeading>
          {details.map(([label, value]) => (
            <CopyField key={label} label={label} value={value} />
          ))}
          <div className={styles.actions}>
            <Button icon={copied === 'copied' ? <Checkmark20Regular /> : <CopySelect20Regular />} onClick={() => void copyAll()}>
              {t('onboarding.done.copyAll')}
            </Button>
            <span role="status">{copied === 'copied' ? t('onboarding.done.copiedAll') : copied === 'failed' ? t('app.copyFailed') : ''}</span>
          </div>
        </Panel>
        <div className={styles.actions}>
          <LinkButton appearance="primary" to="/customers">
            {t('onboarding.actions.done')}
          </LinkButton>
          <LinkButton to={`/customers/${encodeURIComponent(result.customer.id)}`}>{t('onboarding.alreadyAdded.open', { name })}</LinkButton>
        </div>
      </div>
    </>
  );
}
