// A Partner Center REST client for Node, written the way Partner Center's .NET SDK behaves (npm has no
// Partner Center client library): the resource paths of its operations (customers, agreements, offers,
// orders, subscriptions), its headers (MS-RequestId, MS-CorrelationId, X-Locale), and its requests'
// bodies: every property of the model, PascalCase, null where not set. Nothing in it knows Partnerdesk.
import { randomUUID } from 'node:crypto';

export class PartnerCenterError extends Error {
  constructor(status, body) {
    super(`Partner Center answered ${status}: ${body?.code ?? ''} ${body?.description ?? JSON.stringify(body)}`.trim());
    this.status = status;
    this.code = body?.code;
    this.body = body;
  }
}

/** `{ companyProfile: { domain } }` → `{ CompanyProfile: { Domain } }`, as the SDK's serialiser writes models. */
export function toWire(value) {
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key[0].toUpperCase() + key.slice(1), toWire(item)]));
}

export class PartnerCenterClient {
  /**
   * `baseUrl`: https://api.partnercenter.microsoft.com, or another service speaking its API.
   * `accessToken`: gives a bearer token for each request (MSAL caches and refreshes it).
   */
  constructor({ baseUrl, accessToken, locale = 'en-US', correlationId = randomUUID() }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.accessToken = accessToken;
    this.locale = locale;
    this.correlationId = correlationId;
  }

  async request(method, path, { body, headers = {} } = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        accept: 'application/json',
        'ms-requestid': randomUUID(),
        'ms-correlationid': this.correlationId,
        'x-locale': this.locale,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(toWire(body)) }),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok) throw new PartnerCenterError(response.status, parsed);
    return parsed;
  }

  get customers() {
    return {
      get: (size = 0) => this.request('GET', `/v1/customers?size=${size}`),
      create: (customer) => this.request('POST', '/v1/customers', { body: customer }),
      byId: (customerId) => this.customer(customerId),
    };
  }

  customer(customerId) {
    const base = `/v1/customers/${encodeURIComponent(customerId)}`;
    return {
      get: () => this.request('GET', base),
      agreements: {
        create: (agreement) => this.request('POST', `${base}/agreements`, { body: agreement }),
        get: () => this.request('GET', `${base}/agreements`),
      },
      orders: {
        create: (order) => this.request('POST', `${base}/orders`, { body: order }),
        get: () => this.request('GET', `${base}/orders`),
      },
      subscriptions: {
        get: () => this.request('GET', `${base}/subscriptions`),
        byId: (subscriptionId) => ({
          get: () => this.request('GET', `${base}/subscriptions/${encodeURIComponent(subscriptionId)}`),
          patch: (subscription) => this.request('PATCH', `${base}/subscriptions/${encodeURIComponent(subscriptionId)}`, { body: subscription }),
        }),
      },
    };
  }

  get agreementDetails() {
    return { byAgreementType: (type) => ({ get: () => this.request('GET', `/v1/agreements?agreementType=${encodeURIComponent(type)}`) }) };
  }

  get offers() {
    return { byCountry: (country) => ({ get: () => this.request('GET', `/v1/offers?country=${encodeURIComponent(country)}`) }) };
  }
}

/** A JWT's claims, unverified: what a client reads for `exp` (the service verifies the signature). */
export function decodeClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
