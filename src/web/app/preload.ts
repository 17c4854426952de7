/**
 * The pages' code, a chunk each: the router loads them when a page is opened, and a page fetches the
 * one a person goes to next while it is idle (the same chunk: the router then finds it loaded).
 */
export const routeModules = {
  signIn: () => import('../features/auth/routes/sign-in.tsx'),
  customers: () => import('../features/customers/routes/customers.tsx'),
  newCustomer: () => import('../features/onboarding/routes/new-customer.tsx'),
  customerDetail: () => import('../features/customers/routes/customer-detail.tsx'),
  subscription: () => import('../features/subscriptions/routes/subscription.tsx'),
  addSubscriptions: () => import('../features/add-subscriptions/routes/add-subscriptions.tsx'),
  billingProfile: () => import('../features/customers/routes/billing-profile.tsx'),
  customerUsers: () => import('../features/customer-users/routes/customer-users.tsx'),
  requestRelationship: () => import('../features/relationships/routes/request-relationship.tsx'),
  resellers: () => import('../features/resellers/routes/resellers.tsx'),
  account: () => import('../features/account/routes/account.tsx'),
  apps: () => import('../features/apps/routes/apps.tsx'),
  changePassword: () => import('../features/account/routes/change-password.tsx'),
  users: () => import('../features/team/routes/users.tsx'),
  activityLog: () => import('../features/activity-log/routes/activity-log.tsx'),
  tenantRequest: () => import('../features/tenant/routes/accept.tsx'),
  tenantPartners: () => import('../features/tenant/routes/partners.tsx'),
};

/** Fetches the code of the page at `path` (a path of the portal, with or without its query). */
export function preloadPage(path: string): void {
  const pathname = path.split(/[?#]/)[0] ?? '';
  let load: (() => Promise<unknown>) | null = null;
  if (pathname === '/' || pathname === '/customers') load = routeModules.customers;
  else if (pathname.startsWith('/customers/new')) load = routeModules.newCustomer;
  else if (pathname === '/customers/request-relationship') load = routeModules.requestRelationship;
  else if (/^\/customers\/[^/]+\/subscriptions\/[^/]+$/.test(pathname)) load = routeModules.subscription;
  else if (/^\/customers\/[^/]+\/add-subscriptions$/.test(pathname)) load = routeModules.addSubscriptions;
  else if (/^\/customers\/[^/]+\/billing-profile$/.test(pathname)) load = routeModules.billingProfile;
  else if (/^\/customers\/[^/]+\/users$/.test(pathname)) load = routeModules.customerUsers;
  else if (pathname.startsWith('/customers/')) load = routeModules.customerDetail;
  else if (pathname === '/resellers') load = routeModules.resellers;
  else if (pathname === '/account') load = routeModules.account;
  else if (pathname === '/account/apps') load = routeModules.apps;
  else if (pathname === '/account/password') load = routeModules.changePassword;
  else if (pathname === '/settings/users') load = routeModules.users;
  else if (pathname === '/activity-log') load = routeModules.activityLog;
  // A failed fetch (offline) is not an error here: the router tries again when the page is opened.
  load?.().catch(() => undefined);
}

/** Runs `task` when the browser has nothing else to do (soon, where it cannot tell); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}
