import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { setUnauthorizedHandler } from './api-client.ts';
import { safeNextPath, signInPath } from './next-path.ts';
import { NotFoundPage } from './not-found.tsx';
import { queryClient } from './query-client.ts';
import { RouteError } from './route-error.tsx';
import { sessionQueryKey, sessionQueryOptions } from './session.tsx';
import { RequireSession, Shell } from './shell/shell.tsx';
import { AppLoading } from './ui/app-loading.tsx';

async function requireSessionLoader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (session === null) throw redirect(signInPath(new URL(request.url)));
  return null;
}

async function signInLoader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions());
  if (session !== null) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  return null;
}

export const router = createBrowserRouter([
  {
    HydrateFallback: AppLoading,
    ErrorBoundary: RouteError,
    children: [
      { path: '/sign-in', loader: signInLoader, lazy: () => import('../features/auth/routes/sign-in.tsx') },
      {
        loader: requireSessionLoader,
        Component: RequireSession,
        children: [
          {
            Component: Shell,
            ErrorBoundary: RouteError,
            children: [
              { index: true, loader: () => redirect('/customers') },
              { path: '/customers', lazy: () => import('../features/customers/routes/customers.tsx') },
              { path: '/customers/new/:step?', lazy: () => import('../features/onboarding/routes/new-customer.tsx') },
              { path: '/customers/:customerId', lazy: () => import('../features/customers/routes/customer-detail.tsx') },
              { path: '/resellers', lazy: () => import('../features/resellers/routes/resellers.tsx') },
              { path: '/account', lazy: () => import('../features/account/routes/account.tsx') },
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
