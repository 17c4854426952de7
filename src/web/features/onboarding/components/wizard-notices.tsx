import '../locales/en-US-later.ts';
import { makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '#contracts/auth.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import { canRequestRelationships, requestRelationshipPath } from '../../relationships/links.ts';
import type { SubmittedDraft } from '../submission-memory.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type DenialReason = SessionUser['deniedActions'][number]['reason'];

/**
 * Instead of the wizard, for whoever may not add customers: why, and what they can do instead. Shown
 * before any form, so nobody fills one in (or gets a draft) that could never be submitted.
 */
export function CannotAddCustomers({ reason }: { reason: DenialReason }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  const organisation = user.partner.name;
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('onboarding.denied.title')}</MessageBarTitle>
          {reason === 'role' ? t('onboarding.denied.role', { roles, organisation }) : null}
          {reason === 'partner_kind' ? t('onboarding.denied.partnerKind', { organisation }) : null}
          {reason === 'partner_not_validated' ? t('onboarding.denied.notValidated', { organisation }) : null}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <LinkButton appearance="primary" to="/customers">
          {t('onboarding.done.goToCustomers')}
        </LinkButton>
      </div>
    </div>
  );
}

/** The browser's Back into a wizard that was already submitted: what became of it, not an empty step. */
export function AlreadyAdded({ customer }: { customer: SubmittedDraft }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('onboarding.alreadyAdded.title', { name: customer.companyName })}</MessageBarTitle>
          {t('onboarding.alreadyAdded.body')}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <LinkButton appearance="primary" to={`/customers/${encodeURIComponent(customer.customerId)}`}>
          {t('onboarding.alreadyAdded.open', { name: customer.companyName })}
        </LinkButton>
        <LinkButton to="/customers/new/account">{t('onboarding.done.addAnother')}</LinkButton>
      </div>
    </div>
  );
}

/** Under the domain field: the domain is already this partner's customer, so open it rather than add it again. */
export function YourCustomerNotice({ customer, className }: { customer: { id: string; companyName: string }; className?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" className={className}>
      <MessageBarBody>{t('onboarding.yourCustomer.body', { name: customer.companyName })}</MessageBarBody>
      <MessageBarActions>
        <LinkButton to={`/customers/${encodeURIComponent(customer.id)}`}>{t('onboarding.yourCustomer.open', { name: customer.companyName })}</LinkButton>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Under the domain field: the domain belongs to a customer that exists elsewhere, which is never added
 * again; the partner requests a relationship with it instead (SPEC §6), where the session allows it.
 */
export function TakenDomainNotice({ domain, className }: { domain: string; className?: string }) {
  const { t } = useTranslation();
  if (!canRequestRelationships(useCurrentUser())) return null;
  return (
    <MessageBar intent="info" className={className}>
      <MessageBarBody>{t('onboarding.takenDomain.body', { domain })}</MessageBarBody>
      <MessageBarActions>
        <LinkButton to={requestRelationshipPath(domain)}>{t('onboarding.takenDomain.request')}</LinkButton>
      </MessageBarActions>
    </MessageBar>
  );
}
