import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, logRedactions } from '#server/app.ts';
import { testConfig } from '#test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts';
import { createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';

let database: TestDatabase;
const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config: testConfig(),
    db: database.db,
    webRoot: '/nonexistent',
    logger: { level: 'info', stream, redact: { paths: logRedactions, censor: '[redacted]' } },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('echoes MS-CorrelationId and MS-RequestId, and logs them with the request', async () => {
    const response = await app.inject({ url: '/v1/customers', headers: { 'MS-CorrelationId': 'corr-123', 'MS-RequestId': 'req-456' } });
    expect(response.headers['ms-correlationid']).toBe('corr-123');
    expect(response.headers['ms-requestid']).toBe('req-456');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.correlationId === 'corr-123');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((entry) => entry.msRequestId === 'req-456')).toBe(true);
  });

  it('makes up a correlation id when none (or a malformed one) is sent', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'MS-CorrelationId': 'bad\nvalue' } });
    expect(response.headers['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs a password or token', async () => {
    const partner = await createPartner(database.db);
    const user = await createUser(database.db, { partnerId: partner.id, roles: ['admin_agent'] });
    const token = await app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email: user.email, password: FACTORY_PASSWORD } });
    const accessToken = token.json().access_token as string;
    await app.inject({ url: '/v1/customers', headers: { authorization: `Bearer ${accessToken}` } });
    await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: 'a-wrong-password' } });
    const all = lines.join('');
    expect(all).not.toContain(FACTORY_PASSWORD);
    expect(all).not.toContain('a-wrong-password');
    expect(all).not.toContain(accessToken);
  });

  it('answers unknown API paths with a Partner Center error body', async () => {
    const response = await app.inject('/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 1000, source: 'Partnerdesk' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().source).toBe('Partnerdesk');
  });

  it('serves the OpenAPI document', async () => {
    const response = await app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/customers', '/v1/customers/{customerId}', '/v1/auth/token']));
  });
});
