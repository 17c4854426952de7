/**
 * Issue 9, part 8: the activity log, GET /v1/auditrecords in Partner Center's shape (startDate/endDate
 * window, size, continuation, filter) and its CSV export; a partner sees only its own records.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createCustomer, createPartner, createUser, type FactoryPartner } from '#test/factories.ts';

const DAY = 86_400_000;
const now = new Date('2031-09-15T12:00:00.000Z');
const clock: Clock = { now: () => now };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { clock });
});
afterAll(() => t.close());

async function record(partner: FactoryPartner, at: Date, values: { operation?: string; resource?: string; customerId?: string | null; newValue?: unknown; actor?: string } = {}) {
  const id = randomUUID();
  await t.db
    .insertInto('audit_records')
    .values({
      id,
      partner_id: partner.id,
      actor: values.actor ?? 'someone@partner.example',
      operation_type: values.operation ?? 'create_order',
      resource_type: values.resource ?? 'order',
      resource_id: randomUUID(),
      customer_id: values.customerId ?? null,
      new_value: JSON.stringify(values.newValue ?? { quantity: 3 }),
      created_at: at,
    })
    .execute();
  return id;
}

async function admin(partner: FactoryPartner, roles: ('global_admin' | 'admin_agent')[] = ['global_admin']) {
  const user = await createUser(t.db, { partnerId: partner.id, roles });
  return bearerFor(t.app, user.email);
}

const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((item) => item.id);
const filter = (value: object) => encodeURIComponent(JSON.stringify(value));

describe('GET /v1/auditrecords', () => {
  it("answers the last 30 days by default, newest first, in the documented shape; never another partner's", async () => {
    const partner = await createPartner(t.db);
    const customer = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Relecloud Ltd' });
    const old = await record(partner, new Date(now.getTime() - 31 * DAY));
    const recent = await record(partner, new Date(now.getTime() - 2 * DAY), { customerId: customer.id, newValue: { id: 'o-1', quantity: 25 } });
    const newest = await record(partner, new Date(now.getTime() - DAY));
    await record(await createPartner(t.db), new Date(now.getTime() - DAY));

    const response = await t.app.inject({ method: 'GET', url: '/v1/auditrecords', headers: await admin(partner) });
    expect(response.statusCode).toBe(200);
    expect(ids(response)).toEqual([newest, recent]);
    expect(ids(response)).not.toContain(old);
    expect(response.json().items[1]).toEqual({
      id: recent,
      partnerId: partner.id,
      customerId: customer.id,
      customerName: 'Relecloud Ltd',
      userPrincipalName: 'someone@partner.example',
      applicationId: null,
      resourceType: 'order',
      resourceId: expect.any(String),
      resourceOldValue: null,
      resourceNewValue: JSON.stringify({ id: 'o-1', quantity: 25 }),
      operationType: 'create_order',
      operationDate: new Date(now.getTime() - 2 * DAY).toISOString(),
      operationStatus: 'succeeded',
      customizedData: [{ key: 'ResourceId', value: expect.any(String) }],
      originalCorrelationId: null,
      attributes: { objectType: 'AuditRecord' },
    });
    expect(response.json().attributes).toEqual({ objectType: 'Collection' });

    const window = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?startDate=${new Date(now.getTime() - 40 * DAY).toISOString().slice(0, 10)}`, headers: await admin(partner) });
    expect(ids(window)).toEqual([newest, recent, old]);
  });

  it('refuses a start beyond 90 days, an end before the start, and a bad filter, naming the parameter', async () => {
    const headers = await admin(await createPartner(t.db));
    const tooOld = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?startDate=${new Date(now.getTime() - 91 * DAY).toISOString().slice(0, 10)}`, headers });
    expect(tooOld.statusCode).toBe(400);
    expect(tooOld.json().errors[0]).toMatchObject({ field: 'startDate', code: 'out_of_window' });
    expect(tooOld.json().description).toContain('choose 2031-06-17 or later');
    // That day, named alone, is in reach whole; its midnight as a time is not.
    expect((await t.app.inject({ method: 'GET', url: '/v1/auditrecords?startDate=2031-06-17', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auditrecords?startDate=2031-06-17T00:00:00Z', headers })).statusCode).toBe(400);
    const backwards = await t.app.inject({ method: 'GET', url: '/v1/auditrecords?startDate=2031-09-10&endDate=2031-09-01', headers });
    expect(backwards.json().errors[0]).toMatchObject({ field: 'endDate' });
    for (const bad of ['not json', filter({ Field: 'Colour', Value: 'x', Operator: 'equals' }), filter({ Field: 'CustomerId', Value: 'x', Operator: 'equals' }), filter({ Field: 'CompanyName', Value: 'x', Operator: 'equals' })]) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${bad}`, headers });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().errors[0].field).toBe('filter');
    }
    const notDate = await t.app.inject({ method: 'GET', url: '/v1/auditrecords?startDate=yesterday', headers });
    expect(notDate.statusCode).toBe(400);
    expect(notDate.json().description).toContain('startDate');
  });

  it('filters by customer, company name (substring), resource type and operation type, keys in any case', async () => {
    const partner = await createPartner(t.db);
    const fabrikam = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Fabrikam, Inc.' });
    const other = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Northwind' });
    const a = await record(partner, new Date(now.getTime() - 3 * DAY), { customerId: fabrikam.id });
    const b = await record(partner, new Date(now.getTime() - 2 * DAY), { customerId: other.id, resource: 'agreement', operation: 'create_customer_agreement' });
    const headers = await admin(partner);
    const get = (value: object) => t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${filter(value)}`, headers });
    expect(ids(await get({ Field: 'CustomerId', Value: fabrikam.id.toUpperCase(), Operator: 'equals' }))).toEqual([a]);
    expect(ids(await get({ field: 'companyname', value: 'BRI', operator: 'substring' }))).toEqual([a]);
    expect(ids(await get({ Field: 'ResourceType', Value: 'Agreement', Operator: 'equals' }))).toEqual([b]);
    expect(ids(await get({ Field: 'OperationType', Value: 'create_customer_agreement', Operator: 'equals' }))).toEqual([b]);
  });

  it('pages with MS-ContinuationToken, keeping the window of the first page', async () => {
    const partner = await createPartner(t.db);
    const written: string[] = [];
    for (let i = 5; i >= 1; i--) written.push(await record(partner, new Date(now.getTime() - i * 3_600_000)));
    const headers = await admin(partner);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.app.inject({ method: 'GET', url: '/v1/auditrecords?size=2', headers: { ...headers, ...(token ? { 'ms-continuationtoken': token } : {}) } });
      expect(page.statusCode).toBe(200);
      seen.push(...ids(page));
      token = page.json().links.next?.headers[0]?.value;
    } while (token);
    expect(seen).toEqual([...written].reverse());
    const first = await t.app.inject({ method: 'GET', url: '/v1/auditrecords?size=2', headers });
    const misused = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?size=2&filter=${filter({ Field: 'ResourceType', Value: 'order', Operator: 'equals' })}`, headers: { ...headers, 'ms-continuationtoken': first.json().links.next.headers[0].value } });
    expect(misused.statusCode).toBe(400);
    expect(misused.json().errors[0].field).toBe('MS-ContinuationToken');
  });

  it('is for global admins (SPEC §1); others get 403', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/auditrecords', headers: await admin(await createPartner(t.db), ['admin_agent']) });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe(900308);
  });

  it('exports the same query as CSV, every record', async () => {
    const partner = await createPartner(t.db);
    const customer = await createCustomer(t.db, { partnerIds: [partner.id], companyName: '=cmd Corp' });
    await record(partner, new Date(now.getTime() - DAY), { customerId: customer.id, operation: 'remove_partner_customer_relationship', resource: 'partner_customer_relationship' });
    await record(partner, new Date(now.getTime() - 2 * DAY));
    const response = await t.app.inject({ method: 'GET', url: '/v1/auditrecords/export', headers: await admin(partner) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Date (UTC),User,Operation,Resource type,Resource id,Customer id,Customer,Status,New value');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('remove_partner_customer_relationship');
    expect(lines[1]).toContain("'=cmd Corp");
  });
});

describe('GET /v1/auditrecords: several filters at once (ours), the user filter, the records the API writes', () => {
  const condition = (Field: string, Value: string, Operator = 'equals') => ({ Field, Value, Operator });

  it('takes a JSON array of filters that must all hold: operation and customer and user and company at once', async () => {
    const partner = await createPartner(t.db);
    const fabrikam = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Fabrikam, Inc.' });
    const northwind = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Northwind' });
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const wanted = await record(partner, at(1), { customerId: fabrikam.id, operation: 'create_order', actor: 'Ana@Partner.example' });
    await record(partner, at(2), { customerId: fabrikam.id, operation: 'create_customer_agreement', resource: 'agreement', actor: 'ana@partner.example' });
    await record(partner, at(3), { customerId: northwind.id, operation: 'create_order', actor: 'ana@partner.example' });
    await record(partner, at(4), { customerId: fabrikam.id, operation: 'create_order', actor: 'bo@partner.example' });
    const headers = await admin(partner);
    const get = (value: unknown) => t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${filter(value as object)}`, headers });

    const both = await get([condition('OperationType', 'create_order'), condition('CustomerId', fabrikam.id)]);
    expect(both.statusCode).toBe(200);
    expect(ids(both)).toHaveLength(2);
    expect(ids(await get([condition('OperationType', 'CREATE_ORDER'), condition('CustomerId', fabrikam.id), condition('UserName', 'ana@partner.example')]))).toEqual([wanted]);
    expect(ids(await get([{ field: 'companyname', value: 'fabri', operator: 'SUBSTRING' }, condition('UserName', 'ANA@partner.example'), condition('ResourceType', 'Order')]))).toEqual([wanted]);
    // One object in an array is the same as the object alone; the user filter alone, too.
    expect(ids(await get([condition('UserName', 'bo@partner.example')]))).toHaveLength(1);
    expect(ids(await get(condition('UserName', 'bo@partner.example')))).toHaveLength(1);
    // The continuation of a page serves only its own filter, in either form.
    const first = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?size=1&filter=${filter([condition('OperationType', 'create_order')])}`, headers });
    const token = first.json().links.next.headers[0].value;
    const second = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?size=1&filter=${filter([condition('OperationType', 'create_order')])}`, headers: { ...headers, 'ms-continuationtoken': token } });
    expect(second.statusCode).toBe(200);
    expect(ids(second)).not.toEqual(ids(first));
    const other = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?size=1&filter=${filter(condition('OperationType', 'create_order'))}`, headers: { ...headers, 'ms-continuationtoken': token } });
    expect(other.statusCode).toBe(400);
  });

  it('refuses a filter array that is empty, too long, repeats a field or holds a bad condition, naming the condition', async () => {
    const headers = await admin(await createPartner(t.db));
    const customerId = randomUUID();
    const cases: [unknown, string, string][] = [
      [[], 'filter', '1 to 5'],
      [[condition('CustomerId', customerId), condition('CompanyName', 'a', 'substring'), condition('ResourceType', 'order'), condition('OperationType', 'create_order'), condition('UserName', 'a@b.example'), condition('UserName', 'c@d.example')], 'filter', '1 to 5'],
      [[condition('CustomerId', customerId), condition('customerid', customerId)], 'filter[1]', 'given twice'],
      [[condition('CustomerId', customerId), 'create_order'], 'filter[1]', 'JSON object'],
      [[condition('CustomerId', customerId), [condition('OperationType', 'create_order')]], 'filter[1]', 'JSON object'],
      [[condition('OperationType', 'create_order'), condition('CustomerId', 'not-a-guid')], 'filter[1]', 'GUID'],
      [[condition('OperationType', 'create_order'), condition('Colour', 'red')], 'filter[1]', 'UserName'],
      [[condition('OperationType', 'create_order'), condition('UserName', 'ana', 'substring')], 'filter[1]', '"equals"'],
      [[condition('UserName', ' ')], 'filter[0]', '1 to 256'],
      [condition('OperationType', 'delete_everything'), 'filter', 'add_customer'],
      [[condition('OperationType', 'RecordCustomerEligibility')], 'filter[0]', 'record_customer_eligibility'],
    ];
    for (const [value, field, words] of cases) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${filter(value as object)}`, headers });
      expect(response.statusCode, JSON.stringify(value)).toBe(400);
      expect(response.json().errors[0].field, JSON.stringify(value)).toBe(field);
      expect(response.json().description, JSON.stringify(value)).toContain(words);
      const exported = await t.app.inject({ method: 'GET', url: `/v1/auditrecords/export?filter=${filter(value as object)}`, headers });
      expect(exported.statusCode, JSON.stringify(value)).toBe(400);
      expect(exported.json().errors[0].field).toBe(field);
    }
  });

  it('exports what the filter array selects, and nothing else', async () => {
    const partner = await createPartner(t.db);
    const customer = await createCustomer(t.db, { partnerIds: [partner.id], companyName: 'Tailspin Toys' });
    await record(partner, new Date(now.getTime() - DAY), { customerId: customer.id, operation: 'create_order', newValue: { id: 'wanted-order' } });
    await record(partner, new Date(now.getTime() - DAY), { customerId: customer.id, operation: 'create_customer_agreement', resource: 'agreement', newValue: { id: 'an-agreement' } });
    await record(partner, new Date(now.getTime() - DAY), { operation: 'create_order', newValue: { id: 'another-order' } });
    const response = await t.app.inject({ method: 'GET', url: `/v1/auditrecords/export?filter=${filter([condition('OperationType', 'create_order'), condition('CustomerId', customer.id)])}`, headers: await admin(partner) });
    expect(response.statusCode).toBe(200);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('wanted-order');
    expect(lines[1]).toContain('Tailspin Toys');
  });

  it("lists what the API itself wrote (an invitation sent and revoked), with the request's correlation id, by operation and user", async () => {
    const partner = await createPartner(t.db);
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['global_admin'] });
    const headers = await bearerFor(t.app, user.email);
    const correlationId = randomUUID();
    const sent = await t.app.inject({ method: 'POST', url: '/v1/relationshipinvitations', headers: { ...headers, 'ms-correlationid': correlationId }, payload: { recipientName: 'Dana Admin', recipientEmail: 'dana@customer.example' } });
    expect(sent.statusCode).toBe(201);
    const invitationId = sent.json().id as string;
    expect((await t.app.inject({ method: 'POST', url: `/v1/relationshipinvitations/${invitationId}/revoke`, headers })).statusCode).toBe(200);

    const byOperation = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${filter([condition('OperationType', 'create_relationship_invitation'), condition('UserName', user.email.toUpperCase())])}`, headers });
    expect(byOperation.statusCode).toBe(200);
    expect(byOperation.json().items).toEqual([
      expect.objectContaining({ operationType: 'create_relationship_invitation', resourceType: 'relationship_invitation', resourceId: invitationId, userPrincipalName: user.email, originalCorrelationId: correlationId }),
    ]);
    expect(JSON.parse(byOperation.json().items[0].resourceNewValue)).toMatchObject({ recipientEmail: 'dana@customer.example' });
    const revoked = await t.app.inject({ method: 'GET', url: `/v1/auditrecords?filter=${filter(condition('OperationType', 'revoke_relationship_invitation'))}`, headers });
    expect(revoked.json().items.map((item: { resourceId: string }) => item.resourceId)).toEqual([invitationId]);
  });
});
