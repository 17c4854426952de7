import '../locales/register-en-US.ts';
import { Badge, Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles, MessageBar, MessageBarBody, tokens, type BadgeProps } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import type { Subscription } from '#contracts/orders.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useFormatters } from '../../../app/format.ts';
import { queryClient } from '../../../app/query-client.ts';
import { sessionQueryOptions, useCurrentUser } from '../../../app/session.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
// The customer's name for the breadcrumb: the customer page's own query (and cache entry), not a copy.
import { customerQueryOptions } from '../../customers/api/get-customer.ts';
import { subscriptionChangesQueryOptions } from '../api/get-subscription-changes.ts';
import { subscriptionQueryOptions, useSubscription } from '../api/get-subscription.ts';
import { AutoRenewSwitch } from '../components/auto-renew-switch.tsx';
import { ChangeLicensesDialog } from '../components/change-licenses-dialog.tsx';
import { RenameDialog } from '../components/rename-dialog.tsx';
import { StatusDialog } from '../components/status-dialog.tsx';
import { SubscriptionHistory } from '../components/subscription-history.tsx';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const useStyles = makeStyles({
  breadcrumb: { marginBlockEnd: tokens.spacingVerticalS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`, margin: 0 },
  item: { minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: { margin: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  number: { fontVariantNumeric: 'tabular-nums' },
});

const statusColors: Record<Subscription['status'], BadgeProps['color']> = { active: 'success', pending: 'warning', suspended: 'danger', deleted: 'subtle' };
const billingCycles = ['monthly', 'annual', 'none', 'one_time'] as const;
const terms = ['P1M', 'P1Y', 'P3Y', 'none'] as const;

function Breadcrumbs({ customerId, customerName, current }: { customerId: string; customerName: string | undefined; current: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const follow = (to: string) => (event: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  const customerPath = `/customers/${customerId}`;
  return (
    <Breadcrumb aria-label={t('subscription.breadcrumb')} className={styles.breadcrumb} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton href="/customers" onClick={follow('/customers')}>
          {t('subscription.customers')}
        </BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton href={customerPath} onClick={follow(customerPath)}>
          {customerName ?? t('subscription.customer')}
        </BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}

function Details({ items }: { items: { label: string; value: ReactNode }[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {items.map((item) => (
        <div key={item.label} className={styles.item}>
          <dt className={styles.term}>{item.label}</dt>
          <dd className={styles.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** No such subscription, or not one of this partner's for the customer: the server does not say which. */
function SubscriptionNotFound({ back, crumbs }: { back: string; crumbs: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {crumbs}
      <PageHeader title={t('subscription.notFound.title')} description={t('subscription.notFound.body')} />
      <LinkButton appearance="primary" to={back}>
        {t('subscription.notFound.action')}
      </LinkButton>
    </>
  );
}

function SubscriptionPage({ customerId, subscriptionId }: { customerId: string; subscriptionId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const customer = useQuery(customerQueryOptions(customerId));
  const subscription = useSubscription(customerId, subscriptionId);
  const customerName = customer.data?.companyProfile.companyName;
  const crumbs = (current: string) => <Breadcrumbs customerId={customerId} customerName={customerName} current={current} />;

  if (subscription.isPending) {
    return (
      <>
        {crumbs(t('subscription.title'))}
        <Loading />
      </>
    );
  }
  if (subscription.isError) {
    if (isApiError(subscription.error, 404)) return <SubscriptionNotFound back={`/customers/${customerId}`} crumbs={crumbs(t('subscription.notFound.title'))} />;
    return (
      <>
        {crumbs(t('subscription.title'))}
        <PageHeader title={t('subscription.title')} />
        <QueryError title={t('subscription.loadFailed')} error={subscription.error} onRetry={() => void subscription.refetch()} />
      </>
    );
  }

  const data = subscription.data;
  // The session's actions: only an admin agent or a global admin is offered the changes (SPEC §1).
  const canManage = user.actions.includes('subscriptions.manage');
  const active = data.status === 'active';
  const changeable = data.status === 'active' || data.status === 'suspended';
  const cycle = billingCycles.find((value) => value === data.billingCycle);
  const term = terms.find((value) => value === data.termDuration);
  return (
    <>
      {crumbs(data.friendlyName)}
      <PageHeader title={data.friendlyName} description={data.offerName !== data.friendlyName ? data.offerName : undefined} />
      <div className={styles.sections}>
        <Panel aria-labelledby="details-heading">
          <PanelHeading id="details-heading">{t('subscription.details.heading')}</PanelHeading>
          {data.status === 'suspended' && canManage ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('subscription.suspendedNote')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {canManage && changeable ? (
            <div className={styles.actions} role="group" aria-label={t('subscription.title')}>
              {active ? <ChangeLicensesDialog customerId={customerId} subscription={data} /> : null}
              {active ? <RenameDialog customerId={customerId} subscription={data} /> : null}
              <StatusDialog customerId={customerId} subscription={data} />
            </div>
          ) : null}
          <Details
            items={[
              { label: t('subscription.details.quantity'), value: <span className={styles.number}>{format.number(data.quantity)}</span> },
              {
                label: t('subscription.details.status'),
                value: (
                  <Badge appearance="tint" color={statusColors[data.status]}>
                    {t(`subscription.statuses.${data.status}`)}
                  </Badge>
                ),
              },
              { label: t('subscription.details.offer'), value: data.offerName },
              { label: t('subscription.details.billingCycle'), value: cycle ? t(`subscription.billingCycles.${cycle}`) : data.billingCycle },
              { label: t('subscription.details.term'), value: term ? t(`subscription.terms.${term}`) : data.termDuration },
              { label: t('subscription.details.creationDate'), value: <time dateTime={data.creationDate}>{format.date(data.creationDate)}</time> },
              {
                label: t('subscription.details.commitmentEndDate'),
                value: data.commitmentEndDate ? <time dateTime={data.commitmentEndDate}>{format.date(data.commitmentEndDate)}</time> : t('subscription.details.none'),
              },
              { label: t('subscription.details.id'), value: data.id },
            ]}
          />
          {canManage && changeable ? (
            <AutoRenewSwitch customerId={customerId} subscription={data} disabled={!active} />
          ) : (
            <Details items={[{ label: t('subscription.details.autoRenew'), value: data.autoRenewEnabled ? t('subscription.autoRenew.on') : t('subscription.autoRenew.off') }]} />
          )}
        </Panel>
        <SubscriptionHistory customerId={customerId} subscriptionId={subscriptionId} />
      </div>
    </>
  );
}

/** The page's data, asked for side by side on the way to it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { customerId = '', subscriptionId = '' } = params;
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (session === null || !GUID.test(customerId) || !GUID.test(subscriptionId)) return null;
  await Promise.allSettled([
    queryClient.prefetchQuery(subscriptionQueryOptions(customerId, subscriptionId)),
    queryClient.prefetchQuery(subscriptionChangesQueryOptions(customerId, subscriptionId)),
    queryClient.prefetchQuery(customerQueryOptions(customerId)),
  ]);
  return null;
}

export function Component() {
  const { customerId = '', subscriptionId = '' } = useParams();
  // Not ids at all: the server would only say they are malformed.
  if (!GUID.test(customerId) || !GUID.test(subscriptionId)) return <SubscriptionNotFound back={GUID.test(customerId) ? `/customers/${customerId}` : '/customers'} crumbs={null} />;
  return <SubscriptionPage key={`${customerId}/${subscriptionId}`} customerId={customerId} subscriptionId={subscriptionId} />;
}
