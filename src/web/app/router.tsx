import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { setUnauthorizedHandler } from './api-client.ts';
import { safeNextPath, signInPath } from './next-path.ts';
import { NotFoundPage } from './not-found.tsx';
import { queryClient } from './query-client.ts';
import { RouteError } from './route-error.tsx';
import { routeModules } from './preload.ts';
import { sessionQueryKey, sessionQueryOptions } from './session.tsx';
import { RequireSession, Shell } from './shell/shell.tsx';
import { AppLoading } from './ui/app-loading.tsx';

/** Where a user whose password someone else set goes first, and stays until it has chosen its own. */
export const CHANGE_PASSWORD_PATH = '/account/password';

async function requireSessionLoader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (session === null) throw redirect(signInPath(new URL(request.url)));
  if (session.user.mustChangePassword && new URL(request.url).pathname !== CHANGE_PASSWORD_PATH) throw redirect(CHANGE_PASSWORD_PATH);
  return null;
}

async function signInLoader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (session !== null) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  return null;
}

// Every first page's loader asks for the session, but only once that page's code is there (a route's
// `lazy` may hold loaders of its own): asking now fetches both side by side.
void queryClient.prefetchQuery(sessionQueryOptions());

export const router = createBrowserRouter([
  {
    HydrateFallback: AppLoading,
    ErrorBoundary: RouteError,
    children: [
      { path: '/sign-in', loader: signInLoader, lazy: routeModules.signIn },
      // The customer admin's pages: a session of their own, none of the partner's.
      { path: '/invitations', lazy: routeModules.tenantRequest },
      { path: '/relationship-requests/:code', lazy: routeModules.tenantRequest },
      { path: '/tenant/partners', lazy: routeModules.tenantPartners },
      {
        loader: requireSessionLoader,
        Component: RequireSession,
        children: [
          {
            Component: Shell,
            ErrorBoundary: RouteError,
            children: [
              { index: true, loader: () => redirect('/customers') },
              { path: '/customers', lazy: routeModules.customers },
              { path: '/customers/new/:step?', lazy: routeModules.newCustomer },
              { path: '/customers/request-relationship', lazy: routeModules.requestRelationship },
              { path: '/customers/:customerId', lazy: routeModules.customerDetail },
              { path: '/customers/:customerId/subscriptions/:subscriptionId', lazy: routeModules.subscription },
              { path: '/customers/:customerId/add-subscriptions', lazy: routeModules.addSubscriptions },
              { path: '/customers/:customerId/billing-profile', lazy: routeModules.billingProfile },
              { path: '/customers/:customerId/users', lazy: routeModules.customerUsers },
              { path: '/resellers', lazy: routeModules.resellers },
              { path: '/activity-log', lazy: routeModules.activityLog },
              { path: '/settings/users', lazy: routeModules.users },
              { path: '/account', lazy: routeModules.account },
              { path: '/account/apps', lazy: routeModules.apps },
              { path: CHANGE_PASSWORD_PATH, lazy: routeModules.changePassword },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
]);

// A call answered 401: the session ended (expired, or signed out in another tab). Back to sign-in,
// returning here afterwards.
setUnauthorizedHandler(() => {
  if (queryClient.getQueryData(sessionQueryKey) === null) return;
  queryClient.setQueryData(sessionQueryKey, null);
  void router.navigate(signInPath(new URL(window.location.href)), { replace: true, state: { sessionEnded: true } });
});
