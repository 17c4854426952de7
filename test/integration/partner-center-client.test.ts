/**
 * Issue 11, "Done when": a program written for Partner Center (examples/partner-center-node: MSAL Node
 * for the tokens, a client that behaves as Partner Center's SDK) runs against Partnerdesk with only its
 * API base URL and its token authority changed. MSAL takes only https authorities, so the server speaks
 * HTTPS here (TLS_CERT_FILE, TLS_KEY_FILE) with a certificate the program trusts (NODE_EXTRA_CA_CERTS).
 * The program gets customers (app-only), creates a customer with PascalCase properties, gets it,
 * confirms the agreement, orders, lists the subscriptions and adds a license (app + user).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, createOffer, createTemplate, newCaller } from './onboarding-fixtures.ts';

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let t: TestApp;
let dir: string;
let baseUrl: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-tls-'));
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    notAfterDate: new Date(Date.now() + 86_400_000),
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  fs.writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
  fs.writeFileSync(path.join(dir, 'key.pem'), pems.private);
  const port = await freePort();
  baseUrl = `https://localhost:${port}`;
  // Access tokens of a minute: the program renews the app + user one (a minute before `exp`) on every call.
  t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: '60', TLS_CERT_FILE: path.join(dir, 'cert.pem'), TLS_KEY_FILE: path.join(dir, 'key.pem'), PUBLIC_URL: baseUrl });
  await t.app.listen({ port, host: '127.0.0.1' });
  await createTemplate(t.db);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a Partner Center program (MSAL Node and an SDK-shaped client)', () => {
  it('runs the customer workflow with only the API URL and the authority changed', async () => {
    const admin = await newCaller(t, { roles: ['global_admin', 'admin_agent'] });
    const offer = await createOffer(t.db, { min: 1, max: 50 });
    const registered = await api(t, admin.headers).post('/api/apps', { displayName: 'Partner Center program', roles: ['admin_agent'] });
    expect(registered.statusCode, registered.body).toBe(201);
    const appId = registered.json<{ id: string }>().id;
    const secret = await api(t, admin.headers).post(`/api/apps/${appId}/secrets`, { description: 'the program' });
    const refresh = await api(t, admin.headers).post(`/api/apps/${appId}/refresh-tokens`, {});
    expect(refresh.statusCode, refresh.body).toBe(201);

    const { stdout } = await run(process.execPath, ['examples/partner-center-node/main.mjs'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem'),
        PARTNER_CENTER_API_URL: baseUrl,
        PARTNER_CENTER_AUTHORITY: baseUrl,
        PARTNER_TENANT_ID: admin.partner.id,
        CLIENT_ID: appId,
        CLIENT_SECRET: secret.json<{ secret: string }>().secret,
        REFRESH_TOKEN: refresh.json<{ refreshToken: string }>().refreshToken,
        OFFER_ID: offer.id,
      },
      timeout: 60_000,
    });
    const steps = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(steps.map((step) => step['step'] ?? 'done')).toEqual([
      'app-only token', 'app + user token', 'get customers', 'create customer', 'get customer', 'confirm agreement', 'create order', 'get subscriptions', 'change quantity', 'done',
    ]);
    const done = steps.at(-1) as { customerId: string; subscriptionId: string; quantity: number };

    // What the program did is what the service holds, under the user the refresh token is for.
    const subscription = await t.db.selectFrom('subscriptions').select(['quantity', 'customer_id']).where('id', '=', done.subscriptionId).executeTakeFirstOrThrow();
    expect(subscription).toEqual({ quantity: 3, customer_id: done.customerId });
    expect(done.quantity).toBe(3);
    const agreements = await t.db.selectFrom('agreement_confirmations').select('customer_id').where('customer_id', '=', done.customerId).execute();
    expect(agreements).toHaveLength(1);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'user_id']).where('customer_id', '=', done.customerId).execute();
    expect(audit.map((row) => row.operation_type).sort()).toEqual(['add_customer', 'create_customer_agreement', 'create_order', 'update_subscription']);
    expect(new Set(audit.map((row) => row.user_id))).toEqual(new Set([admin.user.id]));
  });
});
