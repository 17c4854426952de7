import type { customerDetailEnUS } from '../../features/customers/locales/en-US.ts';
import type { customerUsersEnUS } from '../../features/customer-users/locales/en-US.ts';
import type { customersListEnUS } from '../../features/customers/locales/list-en-US.ts';
import type { resellersEnUS } from '../../features/resellers/locales/en-US.ts';
import type { tenantEnUS } from '../../features/tenant/locales/en-US.ts';
import type { accountEnUS } from '../../features/account/locales/en-US.ts';
import type { activityLogEnUS } from '../../features/activity-log/locales/en-US.ts';
import type { appsEnUS } from '../../features/apps/locales/en-US.ts';
import type { relationshipsEnUS } from '../../features/relationships/locales/en-US.ts';
import type { teamEnUS } from '../../features/team/locales/en-US.ts';
import type { subscriptionEnUS } from '../../features/subscriptions/locales/en-US.ts';
import type { addSubscriptionsEnUS } from '../../features/add-subscriptions/locales/en-US.ts';
import { onboardingEnUS, type OnboardingStrings } from '../../features/onboarding/locales/en-US.ts';

/** English (United States): the source strings. Every other language has exactly these keys. */
export const enUS = {
  app: {
    name: 'Partnerdesk',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    retry: 'Try again',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copying failed: select the text and copy it yourself.',
    notFound: {
      title: 'Page not found',
      body: 'There is no page at this address. Check the address, or go back to your customers.',
      action: 'Go to Customers',
    },
    crashed: {
      title: 'Something went wrong',
      body: 'The page could not be shown. Reload it; if that does not help, tell your administrator and give them the request ID.',
      reload: 'Reload',
    },
  },
  errors: {
    network: 'The server could not be reached. Check your connection and try again.',
    forbidden: 'You do not have permission to do this.',
    unknown: 'Something went wrong. Try again in a moment.',
    withRequestId: '{{message}} (Request ID: {{requestId}})',
    throttled: 'Too many requests. Try again {{when}}.',
  },
  shell: {
    navigation: 'Main navigation',
    openNavigation: 'Open navigation',
    closeNavigation: 'Close navigation',
    partnerOrganisation: 'Partner organization',
    language: 'Language',
    userMenu: 'Account menu for {{name}}',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    nav: {
      customers: 'Customers',
      resellers: 'Indirect resellers',
      activityLog: 'Activity log',
      settings: 'Settings',
      account: 'Account',
    },
  },
  languages: {
    'en-US': 'English (United States)',
    'zh-TW': '繁體中文',
  },
  signIn: {
    title: 'Sign in',
    subtitle: 'Use your partner account to manage your customers.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'The email or password is not right. Check them and try again.',
    throttled: 'Too many sign-in attempts. Try again {{when}}.',
    throttledNoTime: 'Too many sign-in attempts. Wait a few minutes, then try again.',
    sessionEnded: 'Your session ended. Sign in again to continue.',
  },
  customers: {
    title: 'Customers',
    description: 'The customers your organization has a relationship with.',
    searchBy: 'Search by',
    searchLabel: 'Search customers',
    searchPlaceholderCompanyName: 'Any part of the company name',
    searchPlaceholderDomain: 'Any part of the domain',
    fields: {
      CompanyName: 'Company name',
      Domain: 'Domain',
    },
    columns: {
      companyName: 'Company',
      domain: 'Domain',
      country: 'Country/region',
      indirectReseller: 'Indirect reseller',
      createdAt: 'Added on',
    },
    tableLabel: 'Customers',
    noReseller: 'None',
    addCustomer: 'Add customer',
    shown_one: 'Showing {{count, number}} customer',
    shown_other: 'Showing {{count, number}} customers',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    emptyTitle: 'No customers yet',
    emptyBody: 'Customers you add or who accept your relationship invitation appear here.',
    emptyBodyCanAdd: 'Customers you add or who accept your relationship invitation appear here. Start with Add customer.',
    noMatchesTitle: 'No customers match “{{query}}”',
    noMatchesBody: 'Check the spelling, or search for another part of the name or domain.',
    loadFailed: 'The customers could not be loaded.',
    drafts: {
      title: 'Unfinished customers',
      description: 'Add-customer wizards you left before submitting. Only you see them.',
      untitled: 'Untitled draft',
      savedAt: '{{step}} · last saved',
      steps: {
        account: 'Account info',
        subscriptions: 'Subscriptions',
        review: 'Review',
      },
      resume: 'Resume',
      resumeLabel: 'Resume {{name}}',
      discard: 'Discard',
      discardLabel: 'Discard {{name}}',
      discardDialog: {
        title: 'Discard “{{name}}”?',
        body: 'Everything entered in this draft is deleted. This cannot be undone.',
        confirm: 'Discard draft',
        confirming: 'Discarding…',
        cancel: 'Cancel',
      },
      // Issue 7: a draft is deleted DRAFT_TTL_DAYS after its last save; the date follows.
      expires: 'kept until',
    },
  },
  // Typed here, brought at run time by the resellers and customers pages' code (features/resellers/locales/register-en-US.ts).
  resellers: {} as typeof resellersEnUS,
  // Typed here, brought at run time by the account page's code (features/account/locales/register-en-US.ts).
  account: {} as typeof accountEnUS,
  roles: {
    global_admin: 'Global admin',
    admin_agent: 'Admin agent',
    sales_agent: 'Sales agent',
    helpdesk_agent: 'Helpdesk agent',
    billing_admin: 'Billing admin',
  },
  partnerKinds: {
    direct: 'Direct-bill partner',
    indirect_provider: 'Indirect provider',
    indirect_reseller: 'Indirect reseller',
  },
  instances: {
    public: 'Public cloud',
    usgov: 'US Government',
  },
  onboarding: onboardingEnUS as OnboardingStrings,
  // Typed here, brought at run time by the customer page's code (features/customers/locales/register-en-US.ts).
  customerDetail: {} as typeof customerDetailEnUS,
  // Typed here, brought at run time by the Users tab's code (features/customer-users/locales/register-en-US.ts).
  customerUsers: {} as typeof customerUsersEnUS,
  // Typed here, brought at run time by the customers list's code (features/customers/locales/register-list-en-US.ts).
  customersList: {} as typeof customersListEnUS,
  // Typed here, brought at run time by the customer admin's pages (features/tenant/locales/register-en-US.ts).
  tenant: {} as typeof tenantEnUS,
  // Typed here, brought at run time by the Activity log's code (features/activity-log/locales/register-en-US.ts).
  activityLog: {} as typeof activityLogEnUS,
  apps: {} as typeof appsEnUS,
  // Typed here, brought at run time by the Request a relationship page (features/relationships/locales/register-en-US.ts).
  relationships: {} as typeof relationshipsEnUS,
  // Typed here, brought at run time by the Users page (features/team/locales/register-en-US.ts).
  team: {} as typeof teamEnUS,
  // Typed here, brought at run time by the subscription page (features/subscriptions/locales/register-en-US.ts).
  subscription: {} as typeof subscriptionEnUS,
  // Typed here, brought at run time by the Add subscriptions page (features/add-subscriptions/locales/register-en-US.ts).
  addSubscriptions: {} as typeof addSubscriptionsEnUS,
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language's resources must have. */
export type Messages = Strings<typeof enUS>;
