/**
 * Every route of the app, classified (issue 8 §3): the SPEC §1 action it needs (the rule is `denialOf`
 * in #domain/roles.ts), what each path parameter is, and a valid request against a partner's data. The
 * access matrix and the malformed-request suite enumerate the routes from the app itself and look each
 * one up here, so a new route fails them until it is added.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Action, PartnerKind, Role } from '#domain/roles.ts';
import { bearerFor, createCustomer, createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import type { TestApp } from '#test/helpers/app.ts';
import type { RouteInfo } from '#test/helpers/routes.ts';
import { agreementBody, api, createOffer, customerBody, onboardingBody, today, type Headers } from './onboarding-fixtures.ts';

/** What decides an action beyond the roles: the organisation's kind, instance and US Government validation. */
export interface Standing { label: string; kind: PartnerKind; instance: 'public' | 'usgov'; usgovValidated: boolean }

export interface Caller { id: string; email: string; password: string; roles: Role[]; headers: Headers }

/** A partner organisation with a customer (agreement accepted), an order with one subscription, and the user who set it up. */
export interface World {
  /** The app the world lives in (samples that read before they write: a current etag). */
  t: TestApp;
  standing: Standing;
  partnerId: string;
  owner: Caller;
  customerId: string;
  domain: string;
  orderId: string;
  subscriptionId: string;
  offerId: string;
  templateId: string;
  /** A relationship invitation of the partner's (an id of none where relationship requests are off). */
  invitationId: string;
  /** An app registration of the partner's, with a secret (made by its global admin). */
  appId: string;
  appSecret: string;
  /** Another user of the partner's team (a helpdesk agent), for the team routes. */
  memberId: string;
  /** A user of the customer (not its admin), made through the API. */
  customerUserId: string;
}

export interface SampleContext {
  world: World;
  caller: Caller;
  /** A fresh draft (its id) of the one whose drafts the request is about; an id of none when it may have none. */
  draft(): Promise<string>;
  /** A fresh personal API token (its id), likewise. */
  token(): Promise<string>;
  /** A fresh app registration and one secret of it (their ids), likewise. */
  app(): Promise<{ appId: string; secretId: string }>;
  /** A fresh app sign-in (refresh token family) of the user's for the world's app (its id), likewise. */
  grant(): Promise<string>;
}

/** `payload` goes as JSON, or as it is when a string with its own content-type header (a form). */
export interface Sample { url: string; payload?: unknown; headers?: Headers }

/** What a path parameter names: a resource of the caller's partner (or user), or a value anyone may ask about. */
export type ParamKind = 'customer' | 'customer_user' | 'order' | 'subscription' | 'draft' | 'token' | 'invitation' | 'app' | 'secret' | 'grant' | 'member' | 'value';

export interface RouteEntry {
  /**
   * The SPEC §1 action the route needs; `signed_in`: any signed-in user (for itself); `public`: anyone;
   * `tenant`: the customer admin's side (public to partners' credentials; a 4xx without its own session or a real link).
   */
  action: Action | 'signed_in' | 'public' | 'tenant';
  params?: Record<string, ParamKind>;
  /** Only a US Government customer takes it: elsewhere whoever may is told 403002. */
  usgovOnly?: true;
  sample(context: SampleContext): Sample | Promise<Sample>;
}

