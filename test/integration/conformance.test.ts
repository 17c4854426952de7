/**
 * The conformance suite (issue 11 part 5): each call of Partner Center's customer workflow, as its
 * documentation shows it. test/conformance/samples/<call>.json holds the documented request (ids adapted)
 * and answer, with the page it comes from; the request is sent here and our answer is compared with the
 * documented one by shape (test/conformance/shape.ts), but for the paths the sample's `differs` lists
 * (where we differ on purpose, with the reason). Every write is sent a second time as the .NET SDK
 * serialises it (test/conformance/sdk-bodies.ts) and answered the same. A mismatch names its JSON path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareShape } from '#test/conformance/shape.ts';
import { sdkAddress, sdkAgreement, sdkBillingProfile, sdkCustomer, sdkCustomerUser, sdkLine, sdkOrder, sdkSubscription } from '#test/conformance/sdk-bodies.ts';
import { createCustomer, createPartner, createPartnership } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, createTemplate, customerBody, today, uniquePrefix } from './onboarding-fixtures.ts';
import { buildWorld, send, type World } from './route-table.ts';

interface ConformanceSample {
  call: string;
  source: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path and query, with `{placeholders}` for the ids of the world's resources. */
  path: string;
  request: unknown;
  /** Which SDK-shaped body (sdk-bodies.ts) to send as well; writes only. */
  sdkRequest?: SdkRequest;
  status: number;
  /** Null: the documented answer has no body (only the status is compared). */
  response: unknown;
  differs: { path: string; reason: string }[];
  notes: string;
}

type SdkRequest = 'address' | 'customer' | 'billingProfile' | 'agreement' | 'order' | 'subscription' | 'customerUser' | 'customerUserPassword';

const samplesDirectory = path.resolve(import.meta.dirname, '../conformance/samples');
const samples = readdirSync(samplesDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, sample: JSON.parse(readFileSync(path.join(samplesDirectory, file), 'utf8')) as ConformanceSample }));

let t: TestApp;
let world: World;
/**
 * The customer the samples are about, made through the API with each optional property the samples show
 * set (a contact phone on its agreement, a friendly name on its order, names on its user), so that an
 * answer is compared with the sample's types rather than with the nulls of properties left out.
 */
let customer: { id: string; domain: string; orderId: string; subscriptionId: string; userId: string };
/** A customer of the world's partner (an indirect provider) associated with its indirect reseller. */
let resellerCustomerId: string;

const owner = () => api(t, world.owner.headers);

async function json<T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>): Promise<T> {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`setting up the sample failed: ${answer.statusCode} ${answer.body}`);
  return answer.json<T>();
}

const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@contact.example', phoneNumber: '+1 425 555 0101' };

async function sampleCustomer() {
  const body = customerBody();
  const { id } = await json<{ id: string }>(owner().post('/v1/customers', body));
  await json(owner().post(`/v1/customers/${id}/agreements`, { primaryContact: contact, templateId: world.templateId, dateAgreed: today(), type: 'MicrosoftCustomerAgreement' }));
  const order = await json<{ id: string; lineItems: { subscriptionId: string }[] }>(owner().post(`/v1/customers/${id}/orders`, { lineItems: [{ offerId: world.offerId, quantity: 1, friendlyName: 'Conformance line' }] }));
  const domain = body.companyProfile.domain;
  const user = await json<{ id: string }>(owner().post(`/v1/customers/${id}/users`, { userPrincipalName: `robin@${domain}`, displayName: 'Robin Sato', firstName: 'Robin', lastName: 'Sato' }));
  return { id, domain, orderId: order.id, subscriptionId: order.lineItems[0]!.subscriptionId, userId: user.id };
}

beforeAll(async () => {
  t = await createTestApp();
  const templateId = (await createTemplate(t.db, { versionRank: 9000 })).id;
  world = await buildWorld(t, { label: 'indirect provider', kind: 'indirect_provider', instance: 'public', usgovValidated: false }, { public: templateId, usgov: templateId });
  customer = await sampleCustomer();
  const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
  await createPartnership(t.db, world.partnerId, reseller.id);
  resellerCustomerId = (await createCustomer(t.db, { partnerIds: [world.partnerId], resellerId: reseller.id })).id;
});
afterAll(() => t.close());

/** A subscription of its own for a PATCH (each sample changes its quantity from 1), with its order and etag. */
async function freshSubscription() {
  const order = await json<{ id: string; lineItems: { subscriptionId: string }[] }>(
    owner().post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: world.offerId, quantity: 1, friendlyName: 'Conformance line' }] }),
  );
  const id = order.lineItems[0]!.subscriptionId;
  const read = await json<{ quantity: number; attributes: { etag: string } }>(owner().get(`/v1/customers/${customer.id}/subscriptions/${id}`));
  return { id, orderId: order.id, offerId: world.offerId, etag: read.attributes.etag, quantity: read.quantity };
}

async function billingProfile() {
  const profilePath = `/v1/customers/${customer.id}/profiles/billing`;
  const read = await json<{ id: string; defaultAddress: { country: string }; attributes: { etag: string } }>(owner().get(profilePath));
  return { id: read.id, country: read.defaultAddress.country, etag: read.attributes.etag, path: profilePath };
}

const newUserPrincipalName = () => `${uniquePrefix('user')}@${customer.domain}`;
const freshCustomerId = async () => (await createCustomer(t.db, { partnerIds: [world.partnerId] })).id;

