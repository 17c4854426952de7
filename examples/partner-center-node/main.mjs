// A program written for Partner Center: it signs in with MSAL (the secure application model: an app's
// secret and a partner user's refresh token), then gets the customers, creates a customer, reads it back,
// confirms the Microsoft Customer Agreement, orders an offer, lists the subscriptions and adds a license.
// Against Partnerdesk only two settings change: PARTNER_CENTER_API_URL and PARTNER_CENTER_AUTHORITY.
//
//   PARTNER_TENANT_ID, CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN   the app registration and the user's refresh token
//   PARTNER_CENTER_API_URL     default https://api.partnercenter.microsoft.com
//   PARTNER_CENTER_AUTHORITY   default https://login.microsoftonline.com
//   COUNTRY (default US), OFFER_ID (default: the first offer of the country that is no add-on)
import { randomBytes } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { PartnerCenterClient, decodeClaims } from './partner-center.mjs';

const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/.default';

function setting(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`Set ${name}.`);
  return value;
}

const tenantId = setting('PARTNER_TENANT_ID');
const authority = `${setting('PARTNER_CENTER_AUTHORITY', 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${tenantId}`;
const apiUrl = setting('PARTNER_CENTER_API_URL', 'https://api.partnercenter.microsoft.com');
const country = setting('COUNTRY', 'US');

const msal = new ConfidentialClientApplication({
  auth: {
    clientId: setting('CLIENT_ID'),
    clientSecret: setting('CLIENT_SECRET'),
    authority,
    // MSAL asks login.microsoftonline.com to vouch for an authority it does not know; naming the
    // authority's own host trusts it directly (for login.microsoftonline.com itself this changes nothing).
    knownAuthorities: [new URL(authority).host],
  },
});

const log = (step, detail) => process.stdout.write(`${JSON.stringify({ step, ...detail })}\n`);

/** An app-only token (client credentials), and the app + user one the secure application model uses. */
const appOnly = await msal.acquireTokenByClientCredential({ scopes: [PARTNER_CENTER_SCOPE] });
log('app-only token', { expiresAt: new Date(decodeClaims(appOnly.accessToken).exp * 1000).toISOString() });
let userToken = await msal.acquireTokenByRefreshToken({ refreshToken: setting('REFRESH_TOKEN'), scopes: [PARTNER_CENTER_SCOPE] });
const claims = decodeClaims(userToken.accessToken);
log('app + user token', { upn: claims.upn, expiresAt: new Date(claims.exp * 1000).toISOString() });

/**
 * The app + user token, renewed a minute before its `exp` from the stored refresh token, as Partner
 * Center's secure application model samples do (the identity platform keeps a used refresh token valid).
 */
async function accessToken() {
  if (decodeClaims(userToken.accessToken).exp * 1000 - Date.now() > 60_000) return userToken.accessToken;
  userToken = await msal.acquireTokenByRefreshToken({ refreshToken: setting('REFRESH_TOKEN'), scopes: [PARTNER_CENTER_SCOPE] });
  return userToken.accessToken;
}

const appOnlyClient = new PartnerCenterClient({ baseUrl: apiUrl, accessToken: async () => appOnly.accessToken });
const partner = new PartnerCenterClient({ baseUrl: apiUrl, accessToken });

const existing = await appOnlyClient.customers.get();
log('get customers', { totalCount: existing.totalCount, count: existing.items.length });