const letters = (n = 6) => [...randomBytes(n)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
/** A customer body in the world's instance (US Government domains end in .onmicrosoft.us). */
function newCustomer(world: World) {
  const body = customerBody();
  if (world.standing.instance === 'usgov') body.companyProfile.domain = body.companyProfile.domain.replace(/\.onmicrosoft\.com$/, '.onmicrosoft.us');
  return body;
}
const eligibility = { validationType: 'GovernmentEntity', details: 'City of Redmond, a municipal government.' } as const;
function newOnboarding(world: World) {
  const { agreement, ...rest } = onboardingBody([{ offerId: world.offerId, quantity: 1 }]);
  return world.standing.instance === 'usgov' ? { ...newCustomer(world), lineItems: rest.lineItems, eligibility } : { ...rest, agreement };
}
/** The customer's billing profile as its partner's owner reads it; for a customer of none, one like it. */
async function billingProfileOf(world: World) {
  const response = await api(world.t, world.owner.headers).get(`/v1/customers/${world.customerId}/profiles/billing`);
  if (response.statusCode === 200) return response.json<Record<string, unknown>>();
  return {
    firstName: 'Dana', lastName: 'Whitfield', email: 'it@customer.example', culture: 'en-US', language: 'en', companyName: 'Customer',
    defaultAddress: { addressLine1: '1 Main Street', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US', phoneNumber: '+14255550100' },
    attributes: { etag: 'W/"1"', objectType: 'CustomerBillingProfile' },
  };
}
const customer = (path = '') => ({ world }: SampleContext) => ({ url: `/v1/customers/${world.customerId}${path}` });
const CUSTOMER = { customerId: 'customer' } as const;
const user = (path = '') => ({ world }: SampleContext) => ({ url: `/v1/customers/${world.customerId}/users/${world.customerUserId}${path}` });
const USER = { customerId: 'customer', userId: 'customer_user' } as const;
async function freshCustomerUser(world: World) {
  const response = await api(world.t, world.owner.headers).post(`/v1/customers/${world.customerId}/users`, { userPrincipalName: `d${letters()}@${world.domain}`, displayName: 'To delete' });
  return response.statusCode === 201 ? response.json<{ id: string }>().id : randomUUID();
}
const invitation = (path = '') => ({ world }: SampleContext) => ({ url: `/v1/relationshipinvitations/${world.invitationId}${path}` });
const INVITATION = { invitationId: 'invitation' } as const;
const member = (path = '') => ({ world }: SampleContext) => ({ url: `/v1/partner/users/${world.memberId}${path}` });
const MEMBER = { userId: 'member' } as const;

export const routeTable: Record<string, RouteEntry> = {
  'GET /healthz': { action: 'public', sample: () => ({ url: '/healthz' }) },
  'GET /readyz': { action: 'public', sample: () => ({ url: '/readyz' }) },
  'GET /openapi.json': { action: 'public', sample: () => ({ url: '/openapi.json' }) },

  'POST /api/session': { action: 'public', sample: ({ caller }) => ({ url: '/api/session', payload: { email: caller.email, password: caller.password } }) },
  'GET /api/session': { action: 'signed_in', sample: () => ({ url: '/api/session' }) },
  'DELETE /api/session': { action: 'public', sample: () => ({ url: '/api/session' }) },
  'POST /v1/auth/token': { action: 'public', sample: ({ caller }) => ({ url: '/v1/auth/token', payload: { email: caller.email, password: caller.password } }) },
  'GET /api/tokens': { action: 'tokens.manage_own', sample: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': { action: 'tokens.manage_own', sample: () => ({ url: '/api/tokens', payload: { name: `matrix ${letters()}` } }) },
  'DELETE /api/tokens/:id': { action: 'tokens.manage_own', params: { id: 'token' }, sample: async ({ token }) => ({ url: `/api/tokens/${await token()}` }) },

  'GET /api/apps': { action: 'apps.manage', sample: () => ({ url: '/api/apps' }) },
  'POST /api/apps': { action: 'apps.manage', sample: () => ({ url: '/api/apps', payload: { displayName: `Matrix ${letters()}` } }) },
  'DELETE /api/apps/:appId': { action: 'apps.manage', params: { appId: 'app' }, sample: async ({ app }) => ({ url: `/api/apps/${(await app()).appId}` }) },
  'POST /api/apps/:appId/secrets': { action: 'apps.manage', params: { appId: 'app' }, sample: ({ world }) => ({ url: `/api/apps/${world.appId}/secrets`, payload: { description: 'matrix' } }) },
  'DELETE /api/apps/:appId/secrets/:secretId': {
    action: 'apps.manage',
    params: { appId: 'app', secretId: 'secret' },
    sample: async ({ app }) => {
      const { appId, secretId } = await app();
      return { url: `/api/apps/${appId}/secrets/${secretId}` };
    },
  },
  'POST /api/apps/:appId/refresh-tokens': { action: 'tokens.manage_own', params: { appId: 'app' }, sample: ({ world }) => ({ url: `/api/apps/${world.appId}/refresh-tokens`, payload: {} }) },
  'GET /api/apps/sign-in': { action: 'signed_in', sample: () => ({ url: '/api/apps/sign-in' }) },
  'DELETE /api/apps/sign-ins/:grantId': { action: 'signed_in', params: { grantId: 'grant' }, sample: async ({ grant }) => ({ url: `/api/apps/sign-ins/${await grant()}` }) },
  'POST /:tenant/oauth2/v2.0/token': {
    action: 'public',
    params: { tenant: 'value' },
    sample: ({ world }) => ({
      url: `/${world.partnerId}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: world.appId, client_secret: world.appSecret, scope: 'https://api.partnercenter.microsoft.com/.default' }).toString(),
    }),
  },
  'GET /:tenant/discovery/v2.0/keys': { action: 'public', params: { tenant: 'value' }, sample: () => ({ url: '/common/discovery/v2.0/keys' }) },
  'GET /:tenant/v2.0/.well-known/openid-configuration': { action: 'public', params: { tenant: 'value' }, sample: () => ({ url: '/common/v2.0/.well-known/openid-configuration' }) },

  'POST /v1/customers': { action: 'customers.add', sample: ({ world }) => ({ url: '/v1/customers', payload: newCustomer(world) }) },
  'GET /v1/customers': { action: 'customers.view', sample: () => ({ url: '/v1/customers?size=5' }) },
  'GET /v1/customers/export': { action: 'customers.view', sample: () => ({ url: '/v1/customers/export?sort=createdAt' }) },
  'GET /v1/customers/countries': { action: 'customers.view', sample: () => ({ url: '/v1/customers/countries' }) },
  'GET /v1/customers/relationshiprequests': { action: 'relationships.request', sample: () => ({ url: '/v1/customers/relationshiprequests' }) },
  'POST /v1/customers/:customerId/adminpasswordresets': { action: 'customers.edit', params: CUSTOMER, sample: customer('/adminpasswordresets') },
  'GET /v1/customers/:customerId': { action: 'customers.view', params: CUSTOMER, sample: customer() },
  'GET /v1/customers/:customerId/relationships': { action: 'customers.view', params: CUSTOMER, sample: customer('/relationships') },
  'GET /v1/customers/:customerId/profiles/company': { action: 'customers.view', params: CUSTOMER, sample: customer('/profiles/company') },
  'GET /v1/customers/:customerId/profiles/billing': { action: 'customers.view', params: CUSTOMER, sample: customer('/profiles/billing') },
  // The profile as its owner reads it now (its current etag), sent back whole.
  'PUT /v1/customers/:customerId/profiles/billing': {
    action: 'customers.edit',
    params: CUSTOMER,
    sample: async ({ world }) => ({ url: `/v1/customers/${world.customerId}/profiles/billing`, payload: await billingProfileOf(world) }),
  },
  // Clearing (null) is a valid request of any provider's customer, whatever resellers it has.
  'PUT /v1/customers/:customerId/indirectreseller': {
    action: 'customers.assign_reseller',
    params: CUSTOMER,
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/indirectreseller`, payload: { indirectResellerId: null } }),
  },
  'GET /v1/customers/:customerId/eligibility': { action: 'customers.view', params: CUSTOMER, sample: customer('/eligibility') },
  'POST /v1/customers/:customerId/eligibility': { action: 'customers.add', params: CUSTOMER, usgovOnly: true, sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/eligibility`, payload: eligibility }) },

  'POST /v1/customers/:customerId/users': {
    action: 'customer_users.manage',
    params: CUSTOMER,
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/users`, payload: { userPrincipalName: `u${letters()}@${world.domain}`, displayName: 'Matrix User' } }),
  },
  'GET /v1/customers/:customerId/users': { action: 'customers.view', params: CUSTOMER, sample: customer('/users?size=5') },
  'GET /v1/customers/:customerId/users/:userId': { action: 'customers.view', params: USER, sample: user() },
  'PATCH /v1/customers/:customerId/users/:userId': { action: 'customer_users.reset_password', params: USER, sample: (context) => ({ ...user()(context), payload: { passwordProfile: { forceChangePassword: true } } }) },
  // A user of its own each time (made by the owner, or an id of none when it may not be made).
  'DELETE /v1/customers/:customerId/users/:userId': {
    action: 'customer_users.manage',
    params: USER,
    sample: async ({ world }) => ({ url: `/v1/customers/${world.customerId}/users/${await freshCustomerUser(world)}` }),
  },
  'GET /v1/customers/:customerId/users/:userId/directoryroles': { action: 'customers.view', params: USER, sample: user('/directoryroles') },
  'POST /v1/customers/:customerId/users/:userId/licenseupdates': {
    action: 'customer_users.manage',
    params: USER,
    sample: (context) => ({ ...user('/licenseupdates')(context), payload: { licensesToAssign: [{ subscriptionId: context.world.subscriptionId }] } }),
  },
  'GET /v1/customers/:customerId/directoryroles': { action: 'customers.view', params: CUSTOMER, sample: customer('/directoryroles') },
  'GET /v1/customers/:customerId/directoryroles/:roleId/usermembers': {
    action: 'customers.view',
    params: { customerId: 'customer', roleId: 'value' },
    sample: customer('/directoryroles/62e90394-69f5-4237-9190-012177145e10/usermembers'),
  },
  'GET /v1/customers/:customerId/subscribedskus': { action: 'customers.view', params: CUSTOMER, sample: customer('/subscribedskus') },

  'POST /v1/relationshipinvitations': { action: 'relationships.request', sample: () => ({ url: '/v1/relationshipinvitations', payload: { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example' } }) },
  'GET /v1/relationshipinvitations': { action: 'relationships.request', sample: () => ({ url: '/v1/relationshipinvitations?size=5' }) },
  'GET /v1/relationshipinvitations/:invitationId': { action: 'relationships.request', params: INVITATION, sample: invitation() },
  'POST /v1/relationshipinvitations/:invitationId/resend': { action: 'relationships.request', params: INVITATION, sample: invitation('/resend') },
  'POST /v1/relationshipinvitations/:invitationId/revoke': { action: 'relationships.request', params: INVITATION, sample: invitation('/revoke') },
  'GET /v1/auditrecords': { action: 'audit.view', sample: () => ({ url: '/v1/auditrecords?size=5' }) },
  'GET /v1/auditrecords/export': { action: 'audit.view', sample: () => ({ url: '/v1/auditrecords/export' }) },

  'POST /api/tenant/session': { action: 'tenant', sample: () => ({ url: '/api/tenant/session', payload: { userPrincipalName: 'admin@nobody.onmicrosoft.com', password: 'Not-the-password-1' } }) },
  'GET /api/tenant/session': { action: 'tenant', sample: () => ({ url: '/api/tenant/session' }) },
  'DELETE /api/tenant/session': { action: 'tenant', sample: () => ({ url: '/api/tenant/session' }) },
  'POST /api/tenant/password': { action: 'tenant', sample: () => ({ url: '/api/tenant/password', payload: { currentPassword: 'Old-password-1', newPassword: 'New-password-1' } }) },
  'POST /api/tenant/requests/view': { action: 'tenant', sample: ({ world }) => ({ url: '/api/tenant/requests/view', payload: { code: world.partnerId } }) },
  'POST /api/tenant/requests/accept': { action: 'tenant', sample: () => ({ url: '/api/tenant/requests/accept', payload: { token: 'pdinv_none' } }) },
  'POST /api/tenant/requests/decline': { action: 'tenant', sample: () => ({ url: '/api/tenant/requests/decline', payload: { token: 'pdinv_none' } }) },
  'GET /api/tenant/partners': { action: 'tenant', sample: () => ({ url: '/api/tenant/partners' }) },
  'DELETE /api/tenant/partners/:partnerId': { action: 'tenant', params: { partnerId: 'value' }, sample: ({ world }) => ({ url: `/api/tenant/partners/${world.partnerId}` }) },

  'GET /v1/partner/users': { action: 'users.manage', sample: () => ({ url: '/v1/partner/users?size=5' }) },
  'POST /v1/partner/users': { action: 'users.manage', sample: () => ({ url: '/v1/partner/users', payload: { displayName: 'Robin Member', email: `member-${letters(10)}@team.example`, roles: ['helpdesk_agent'] } }) },
  'GET /v1/partner/users/:userId': { action: 'users.manage', params: MEMBER, sample: member() },
  'PUT /v1/partner/users/:userId/roles': { action: 'users.manage', params: MEMBER, sample: ({ world }) => ({ url: `/v1/partner/users/${world.memberId}/roles`, payload: { roles: ['helpdesk_agent', 'billing_admin'] } }) },
  'POST /v1/partner/users/:userId/deactivate': { action: 'users.manage', params: MEMBER, sample: member('/deactivate') },
  'POST /v1/partner/users/:userId/reactivate': { action: 'users.manage', params: MEMBER, sample: member('/reactivate') },
  'POST /v1/partner/users/:userId/password': { action: 'users.manage', params: MEMBER, sample: member('/password') },
  // The caller's own password, changed for real: the caller's password is the new one afterwards (later
  // samples sign in with it); its bearer token and this session go on.
  'POST /api/account/password': {
    action: 'signed_in',
    sample: ({ caller }) => {
      const payload = { currentPassword: caller.password, newPassword: `Changed-${letters(8)}-1` };
      caller.password = payload.newPassword;
      return { url: '/api/account/password', payload };
    },
  },

  'GET /v1/relationships': { action: 'customers.view', sample: () => ({ url: '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf' }) },
  'HEAD /v1/domains/:domain': { action: 'signed_in', params: { domain: 'value' }, sample: ({ world }) => ({ url: `/v1/domains/${world.domain}` }) },
  'GET /v1/domains/:domain/availability': { action: 'signed_in', params: { domain: 'value' }, sample: ({ world }) => ({ url: `/v1/domains/${world.domain}/availability` }) },
  'GET /v1/countryvalidationrules/:country': { action: 'signed_in', params: { country: 'value' }, sample: () => ({ url: '/v1/countryvalidationrules/US?locale=zh-TW' }) },
  'POST /v1/validations/address': {
    action: 'signed_in',
    sample: () => ({ url: '/v1/validations/address', payload: { addressLine1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' } }),
  },

  'GET /v1/agreements': { action: 'signed_in', sample: () => ({ url: '/v1/agreements?agreementType=MicrosoftCustomerAgreement' }) },
  'POST /v1/customers/:customerId/agreements': {
    action: 'agreements.confirm',
    params: CUSTOMER,
    // A new signer each time: the same signer twice is a 409.
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/agreements`, payload: { ...agreementBody({ lastName: `Signer${letters()}`, email: `${letters()}@signer.example` }), templateId: world.templateId } }),
  },
  'GET /v1/customers/:customerId/agreements': { action: 'customers.view', params: CUSTOMER, sample: customer('/agreements') },
  'GET /v1/offers': { action: 'offers.view', sample: () => ({ url: '/v1/offers?country=US&size=5' }) },
  'GET /v1/offers/:offerId': { action: 'offers.view', params: { offerId: 'value' }, sample: ({ world }) => ({ url: `/v1/offers/${encodeURIComponent(world.offerId)}?country=US` }) },
  'POST /v1/customers/:customerId/orders': {
    action: 'orders.create',
    params: CUSTOMER,
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/orders`, payload: { lineItems: [{ offerId: world.offerId, quantity: 1 }] } }),
  },
  'GET /v1/customers/:customerId/orders': { action: 'customers.view', params: CUSTOMER, sample: customer('/orders') },
  'GET /v1/customers/:customerId/orders/:orderId': {
    action: 'customers.view',
    params: { customerId: 'customer', orderId: 'order' },
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/orders/${world.orderId}` }),
  },
  'GET /v1/customers/:customerId/orders/:orderId/provisioningstatus': {
    action: 'customers.view',
    params: { customerId: 'customer', orderId: 'order' },
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/orders/${world.orderId}/provisioningstatus` }),
  },
  'GET /v1/customers/:customerId/subscriptions': { action: 'customers.view', params: CUSTOMER, sample: customer('/subscriptions') },
  'GET /v1/customers/:customerId/subscriptions/:subscriptionId': {
    action: 'customers.view',
    params: { customerId: 'customer', subscriptionId: 'subscription' },
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/subscriptions/${world.subscriptionId}` }),
  },
  'PATCH /v1/customers/:customerId/subscriptions/:subscriptionId': {
    action: 'subscriptions.manage',
    params: { customerId: 'customer', subscriptionId: 'subscription' },
    // A rename, without If-Match: it applies to the subscription as it is, however often the matrix sends it.
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/subscriptions/${world.subscriptionId}`, payload: { friendlyName: `Renamed ${letters()}` } }),
  },
  'GET /v1/customers/:customerId/subscriptions/:subscriptionId/changes': {
    action: 'customers.view',
    params: { customerId: 'customer', subscriptionId: 'subscription' },
    sample: ({ world }) => ({ url: `/v1/customers/${world.customerId}/subscriptions/${world.subscriptionId}/changes` }),
  },

  'POST /v1/onboardings': { action: 'customers.add', sample: ({ world }) => ({ url: '/v1/onboardings', payload: newOnboarding(world) }) },
  'POST /v1/onboardings/validations': { action: 'customers.add', sample: ({ world }) => ({ url: '/v1/onboardings/validations', payload: newOnboarding(world) }) },
  'POST /v1/onboardings/drafts': { action: 'customers.add', sample: () => ({ url: '/v1/onboardings/drafts', payload: { step: 'account', data: { companyName: 'Draft Ltd' } } }) },
  'GET /v1/onboardings/drafts': { action: 'signed_in', sample: () => ({ url: '/v1/onboardings/drafts' }) },
  'GET /v1/onboardings/drafts/:draftId': { action: 'signed_in', params: { draftId: 'draft' }, sample: async ({ draft }) => ({ url: `/v1/onboardings/drafts/${await draft()}` }) },
  'PUT /v1/onboardings/drafts/:draftId': {
    action: 'customers.add',
    params: { draftId: 'draft' },
    sample: async ({ draft }) => ({ url: `/v1/onboardings/drafts/${await draft()}`, payload: { step: 'review', data: { companyName: 'Draft Ltd' } }, headers: { 'if-match': '"1"' } }),
  },
  'DELETE /v1/onboardings/drafts/:draftId': { action: 'signed_in', params: { draftId: 'draft' }, sample: async ({ draft }) => ({ url: `/v1/onboardings/drafts/${await draft()}` }) },
};

/** The API documentation's own routes (@fastify/swagger-ui): whatever it adds is served as the plugin decides. */
const docsEntry: RouteEntry = { action: 'public', sample: () => ({ url: '/docs/json' }) };

/** The table's entry for a route; Fastify's automatic HEAD of a GET is that GET's. Undefined: not classified. */
export function entryOf(route: Pick<RouteInfo, 'method' | 'url'>, routes: readonly Pick<RouteInfo, 'method' | 'url'>[]): RouteEntry | undefined {
  if (route.url === '/docs' || route.url.startsWith('/docs/')) return docsEntry;
  const own = routeTable[`${route.method} ${route.url}`];
  if (own) return own;
  if (route.method === 'HEAD' && routes.some((other) => other.method === 'GET' && other.url === route.url)) return routeTable[`GET ${route.url}`];
  return undefined;
}

/** Sends a route's sample (or a variation of it) as `caller`. */
export function send(t: TestApp, method: string, sample: Sample, caller: Pick<Caller, 'headers'>) {
  const hasBody = sample.payload !== undefined;
  const raw = typeof sample.payload === 'string' && sample.headers?.['content-type'] !== undefined;
  return t.app.inject({
    method: method as 'GET',
    url: sample.url,
    headers: { ...caller.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}), ...sample.headers },
    ...(hasBody ? { payload: raw ? (sample.payload as string) : JSON.stringify(sample.payload) } : {}),
  });
}