/** The value of each placeholder a sample uses; those that make something (a customer, a subscription) make it once per sample. */
async function placeholders(text: string): Promise<Record<string, string>> {
  const names = new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  const values: Record<string, string> = {
    customerId: customer.id,
    orderId: customer.orderId,
    subscriptionId: customer.subscriptionId,
    customerUserId: customer.userId,
    offerId: world.offerId,
    domain: customer.domain,
    templateId: world.templateId,
    resellerCustomerId,
    today: today(),
  };
  if (names.has('newDomain')) values.newDomain = `${uniquePrefix('conf')}.onmicrosoft.com`;
  if (names.has('newUserPrincipalName')) values.newUserPrincipalName = newUserPrincipalName();
  if (names.has('freshCustomerId')) values.freshCustomerId = await freshCustomerId();
  if (names.has('freshCustomerUserId')) {
    values.freshCustomerUserId = (await json<{ id: string }>(owner().post(`/v1/customers/${customer.id}/users`, { userPrincipalName: newUserPrincipalName(), displayName: 'To delete' }))).id;
  }
  if (names.has('billingProfileId') || names.has('billingEtag')) {
    const profile = await billingProfile();
    Object.assign(values, { billingProfileId: profile.id, billingEtag: profile.etag });
  }
  if (names.has('subscriptionEtag')) {
    // The sample's PATCH is of a subscription of its own, so that its quantity is 1 whatever ran before.
    const subscription = await freshSubscription();
    Object.assign(values, { subscriptionId: subscription.id, orderId: subscription.orderId, subscriptionEtag: subscription.etag });
  }
  return values;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The body with the placeholders of its strings filled in (an etag has quotes: not a text replacement). */
function fillBody(body: unknown, values: Record<string, string>): unknown {
  if (typeof body === 'string') return fill(body, values);
  if (Array.isArray(body)) return body.map((element) => fillBody(element, values));
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, fillBody(value, values)]));
  return body;
}

/** The sample's call with its documented body, the placeholders filled in. */
async function documentedCall(sample: ConformanceSample): Promise<{ url: string; payload?: unknown }> {
  const values = await placeholders(JSON.stringify([sample.path, sample.request]));
  const url = fill(sample.path, values);
  return sample.request === null ? { url } : { url, payload: fillBody(sample.request, values) };
}

/** The same call with the body the .NET SDK sends (every documented property, most of them null). */
async function sdkCall(sample: ConformanceSample, kind: SdkRequest): Promise<{ url: string; payload: unknown }> {
  switch (kind) {
    case 'address':
      return { url: sample.path, payload: sdkAddress() };
    case 'customer':
      return { url: sample.path, payload: sdkCustomer(uniquePrefix('confsdk')) };
    case 'billingProfile': {
      const profile = await billingProfile();
      return { url: profile.path, payload: sdkBillingProfile(profile) };
    }
    case 'agreement':
      return { url: `/v1/customers/${await freshCustomerId()}/agreements`, payload: sdkAgreement(world.templateId) };
    case 'order':
      return { url: `/v1/customers/${customer.id}/orders`, payload: sdkOrder([sdkLine(world.offerId)]) };
    case 'subscription': {
      const subscription = await freshSubscription();
      return { url: `/v1/customers/${customer.id}/subscriptions/${subscription.id}`, payload: sdkSubscription({ ...subscription, quantity: subscription.quantity + 1 }) };
    }
    case 'customerUser':
      return { url: `/v1/customers/${customer.id}/users`, payload: sdkCustomerUser(newUserPrincipalName()) };
    case 'customerUserPassword':
      return { url: `/v1/customers/${customer.id}/users/${customer.userId}`, payload: sdkCustomerUser(`robin@${customer.domain}`, { Id: customer.userId, PasswordProfile: { Password: null, ForceChangePassword: true } }) };
  }
}

/** Sends the call and checks the status and the answer's shape against the sample's, naming each mismatch. */
async function expectConforms(sample: ConformanceSample, call: { url: string; payload?: unknown }) {
  const response = await send(t, sample.method, call, world.owner);
  expect(response.statusCode, `${sample.method} ${call.url}: ${response.body}`).toBe(sample.status);
  if (sample.response === null) return;
  const problems = compareShape(sample.response, response.json(), { skip: sample.differs.map((difference) => difference.path) });
  expect(problems, `${sample.call} (${sample.source}): ${sample.method} ${call.url}`).toEqual([]);
}

describe('Partner Center\'s documented samples', () => {
  it('cover every call of the customer workflow, each with its source page and a reason for each difference', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
    for (const { file, sample } of samples) {
      expect(sample.source, file).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/partner-center\/developer\//);
      for (const difference of sample.differs) expect(difference.reason.length, `${file} ${difference.path}`).toBeGreaterThan(20);
      if (['POST', 'PUT', 'PATCH'].includes(sample.method)) expect(sample.sdkRequest, `${file}: a write has an SDK-shaped request too`).toBeDefined();
    }
  });

  it.each(samples)('$file: the documented request gets the documented answer', async ({ sample }) => {
    await expectConforms(sample, await documentedCall(sample));
  });

  it.each(samples.filter(({ sample }) => sample.sdkRequest !== undefined))('$file: the SDK-shaped request gets the documented answer', async ({ sample }) => {
    await expectConforms(sample, await sdkCall(sample, sample.sdkRequest!));
  });
});
