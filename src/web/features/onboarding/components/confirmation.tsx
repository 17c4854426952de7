import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * The new customer's sign-in details, shown this once: they live only in the wizard's memory, so a
 * reload or a later visit of this address finds nothing to show.
 */
export function Confirmation({ result }: { result: OnboardingResponse | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();

  if (result === null) {
    return (
      <div className={styles.root}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('onboarding.done.goneTitle')}</MessageBarTitle>
            {t('onboarding.done.goneBody')}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void navigate('/customers')}>
            {t('onboarding.done.goToCustomers')}
          </Button>
          <Button onClick={() => void navigate('/customers/new/account')}>{t('onboarding.done.addAnother')}</Button>
        </div>
      </div>
    );
  }

  const { customer, order, userCredentials } = result;
  const name = customer.companyProfile.companyName;
  const subscriptions = order?.lineItems.length ?? 0;
  return (
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
          {t('onboarding.done.warning')}
        </MessageBarBody>
      </MessageBar>
      <Panel aria-labelledby="credentials-heading" aria-describedby="credentials-warning">
        <PanelHeading id="credentials-heading">{t('onboarding.done.credentials')}</PanelHeading>
        <CopyField label={t('onboarding.done.customerId')} value={customer.id} />
        <CopyField label={t('onboarding.done.domain')} value={customer.companyProfile.domain} />
        <CopyField label={t('onboarding.done.adminUser')} value={userCredentials.userPrincipalName} />
        <CopyField label={t('onboarding.done.password')} value={userCredentials.password} />
      </Panel>
      <Text>
        <Button appearance="primary" onClick={() => void navigate('/customers')}>
          {t('onboarding.actions.done')}
        </Button>
      </Text>
    </div>
  );
}