export async function newUser(t: TestApp, partnerId: string, roles: Role[]): Promise<Caller> {
  const user = await createUser(t.db, { partnerId, roles });
  return { ...user, roles, headers: await bearerFor(t.app, user.email, FACTORY_PASSWORD) };
}

/**
 * A partner of the given standing with its data: a customer whose agreement is confirmed, an order for
 * it with one subscription (placed through the API by its global admin).
 */
export async function buildWorld(t: TestApp, standing: Standing, templates: Record<'public' | 'usgov', string>): Promise<World> {
  const partner = await createPartner(t.db, { kind: standing.kind, instance: standing.instance, usgovValidated: standing.usgovValidated });
  const owner = await newUser(t, partner.id, ['global_admin']);
  const created = await createCustomer(t.db, { partnerIds: [partner.id], instance: standing.instance });
  const templateId = templates[standing.instance];
  if (standing.instance === 'public') {
    await t.db
      .insertInto('agreement_confirmations')
      .values({ id: randomUUID(), customer_id: created.id, template_id: templateId, agreement_type: 'MicrosoftCustomerAgreement', signer_first_name: 'Dana', signer_last_name: 'Whitfield', signer_email: 'dana@signer.example', date_agreed: new Date(`${today()}T00:00:00Z`), partner_id: partner.id, confirmed_by_user_id: owner.id })
      .execute();
  }
  if (standing.instance === 'usgov') {
    // A US Government customer orders only once its eligibility is recorded (SPEC §8).
    await t.db
      .insertInto('customer_eligibility_validations')
      .values({ id: randomUUID(), customer_id: created.id, partner_id: partner.id, validation_type: eligibility.validationType, details: eligibility.details, validated_by_user_id: owner.id })
      .execute();
  }
  const offer = await createOffer(t.db, { instance: standing.instance, ...(standing.instance === 'usgov' ? { category: 'government' as const } : {}) });
  const order = await api(t, owner.headers).post(`/v1/customers/${created.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] });
  if (order.statusCode !== 201) throw new Error(`the world's order failed: ${order.statusCode} ${order.body}`);
  const { id: orderId, lineItems } = order.json<{ id: string; lineItems: { subscriptionId: string }[] }>();
  const invited = await api(t, owner.headers).post('/v1/relationshipinvitations', { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example' });
  const invitationId = invited.statusCode === 201 ? invited.json<{ id: string }>().id : randomUUID();
  const app = await api(t, owner.headers).post('/api/apps', { displayName: 'World app' });
  if (app.statusCode !== 201) throw new Error(`the world's app failed: ${app.statusCode} ${app.body}`);
  const appId = app.json<{ id: string }>().id;
  const appSecret = (await api(t, owner.headers).post(`/api/apps/${appId}/secrets`, { description: 'world' })).json<{ secret: string }>().secret;
  const memberId = (await createUser(t.db, { partnerId: partner.id, roles: ['helpdesk_agent'] })).id;
  const madeUser = await api(t, owner.headers).post(`/v1/customers/${created.id}/users`, { userPrincipalName: `world@${created.domain}`, displayName: 'World User' });
  if (madeUser.statusCode !== 201) throw new Error(`the world's customer user failed: ${madeUser.statusCode} ${madeUser.body}`);
  const customerUserId = madeUser.json<{ id: string }>().id;
  return { t, standing, partnerId: partner.id, owner, customerId: created.id, domain: created.domain, orderId, subscriptionId: lineItems[0]!.subscriptionId, offerId: offer.id, templateId, invitationId, appId, appSecret, memberId, customerUserId };
}

/** A draft, a token, an app and an app sign-in of `user`'s own, made through the API; a random id when the user may not have one. */
export function ownResources(t: TestApp, user: Caller, world?: Pick<World, 'appId'>) {
  return {
    async app() {
      const response = await api(t, user.headers).post('/api/apps', { displayName: `Own ${letters()}` });
      if (response.statusCode !== 201) return { appId: randomUUID(), secretId: randomUUID() };
      const appId = response.json<{ id: string }>().id;
      const secret = await api(t, user.headers).post(`/api/apps/${appId}/secrets`, { description: 'own' });
      return { appId, secretId: secret.json<{ id: string }>().id };
    },
    async grant() {
      if (!world) return randomUUID();
      const made = await api(t, user.headers).post(`/api/apps/${world.appId}/refresh-tokens`, {});
      if (made.statusCode !== 201) return randomUUID();
      const grants = await api(t, user.headers).get('/api/apps/sign-in');
      return grants.json<{ items: { id: string }[] }>().items[0]?.id ?? randomUUID();
    },
    async draft() {
      const response = await api(t, user.headers).post('/v1/onboardings/drafts', { step: 'account', data: {} });
      return response.statusCode === 201 ? response.json<{ id: string }>().id : randomUUID();
    },
    async token() {
      const response = await api(t, user.headers).post('/api/tokens', { name: `own ${letters()}` });
      return response.statusCode === 201 ? response.json<{ id: string }>().id : randomUUID();
    },
  };
}