const prefix = `pcnode${randomBytes(4).toString('hex')}`;
const address = {
  country,
  region: null,
  city: 'Redmond',
  state: 'WA',
  addressLine1: '1 Microsoft Way',
  addressLine2: null,
  addressLine3: null,
  postalCode: '98052',
  firstName: 'Dana',
  middleName: null,
  lastName: 'Whitfield',
  phoneNumber: '4255550101',
};
const created = await partner.customers.create({
  id: null,
  commerceId: null,
  companyProfile: { tenantId: null, domain: `${prefix}.onmicrosoft.com`, companyName: null, address: null, email: null, organizationRegistrationNumber: null, links: null, attributes: { objectType: 'CustomerCompanyProfile' } },
  billingProfile: {
    id: null,
    firstName: null,
    lastName: null,
    email: `it@${prefix}.example`,
    culture: 'en-US',
    language: 'en',
    companyName: `Node client ${prefix}`,
    defaultAddress: address,
    links: null,
    attributes: { objectType: 'CustomerBillingProfile' },
  },
  relationshipToPartner: null,
  allowDelegatedAccess: null,
  userCredentials: null,
  customDomains: null,
  associatedPartnerId: null,
  links: null,
  attributes: { objectType: 'Customer' },
});
log('create customer', { id: created.id, domain: created.companyProfile.domain, adminUser: created.userCredentials?.userName });

const customer = partner.customers.byId(created.id);
const read = await customer.get();
log('get customer', { id: read.id, companyName: read.companyProfile.companyName });

const [template] = (await partner.agreementDetails.byAgreementType('MicrosoftCustomerAgreement').get()).items;
const agreement = await customer.agreements.create({
  userId: null,
  primaryContact: { firstName: 'Dana', lastName: 'Whitfield', email: `dana@${prefix}.example`, phoneNumber: null },
  dateAgreed: new Date().toISOString().slice(0, 10),
  templateId: template.templateId,
  type: 'MicrosoftCustomerAgreement',
  agreementLink: null,
  attributes: { objectType: 'Agreement' },
});
log('confirm agreement', { type: agreement.type, templateId: agreement.templateId });

const offers = (await partner.offers.byCountry(country).get()).items;
const offer = offers.find((item) => (process.env.OFFER_ID ? item.id === process.env.OFFER_ID : !item.isAddOn && item.isAvailableForPurchase));
if (!offer) throw new Error(`No offer to order in ${country}${process.env.OFFER_ID ? ` with id ${process.env.OFFER_ID}` : ''}.`);
const order = await customer.orders.create({
  id: null,
  alternateId: null,
  referenceCustomerId: created.id,
  billingCycle: 'Monthly',
  transactionType: null,
  lineItems: [
    {
      lineItemNumber: 0,
      offerId: offer.id,
      subscriptionId: null,
      parentSubscriptionId: null,
      friendlyName: 'Node client seats',
      quantity: Math.max(2, offer.minimumQuantity ?? 1),
      termDuration: null,
      transactionType: null,
      partnerIdOnRecord: null,
      additionalPartnerIdsOnRecord: null,
      provisioningContext: null,
      links: null,
      renewsTo: null,
      attestationAccepted: null,
      pricing: null,
      customTermEndDate: null,
      promotionId: null,
      attributes: { objectType: 'OrderLineItem' },
    },
  ],
  currencyCode: null,
  currencySymbol: null,
  creationDate: null,
  status: null,
  totalPrice: null,
  partnerOnRecordAttestationAccepted: null,
  links: null,
  attributes: { objectType: 'Order' },
});
log('create order', { id: order.id, offerId: offer.id, lines: order.lineItems.length });

const subscriptions = await customer.subscriptions.get();
log('get subscriptions', { totalCount: subscriptions.totalCount, quantities: subscriptions.items.map((item) => item.quantity) });

// The SDK's way: read the subscription, change a property, PATCH the whole resource back.
const subscription = await customer.subscriptions.byId(subscriptions.items[0].id).get();
const changed = await customer.subscriptions.byId(subscription.id).patch({ ...subscription, quantity: subscription.quantity + 1 });
log('change quantity', { id: changed.id, from: subscription.quantity, to: changed.quantity });

process.stdout.write(`${JSON.stringify({ done: true, customerId: created.id, orderId: order.id, subscriptionId: changed.id, quantity: changed.quantity })}\n`);
