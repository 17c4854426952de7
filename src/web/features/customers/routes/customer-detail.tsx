import '../locales/register-en-US.ts';
import '../../customer-users/locales/register-en-US.ts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '../../../app/api-client.ts';
import { queryClient } from '../../../app/query-client.ts';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import { useCustomer } from '../api/get-customer.ts';
import { prefetchCustomerPage, settledWithin } from '../api/prefetch-customer.ts';
import { CustomerAgreements } from '../components/customer-agreements.tsx';
import { CustomerEligibility } from '../components/customer-eligibility.tsx';
import { CustomerOrders } from '../components/customer-orders.tsx';
import { CustomerProfile } from '../components/customer-profile.tsx';
import { CustomerRelationship } from '../components/customer-relationship.tsx';
import { CustomerSubscriptions } from '../components/customer-subscriptions.tsx';
import { CustomerTabs } from '../components/customer-tabs.tsx';
import { Breadcrumbs } from '../components/customer-breadcrumbs.tsx';
import { ResetAdminPasswordDialog } from '../components/reset-admin-password-dialog.tsx';
import { ChangeResellerDialog } from '../components/change-reseller-dialog.tsx';
import { AddAgreementDialog } from '../components/add-agreement-dialog.tsx';
import { sessionQueryOptions, useCurrentUser } from '../../../app/session.tsx';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Relationship and agreement side by side on a wide screen, one above the other on a phone.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
});

/** No such customer, or none this partner has a relationship with: the server does not say which. */
function CustomerNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs current={t('customerDetail.notFound.title')} />
      <PageHeader title={t('customerDetail.notFound.title')} description={t('customerDetail.notFound.body')} />
      <LinkButton appearance="primary" to="/customers">
        {t('customerDetail.notFound.action')}
      </LinkButton>
    </>
  );
}

function CustomerDetail({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const user = useCurrentUser();

  if (customer.isPending) {
    return (
      <>
        <Breadcrumbs current={t('customerDetail.title')} />
        <Loading />
      </>
    );
  }
  if (customer.isError) {
    if (isApiError(customer.error, 404)) return <CustomerNotFound />;
    return (
      <>
        <Breadcrumbs current={t('customerDetail.title')} />
        <PageHeader title={t('customerDetail.title')} />
        <QueryError title={t('customerDetail.loadFailed')} error={customer.error} onRetry={() => void customer.refetch()} />
      </>
    );
  }

  const { companyProfile } = customer.data;
  const canEdit = user.actions.includes('customers.edit');
  // An indirect provider's (the session's actions leave it out for anyone else).
  const canChangeReseller = user.actions.includes('customers.assign_reseller');
  return (
    <>
      <Breadcrumbs current={companyProfile.companyName} />
      <PageHeader
        title={companyProfile.companyName}
        description={companyProfile.domain}
        actions={canEdit ? <ResetAdminPasswordDialog customerId={customerId} /> : undefined}
      />
      <CustomerTabs customerId={customerId} selected="overview" />
      <div className={styles.sections}>
        <CustomerProfile
          customer={customer.data}
          action={canEdit ? (
            <LinkButton to={`/customers/${customerId}/billing-profile`} icon={<Edit20Regular />}>
              {t('customerDetail.billingProfile.edit')}
            </LinkButton>
          ) : undefined}
        />
        <div className={styles.pair}>
          <CustomerRelationship customer={customer.data} action={canChangeReseller ? <ChangeResellerDialog customer={customer.data} /> : undefined} />
          {/* US Government has no agreement step (SPEC §8): its customers show their eligibility instead. */}
          {user.partner.instance === 'usgov' ? <CustomerEligibility customerId={customerId} /> : <CustomerAgreements customerId={customerId} action={user.actions.includes('agreements.confirm') ? <AddAgreementDialog customerId={customerId} company={companyProfile.companyName} /> : undefined} />}
        </div>
        <CustomerSubscriptions customerId={customerId} />
        <CustomerOrders customerId={customerId} />
      </div>
    </>
  );
}

/**
 * On the way to the page, every section's data is asked for at once, and waited for briefly so that
 * the page shows whole (usually it is there already: asked for when the pointer reached the list's row).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const customerId = params.customerId ?? '';
  // Loaders run side by side: signed out, the parent's sends to sign-in and this asks for nothing.
  const user = (await queryClient.ensureQueryData(sessionQueryOptions()))?.user;
  if (user !== undefined && GUID.test(customerId)) await settledWithin(prefetchCustomerPage(queryClient, customerId, user.partner.instance));
  return null;
}

export function Component() {
  const { customerId = '' } = useParams();
  // Not a customer id at all: the server would only say the id is malformed.
  if (!GUID.test(customerId)) return <CustomerNotFound />;
  return <CustomerDetail key={customerId} customerId={customerId} />;
}
