import '../locales/register-en-US.ts';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { IssuedInvitation } from '#contracts/relationships.ts';
import { DOMAIN_NAME_PATTERN } from '../domain-param.ts';
import { queryClient } from '../../../app/query-client.ts';
import { sessionQueryOptions, useCurrentUser } from '../../../app/session.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { canRequestRelationships } from '../links.ts';
import { activeIndirectProvidersQueryOptions, useActiveIndirectProviders } from '../api/get-indirect-providers.ts';
import { invitationsQueryOptions } from '../api/get-invitations.ts';
import { relationshipLinkQueryOptions } from '../api/get-relationship-link.ts';
import { InvitationsList } from '../components/invitations-list.tsx';
import { InviteForm } from '../components/invite-form.tsx';
import { IssuedInvitationPanel } from '../components/issued-invitation.tsx';
import type { ProviderChoice } from '../components/provider-field.tsx';
import { StandingLink } from '../components/standing-link.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The page's data is asked for side by side on the way in (a reseller's providers first: the link depends on them). */
export async function loader(_args: LoaderFunctionArgs) {
  const user = (await queryClient.ensureQueryData(sessionQueryOptions()))?.user;
  if (user === undefined || !canRequestRelationships(user)) return null;
  await Promise.allSettled([
    queryClient.prefetchInfiniteQuery(invitationsQueryOptions(null)),
    user.partner.kind === 'indirect_reseller' ? queryClient.prefetchQuery(activeIndirectProvidersQueryOptions()) : queryClient.prefetchQuery(relationshipLinkQueryOptions(null)),
  ]);
  return null;
}

/** `?domain=`: the domain the wizard found taken, shown as the reason for coming here (anything else is ignored). */
function useTakenDomain(): string | null {
  const [params] = useSearchParams();
  const domain = params.get('domain')?.trim().toLowerCase() ?? '';
  return DOMAIN_NAME_PATTERN.test(domain) ? domain : null;
}

function RequestRelationshipPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const domain = useTakenDomain();
  const isReseller = user.partner.kind === 'indirect_reseller';
  const providerQuery = useActiveIndirectProviders(isReseller);
  const providers: ProviderChoice = isReseller ? { kind: 'reseller', providers: providerQuery.data ?? [], failed: providerQuery.isError } : { kind: 'none' };
  // A reseller with exactly one active provider most likely sells through it: offered by default.
  const defaultProviderId = isReseller && providerQuery.data?.length === 1 ? (providerQuery.data[0]?.id ?? null) : null;
  const [linkProviderId, setLinkProviderId] = useState<string | null | undefined>(undefined);
  const [issued, setIssued] = useState<{ invitation: IssuedInvitation; resent: boolean } | null>(null);

  return (
    <>
      <PageHeader title={t('relationships.title')} description={t('relationships.description')} />
      <div className={styles.page}>
        {domain !== null ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('relationships.domainNotice.title', { domain })}</MessageBarTitle>
              {t('relationships.domainNotice.body')}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {isReseller && providerQuery.isPending ? null : (
          <StandingLink providers={providers} providerId={linkProviderId === undefined ? defaultProviderId : linkProviderId} onProviderChange={setLinkProviderId} />
        )}
        {issued ? (
          <IssuedInvitationPanel invitation={issued.invitation} resent={issued.resent} domain={domain} onDone={() => setIssued(null)} />
        ) : isReseller && providerQuery.isPending ? null : (
          <InviteForm providers={providers} defaultProviderId={defaultProviderId} onIssued={(invitation) => setIssued({ invitation, resent: false })} />
        )}
        <InvitationsList onIssued={(invitation) => setIssued({ invitation, resent: true })} />
      </div>
    </>
  );
}

/** Where the instance or the roles do not allow it, the page says why instead of offering forms the API would refuse. */
function Unavailable() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisation = user.partner.name;
  return (
    <>
      <PageHeader title={t('relationships.title')} />
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('relationships.unavailable.title')}</MessageBarTitle>
          {user.partner.relationshipRequests
            ? t('relationships.unavailable.role', { roles: user.roles.map((role) => t(`roles.${role}`)).join(', '), organisation })
            : t('relationships.unavailable.instance', { instance: t(`instances.${user.partner.instance}`) })}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

export function Component() {
  const user = useCurrentUser();
  return canRequestRelationships(user) ? <RequestRelationshipPage /> : <Unavailable />;
}
