/**
 * Test data for the onboarding API tests (issue 3): offers, agreement templates, partners with a
 * signed-in caller, and valid request bodies. Every name, domain and offer id is unique per call, so
 * that the tests of a file never depend on each other or on the demo seed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import type { Executor } from '#db/database.ts';
import type { OfferCategory } from '#db/schema.ts';
import { bearerFor, createPartner, createUser, type FactoryPartner } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';

export const unique = () => randomBytes(4).toString('hex');

/** A domain prefix nobody else uses: letters and digits only, at most 27 characters. */
export const uniquePrefix = (stem = 'ob') => `${stem}${randomBytes(5).toString('hex')}`;

export type Headers = Record<string, string>;

export interface Caller {
  partner: FactoryPartner;
  user: { id: string; email: string };
  headers: Headers;
  /** The partner's own email domain (a customer's contact cannot be on it). */
  emailDomain: string;
}

/** A partner organisation with one user holding `roles`, and that user's bearer header. */
export async function newCaller(
  t: TestApp,
  options: { kind?: FactoryPartner['kind']; instance?: FactoryPartner['instance']; markets?: string[]; roles?: Role[]; usgovValidated?: boolean; name?: string } = {},
): Promise<Caller> {
  const emailDomain = `p${unique()}.example`;
  const partner = await createPartner(t.db, {
    kind: options.kind ?? 'direct',
    instance: options.instance ?? 'public',
    markets: options.markets ?? ['US'],
    emailDomains: [emailDomain],
    usgovValidated: options.usgovValidated ?? false,
    ...(options.name ? { name: options.name } : {}),
  });
  const user = await createUser(t.db, { partnerId: partner.id, roles: options.roles ?? ['admin_agent'] });
  return { partner, user, headers: await bearerFor(t, user.email), emailDomain };
}

/** A test app with the latest Customer Agreement template and one caller (an admin agent of a direct partner). */
export async function appWithCaller(): Promise<{ t: TestApp; caller: Caller }> {
  const t = await createTestApp();
  await createTemplate(t.db);
  return { t, caller: await newCaller(t) };
}

/** Another user of an existing partner, with its own bearer header. */
export async function userOf(t: TestApp, partnerId: string, roles: Role[]): Promise<{ id: string; email: string; headers: Headers }> {
  const user = await createUser(t.db, { partnerId, roles });
  return { ...user, headers: await bearerFor(t, user.email) };
}

export interface OfferOptions {
  instance?: 'public' | 'usgov';
  markets?: { country: string; currency: string; listPrice: number }[];
  min?: number;
  max?: number;
  purchaseLimit?: number | null;
  billingCycles?: string[];
  category?: OfferCategory;
  term?: 'P1M' | 'P1Y' | 'P3Y' | 'none';
  /** Terms it is also sold with, after the usual `term`. */
  otherTerms?: ('P1M' | 'P1Y' | 'P3Y' | 'none')[];
  /** Translated descriptions by locale. */
  descriptions?: Record<string, string>;
  /** A trial: not billed (billing cycle `none`), one month. */
  trial?: boolean;
  name?: string;
  active?: boolean;
  /** An add-on of these offers. */
  prerequisites?: string[];
}

/** An offer of the catalog (the operator's data) with the countries it is sold in. */
export async function createOffer(db: Executor, options: OfferOptions = {}) {
  const id = `TEST${unique().toUpperCase()}:0001`;
  const name = options.name ?? `Test Offer ${id}`;
  await db
    .insertInto('offers')
    .values({
      id,
      instance_id: options.instance ?? 'public',
      name,
      description: `The ${name} for tests.`,
      category: options.category ?? 'small_business',
      min_quantity: options.min ?? 1,
      max_quantity: options.max ?? 300,
      unit_type: 'Licenses',
      billing: 'license',
      billing_cycles: options.billingCycles ?? (options.trial ? ['none'] : ['monthly', 'annual']),
      term: options.term ?? (options.trial ? 'P1M' : 'P1Y'),
      other_terms: options.otherTerms ?? [],
      descriptions: JSON.stringify(options.descriptions ?? {}),
      purchase_limit: options.purchaseLimit ?? null,
      is_add_on: options.prerequisites !== undefined,
      prerequisite_offer_ids: options.prerequisites ?? [],
      is_trial: options.trial ?? false,
      active: options.active ?? true,
    })
    .execute();
  const markets = options.markets ?? [{ country: 'US', currency: 'USD', listPrice: 6 }];
  if (markets.length > 0) {
    await db
      .insertInto('offer_markets')
      .values(markets.map((market) => ({ offer_id: id, country: market.country, currency: market.currency, list_price: market.listPrice.toFixed(2) })))
      .execute();
  }
  return { id, name };
}

/** An agreement template; `versionRank` must be unique per instance and type within a file's database. */
export async function createTemplate(
  db: Executor,
  options: { type?: 'MicrosoftCloudAgreement' | 'MicrosoftCustomerAgreement'; instance?: 'public' | 'usgov'; versionRank?: number } = {},
) {
  const id = randomUUID();
  const type = options.type ?? 'MicrosoftCustomerAgreement';
  const versionRank = options.versionRank ?? 1;
  const link = `https://agreements.test/${type}/v${versionRank}`;
  await db
    .insertInto('agreement_templates')
    .values({ id, instance_id: options.instance ?? 'public', agreement_type: type, agreement_link: link, version_rank: versionRank })
    .execute();
  return { id, type, versionRank, link };
}

export interface AddressBody {
  firstName: string;
  lastName: string;
  addressLine1: string;
  addressLine2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country: string;
  phoneNumber?: string | null;
}

