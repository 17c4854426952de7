import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '#contracts/auth.ts';
import type { Executor } from '#db/database.ts';
import { hashingOncePerPassword, passwordHasher, randomSecret, sha256 } from '#server/lib/adapters.ts';
import type { App } from '#server/app.ts';

/** Test data made per test, never taken from the seed. Unique names so tests never collide. */
const unique = () => randomBytes(4).toString('hex');

export interface FactoryPartner { id: string; name: string; kind: 'direct' | 'indirect_provider' | 'indirect_reseller'; instance: 'public' | 'usgov' }

export async function createPartner(
  db: Executor,
  options: Partial<{ kind: FactoryPartner['kind']; instance: FactoryPartner['instance']; markets: string[]; name: string; emailDomains: string[]; usgovValidated: boolean }> = {},
): Promise<FactoryPartner> {
  const tag = unique();
  const partner = {
    id: randomUUID(),
    name: options.name ?? `Partner ${tag}`,
    kind: options.kind ?? 'direct',
    instance: options.instance ?? 'public',
  } as const;
  await db
    .insertInto('partner_organizations')
    .values({
      ...{ id: partner.id, name: partner.name, kind: partner.kind, instance_id: partner.instance },
      mpn_id: String(Number.parseInt(tag, 16) % 1_000_000_000),
      markets: options.markets ?? ['US'],
      email_domains: options.emailDomains ?? [`p${tag}.example`],
      usgov_validated: options.usgovValidated ?? false,
      invitation_code: randomSecret('', 12),
    })
    .execute();
  return partner;
}

export async function createPartnership(db: Executor, providerId: string, resellerId: string, state: 'active' | 'inactive' = 'active') {
  await db.insertInto('partnerships').values({ provider_id: providerId, reseller_id: resellerId, state }).execute();
}

export const FACTORY_PASSWORD = 'Factory-password-1';
// The real hasher at its real cost, once per password and test file.
const factoryHasher = hashingOncePerPassword(passwordHasher);

export async function createUser(
  db: Executor,
  options: { partnerId: string; roles: Role[]; email?: string; password?: string; disabled?: boolean },
): Promise<{ id: string; email: string; password: string }> {
  const id = randomUUID();
  const email = options.email ?? `user-${unique()}@factory.example`;
  const password = options.password ?? FACTORY_PASSWORD;
  await db
    .insertInto('partner_users')
    .values({
      id,
      partner_id: options.partnerId,
      email,
      display_name: email.split('@')[0]!,
      password_hash: await factoryHasher.hash(password),
      disabled_at: options.disabled ? new Date() : null,
    })
    .execute();
  if (options.roles.length > 0) await db.insertInto('partner_user_roles').values(options.roles.map((role) => ({ user_id: id, role }))).execute();
  return { id, email, password };
}

/** A customer with relationships to the given partners (the first created it). */
export async function createCustomer(
  db: Executor,
  options: { partnerIds: string[]; instance?: 'public' | 'usgov'; companyName?: string; domainPrefix?: string; country?: string; resellerId?: string },
) {
  const id = randomUUID();
  const prefix = options.domainPrefix ?? `cust${unique()}`;
  const domain = `${prefix}.${options.instance === 'usgov' ? 'onmicrosoft.us' : 'onmicrosoft.com'}`;
  const instance = options.instance ?? 'public';
  await db
    .insertInto('customers')
    .values({
      id,
      instance_id: instance,
      commerce_id: randomUUID(),
      company_name: options.companyName ?? `Customer ${prefix}`,
      domain,
      email: `it@${prefix}.example`,
      culture: 'en-US',
      language: 'en',
      billing_company_name: options.companyName ?? `Customer ${prefix}`,
      first_name: 'Dana',
      last_name: 'Whitfield',
      address_line1: '1 Main Street',
      city: 'Redmond',
      state: 'WA',
      postal_code: '98052',
      country: options.country ?? 'US',
      phone_number: '+14255550100',
      admin_password_hash: `sha256$${sha256(randomSecret(''))}`,
      created_by_partner_id: options.partnerIds[0] ?? null,
    })
    .execute();
  await db.insertInto('domain_registry').values({ instance_id: instance, domain, customer_id: id }).execute();
  for (const [index, partnerId] of options.partnerIds.entries()) {
    await db
      .insertInto('customer_relationships')
      .values({ customer_id: id, partner_id: partnerId, origin: index === 0 ? 'created' : 'invited', indirect_reseller_id: index === 0 ? (options.resellerId ?? null) : null, indirect_provider_id: null })
      .execute();
  }
  return { id, domain, companyName: options.companyName ?? `Customer ${prefix}` };
}

/** Signs in through the API; returns the cookie header and CSRF token for later requests. */
export async function signIn(app: App, email: string, password: string) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'pd_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `pd_session=${cookie.value}`, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
}

/**
 * A bearer token for a user. Given the test's database (`t`, or an e2e server), a personal token made
 * there, as `POST /api/tokens` makes one, without checking the password again: sign-in has tests of its
 * own, and each check costs a full scrypt. Given only the app, through `POST /v1/auth/token`.
 */
export async function bearerFor(target: App | { app: App; db: Executor }, email: string, password = FACTORY_PASSWORD) {
  if ('db' in target) {
    const user = await target.db.selectFrom('partner_users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirstOrThrow();
    const token = randomSecret('pdp_');
    await target.db
      .insertInto('api_tokens')
      .values({ id: randomUUID(), user_id: user.id, kind: 'personal', name: 'factory', prefix: token.slice(0, 10), token_hash: sha256(token), expires_at: null })
      .execute();
    return { authorization: `Bearer ${token}` };
  }
  const response = await target.inject({ method: 'POST', url: '/v1/auth/token', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`token failed: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${(response.json() as { access_token: string }).access_token}` };
}
