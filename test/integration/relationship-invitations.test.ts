/**
 * Issue 9, parts 1, 2 and 7: the partner's standing relationship-request link (Partner Center's) and
 * tracked invitations (ours): create, list with states and paging, resend, revoke, expiry under a fixed
 * clock, idempotent creation, roles, other partners' invitations, and the US Government switch.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import type { Clock } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createPartnership, createUser, type FactoryPartner } from '#test/factories.ts';

const DAY = 86_400_000;
let now = new Date('2031-03-01T09:00:00.000Z');
const clock: Clock = { now: () => now };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { clock });
});
afterAll(() => t.close());

const INVITATIONS = '/v1/relationshipinvitations';
const LINK = '/v1/customers/relationshiprequests';

async function caller(partner: FactoryPartner, roles: Role[] = ['admin_agent']) {
  const user = await createUser(t.db, { partnerId: partner.id, roles });
  return { user, headers: await bearerFor(t.app, user.email) };
}

function invite(headers: Record<string, string>, body: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: INVITATIONS,
    headers: { ...headers, ...extra },
    payload: { recipientName: 'Avery Quinn', recipientEmail: 'avery@tailwind.example', message: 'We would like to look after your subscriptions.', ...body },
  });
}

describe("the partner's standing link (GET /v1/customers/relationshiprequests)", () => {
  it('answers the documented shape, a URL of our acceptance page naming the partner', async () => {
    const partner = await createPartner(t.db);
    const { headers } = await caller(partner);
    const response = await t.app.inject({ method: 'GET', url: LINK, headers });
    expect(response.statusCode).toBe(200);
    const code = (await t.db.selectFrom('partner_organizations').select('invitation_code').where('id', '=', partner.id).executeTakeFirstOrThrow()).invitation_code;
    expect(response.json()).toEqual({ url: `http://partnerdesk.test/relationship-requests/${code}`, attributes: { objectType: 'RelationshipRequest' } });
  });

  it('lets a reseller name its active indirect provider, and refuses an inactive or foreign one naming the parameter', async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    const inactive = await createPartner(t.db, { kind: 'indirect_provider' });
    const stranger = await createPartner(t.db, { kind: 'indirect_provider' });
    await createPartnership(t.db, provider.id, reseller.id);
    await createPartnership(t.db, inactive.id, reseller.id, 'inactive');
    const { headers } = await caller(reseller, ['global_admin']);

    const ok = await t.app.inject({ method: 'GET', url: `${LINK}?indirectCloudSolutionProviderId=${provider.id}`, headers });
    expect(ok.statusCode).toBe(200);
    expect(new URL(ok.json().url).searchParams.get('indirectCloudSolutionProviderId')).toBe(provider.id);

    for (const [id, code] of [[inactive.id, 'partnership_inactive'], [stranger.id, 'provider_not_found']] as const) {
      const refused = await t.app.inject({ method: 'GET', url: `${LINK}?indirectCloudSolutionProviderId=${id}`, headers });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'indirectCloudSolutionProviderId', code })]);
    }
    const notGuid = await t.app.inject({ method: 'GET', url: `${LINK}?indirectCloudSolutionProviderId=Fabrikam`, headers });
    expect(notGuid.statusCode).toBe(400);
    expect(notGuid.json().description).toContain('indirectCloudSolutionProviderId');
  });

  it('lets a provider name one of its resellers; a direct partner can name neither', async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.id, reseller.id);
    const ok = await t.app.inject({ method: 'GET', url: `${LINK}?indirectResellerId=${reseller.id}`, headers: (await caller(provider)).headers });
    expect(new URL(ok.json().url).searchParams.get('indirectResellerId')).toBe(reseller.id);

    const direct = await createPartner(t.db);
    const refused = await t.app.inject({ method: 'GET', url: `${LINK}?indirectResellerId=${reseller.id}`, headers: (await caller(direct)).headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'indirectResellerId', code: 'not_a_provider' });
  });
});

describe('tracked invitations', () => {
  it('creates one with its personal link shown this once, keeps only the hash, and audits it', async () => {
    const partner = await createPartner(t.db);
    const { user, headers } = await caller(partner, ['sales_agent']);
    const response = await invite(headers);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      recipientName: 'Avery Quinn',
      recipientEmail: 'avery@tailwind.example',
      state: 'pending',
      partner: { id: partner.id, name: partner.name },
      indirectProvider: null,
      createdBy: { email: user.email },
      sentCount: 1,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 90 * DAY).toISOString(),
      attributes: { objectType: 'RelationshipInvitation' },
    });
    const token = new URL(body.url).hash.slice(1);
    expect(body.url).toMatch(/^http:\/\/partnerdesk\.test\/invitations#pdinv_[\w-]{43}$/);

    const stored = await sql<{ row: string }>`select row_to_json(r)::text as row from relationship_invitations r where id = ${body.id}::uuid`.execute(t.db);
    expect(stored.rows[0]!.row).not.toContain(token);
    const read = await t.app.inject({ method: 'GET', url: `${INVITATIONS}/${body.id}`, headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('url');

    const audit = await t.db.selectFrom('audit_records').selectAll().where('resource_id', '=', body.id).execute();
    expect(audit).toEqual([expect.objectContaining({ operation_type: 'create_relationship_invitation', resource_type: 'relationship_invitation', actor: user.email })]);
    expect(JSON.stringify(audit[0]!.new_value)).not.toContain(token);
  });

  it('refuses roles that may not request relationships, and bad input naming the field', async () => {
    const partner = await createPartner(t.db);
    for (const role of ['helpdesk_agent', 'billing_admin'] as const) {
      const refused = await invite((await caller(partner, [role])).headers);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().code).toBe(900308);
    }
    const { headers } = await caller(partner);
    const missing = await invite(headers, { recipientEmail: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().description).toContain('recipientEmail');
    const blank = await invite(headers, { recipientName: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().description).toContain('recipientName');
    const count = await t.db.selectFrom('relationship_invitations').select(sql<number>`count(*)::int`.as('n')).where('partner_id', '=', partner.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('asks for the indirect provider too when a reseller names an active one', async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    const inactive = await createPartner(t.db, { kind: 'indirect_provider' });
    await createPartnership(t.db, provider.id, reseller.id);
    await createPartnership(t.db, inactive.id, reseller.id, 'inactive');
    const { headers } = await caller(reseller, ['admin_agent']);
    const response = await invite(headers, { indirectProviderId: provider.id });
    expect(response.statusCode).toBe(201);
    expect(response.json().indirectProvider).toEqual({ id: provider.id, name: provider.name });
    const refused = await invite(headers, { indirectProviderId: inactive.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'indirectProviderId', code: 'partnership_inactive' });
  });

  it('creates once per MS-RequestId, replaying the same answer', async () => {
    const partner = await createPartner(t.db);
    const { headers } = await caller(partner);
    const requestId = crypto.randomUUID();
    const first = await invite(headers, {}, { 'ms-requestid': requestId });
    const again = await invite(headers, {}, { 'ms-requestid': requestId });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const list = await t.app.inject({ method: 'GET', url: INVITATIONS, headers });
    expect(list.json().totalCount).toBe(1);
  });

  it("lists the organisation's invitations newest first, by state, page by page; never another partner's", async () => {
    const partner = await createPartner(t.db);
    const { headers } = await caller(partner);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      now = new Date(now.getTime() + 1000);
      ids.push((await invite(headers, { recipientEmail: `r${i}@tailwind.example` })).json().id);
    }
    await t.app.inject({ method: 'POST', url: `${INVITATIONS}/${ids[1]}/revoke`, headers });

    const pages: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.app.inject({ method: 'GET', url: `${INVITATIONS}?size=2`, headers: { ...headers, ...(token ? { 'ms-continuationtoken': token } : {}) } });
      expect(page.statusCode).toBe(200);
      pages.push(...page.json().items.map((item: { id: string }) => item.id));
      token = page.json().links.next?.headers.find((h: { key: string }) => h.key === 'MS-ContinuationToken')?.value;
    } while (token);
    expect(pages).toEqual([...ids].reverse());

    const revoked = await t.app.inject({ method: 'GET', url: `${INVITATIONS}?state=revoked`, headers });
    expect(revoked.json().items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    const pending = await t.app.inject({ method: 'GET', url: `${INVITATIONS}?state=pending`, headers });
    expect(pending.json().totalCount).toBe(4);

    const firstPage = await t.app.inject({ method: 'GET', url: `${INVITATIONS}?size=2`, headers });
    const pageToken = firstPage.json().links.next.headers[0].value;
    const otherQuery = await t.app.inject({ method: 'GET', url: `${INVITATIONS}?size=2&state=pending`, headers: { ...headers, 'ms-continuationtoken': pageToken } });
    expect(otherQuery.statusCode).toBe(400);
    expect(otherQuery.json().errors[0].field).toBe('MS-ContinuationToken');

    const other = await caller(await createPartner(t.db));
    expect((await t.app.inject({ method: 'GET', url: INVITATIONS, headers: other.headers })).json().totalCount).toBe(0);
    for (const request of [
      { method: 'GET', url: `${INVITATIONS}/${ids[0]}` },
      { method: 'POST', url: `${INVITATIONS}/${ids[0]}/resend` },
      { method: 'POST', url: `${INVITATIONS}/${ids[0]}/revoke` },
    ] as const) {
      const response = await t.app.inject({ ...request, headers: other.headers });
      expect(response.statusCode, request.url).toBe(404);
      expect(response.json().code).toBe(1000);
    }
  });

  it('resends with a new link and a new expiry; revokes once; neither touches an answered invitation', async () => {
    const partner = await createPartner(t.db);
    const { headers } = await caller(partner);
    const created = (await invite(headers)).json();
    now = new Date(now.getTime() + 10 * DAY);
    const resent = await t.app.inject({ method: 'POST', url: `${INVITATIONS}/${created.id}/resend`, headers: await bearerFor(t.app, (await t.db.selectFrom('partner_users').select('email').where('partner_id', '=', partner.id).executeTakeFirstOrThrow()).email) });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ sentCount: 2, lastSentAt: now.toISOString(), expiresAt: new Date(now.getTime() + 90 * DAY).toISOString(), state: 'pending' });
    expect(resent.json().url).not.toBe(created.url);

    const headersNow = await bearerFor(t.app, resent.json().createdBy.email);
    const revoked = await t.app.inject({ method: 'POST', url: `${INVITATIONS}/${created.id}/revoke`, headers: headersNow });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', respondedAt: now.toISOString() });
    for (const verb of ['revoke', 'resend']) {
      const again = await t.app.inject({ method: 'POST', url: `${INVITATIONS}/${created.id}/${verb}`, headers: headersNow });
      expect(again.statusCode, verb).toBe(409);
      expect(again.json().errors[0]).toMatchObject({ field: 'state', code: 'invitation_revoked' });
    }
    const operations = await t.db.selectFrom('audit_records').select('operation_type').where('resource_id', '=', created.id).orderBy('created_at').execute();
    expect(operations.map((row) => row.operation_type)).toEqual(['create_relationship_invitation', 'resend_relationship_invitation', 'revoke_relationship_invitation']);
  });

  it('reads as expired 90 days after it was sent; a resend brings it back', async () => {
    const partner = await createPartner(t.db);
    const { user, headers } = await caller(partner);
    const created = (await invite(headers)).json();
    now = new Date(new Date(created.expiresAt).getTime() + 1);
    const later = await bearerFor(t.app, user.email);
    expect((await t.app.inject({ method: 'GET', url: `${INVITATIONS}/${created.id}`, headers: later })).json().state).toBe('expired');
    expect((await t.app.inject({ method: 'GET', url: `${INVITATIONS}?state=expired`, headers: later })).json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect((await t.app.inject({ method: 'GET', url: `${INVITATIONS}?state=pending`, headers: later })).json().totalCount).toBe(0);
    const resent = await t.app.inject({ method: 'POST', url: `${INVITATIONS}/${created.id}/resend`, headers: later });
    expect(resent.json().state).toBe('pending');
  });
});

describe('US Government (SPEC §8): relationship requests are off unless the operator turns them on', () => {
  it('refuses the link and invitations with a clear 403, and allows them once enabled', async () => {
    const partner = await createPartner(t.db, { instance: 'usgov', usgovValidated: true });
    const { headers } = await caller(partner, ['global_admin']);
    for (const response of [await t.app.inject({ method: 'GET', url: LINK, headers }), await invite(headers), await t.app.inject({ method: 'GET', url: INVITATIONS, headers })]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 403002 });
      expect(response.json().description).toContain('USGOV_RELATIONSHIP_REQUESTS');
    }
    await t.db.updateTable('cloud_instances').set({ relationship_requests_enabled: true }).where('id', '=', 'usgov').execute();
    try {
      expect((await invite(headers)).statusCode).toBe(201);
    } finally {
      await t.db.updateTable('cloud_instances').set({ relationship_requests_enabled: false }).where('id', '=', 'usgov').execute();
    }
  });
});