export interface CustomerBody {
  companyProfile: { domain: string; companyName?: string | null; organizationRegistrationNumber?: string | null };
  billingProfile: { email: string; culture?: string | null; language?: string | null; companyName?: string | null; defaultAddress: AddressBody };
  associatedPartnerId?: string | null;
}

/** A valid US customer for POST /v1/customers, on a fresh domain. */
export function customerBody(overrides: { prefix?: string; companyName?: string } = {}): CustomerBody {
  const prefix = overrides.prefix ?? uniquePrefix();
  return {
    companyProfile: { domain: `${prefix}.onmicrosoft.com` },
    billingProfile: {
      email: `it@${prefix}.example`,
      culture: 'en-US',
      language: 'en',
      companyName: overrides.companyName ?? `Contoso ${prefix}`,
      defaultAddress: {
        firstName: 'Dana',
        lastName: 'Whitfield',
        addressLine1: '1 Microsoft Way',
        addressLine2: null,
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
        phoneNumber: '+1 425 555 0100',
      },
    },
  };
}

/** A valid customer in India: registration number (a PAN) and phone, both required there. */
export function indiaCustomerBody(prefix = uniquePrefix()): CustomerBody {
  return {
    companyProfile: { domain: prefix, organizationRegistrationNumber: 'AAPFU0939F' },
    billingProfile: {
      email: `it@${prefix}.example`,
      culture: 'en-IN',
      language: 'en',
      companyName: `Nod Publishers ${prefix}`,
      defaultAddress: {
        firstName: 'Priya',
        lastName: 'Raman',
        addressLine1: '12 MG Road',
        city: 'Bengaluru',
        state: 'Karnataka',
        postalCode: '560001',
        country: 'IN',
        phoneNumber: '+91 80 4567 8901',
      },
    },
  };
}

/** A valid customer in Brazil: a CNPJ and a phone, both required there. */
export function brazilCustomerBody(prefix = uniquePrefix()): CustomerBody {
  return {
    companyProfile: { domain: prefix, organizationRegistrationNumber: '11.222.333/0001-81' },
    billingProfile: {
      email: `ti@${prefix}.example`,
      culture: 'pt-BR',
      language: 'pt',
      companyName: `Fabrikam Brasil ${prefix}`,
      defaultAddress: {
        firstName: 'João',
        lastName: 'Silva',
        addressLine1: 'Avenida Paulista 1000',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01310-100',
        country: 'BR',
        phoneNumber: '+55 11 3456 7890',
      },
    },
  };
}

export interface AgreementBody {
  dateAgreed: string;
  templateId?: string | null;
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string | null };
}

export const today = () => new Date().toISOString().slice(0, 10);

export function agreementBody(overrides: Partial<AgreementBody['primaryContact']> = {}): AgreementBody {
  return { dateAgreed: today(), primaryContact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@signer.example', ...overrides } };
}

export type OnboardingBody = CustomerBody & {
  agreement?: AgreementBody | null;
  eligibility?: { validationType: 'GovernmentEntity' | 'RegulatedData'; details: string } | null;
  lineItems?: { offerId: string; quantity: number; friendlyName?: string | null; termDuration?: string | null; billingCycle?: string | null }[];
  billingCycle?: 'monthly' | 'annual' | 'none' | 'one_time' | null;
  draftId?: string | null;
};

/** The whole wizard for POST /v1/onboardings: a US customer, the agreement, and the given line items. */
export function onboardingBody(lineItems: OnboardingBody['lineItems'] = [], overrides: { prefix?: string } = {}): OnboardingBody {
  return { ...customerBody(overrides), agreement: agreementBody(), lineItems };
}

export interface ErrorBody {
  code: number;
  description: string;
  data: unknown[];
  source: string;
  errors: { field: string; code: string; message: string }[];
}

/**
 * Asserts an error answer: its HTTP status, its Partner Center code, and (when given) that one of
 * `errors[]` names `field`, with our rule code `fieldCode` when given.
 */
export function expectError(response: LightMyRequestResponse, status: number, code: number, field?: string, fieldCode?: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<ErrorBody>();
  expect(body.code, response.body).toBe(code);
  expect(body).toMatchObject({ source: 'Partnerdesk', description: expect.any(String) });
  if (field !== undefined) {
    expect(body.errors.map((e) => e.field), response.body).toContain(field);
    if (fieldCode !== undefined) expect(body.errors.find((e) => e.field === field)?.code, response.body).toBe(fieldCode);
  }
  return body;
}

/** Request helpers bound to one app and one caller. */
export function api(t: TestApp, headers: Headers) {
  return {
    get: (url: string, extra: Headers = {}) => t.app.inject({ method: 'GET', url, headers: { ...headers, ...extra } }),
    head: (url: string, extra: Headers = {}) => t.app.inject({ method: 'HEAD', url, headers: { ...headers, ...extra } }),
    post: (url: string, payload: unknown, extra: Headers = {}) =>
      t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers, ...extra }, payload: JSON.stringify(payload) }),
    put: (url: string, payload: unknown, extra: Headers = {}) =>
      t.app.inject({ method: 'PUT', url, headers: { 'content-type': 'application/json', ...headers, ...extra }, payload: JSON.stringify(payload) }),
    delete: (url: string, extra: Headers = {}) => t.app.inject({ method: 'DELETE', url, headers: { ...headers, ...extra } }),
  };
}

/** Rows that a customer's domain left behind, table by table (for atomicity and idempotency checks). */
export async function countCustomersWithDomain(db: Executor, domain: string): Promise<number> {
  const rows = await db.selectFrom('customers').select('id').where('domain', '=', domain.toLowerCase()).execute();
  return rows.length;
}
