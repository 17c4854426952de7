import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createPartner, createUser, bearerFor } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';

/**
 * Issue 8: a client that sends its request slowly (a body or headers a byte at a time, or nothing at
 * all) is cut off after REQUEST_BODY_TIMEOUT_MS, here 1 s, the socket closed; a request that arrived
 * whole is not, however long its answer takes to stream. Against a real listening server: Node's own
 * connection checks are what is tested. No timing is asserted, only that each connection was closed
 * before a generous bound (which the code before the fix, cutting a body after 60 to 90 s, misses).
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let port: number;
let bearer: string;

const TIMEOUT_MS = 1000;
const BOUND_MS = 15_000;

beforeAll(async () => {
  server = await startTestServer({ REQUEST_BODY_TIMEOUT_MS: String(TIMEOUT_MS) });
  port = Number(new URL(server.url).port);
  const partner = await createPartner(server.db, { kind: 'direct' });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
  bearer = (await bearerFor(server.app, user.email)).authorization;
  for (let i = 0; i < 100; i++) await createCustomer(server.db, { partnerIds: [partner.id], companyName: `Slow Reader ${String(i).padStart(3, '0')}` });
});
afterAll(() => server?.close());

interface Trickle {
  /** Whether the server closed the connection before BOUND_MS. */
  closed: boolean;
  received: string;
}

/** Opens a connection, writes `head`, then one byte of `drip` every 100 ms until the server closes it or BOUND_MS passes. */
function trickle(head: string, drip: string): Promise<Trickle> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let index = 0;
    const finish = (closed: boolean) => {
      clearInterval(dripping);
      clearTimeout(bound);
      socket.destroy();
      resolve({ closed, received });
    };
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.write(head);
    const dripping = setInterval(() => {
      if (drip.length > 0 && !socket.destroyed) socket.write(drip[index++ % drip.length]!);
    }, 100);
    const bound = setTimeout(() => finish(false), BOUND_MS);
  });
}

function expectTimeoutAnswer(received: string) {
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
  const body = JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
  expect(body).toMatchObject({ code: 408000, source: 'Partnerdesk', data: [], errors: [] });
  expect(body.description).toContain('1 s');
}

describe('slow clients are cut off', () => {
  it('closes a connection that trickles its body, with a 408 in the error shape', async () => {
    const head = `POST /v1/onboardings/validations HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"companyProfile":`;
    const result = await trickle(head, ' ');
    expect(result.closed).toBe(true);
    expectTimeoutAnswer(result.received);
  });

  it('closes a trickling body that an early answer left unread (a 401 before the body, a public route, no route)', async () => {
    const results = await Promise.all(
      ['/v1/customers', '/api/session', '/no-such-route'].map((url) =>
        trickle(`POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`, ' '),
      ),
    );
    expect(results.map((result) => result.closed)).toEqual([true, true, true]);
  });

  it('closes a connection that trickles its headers, with a 408', async () => {
    const result = await trickle('GET /healthz HTTP/1.1\r\nHost: x\r\n', 'X-Slow: yes\r\n');
    expect(result.closed).toBe(true);
    expectTimeoutAnswer(result.received);
  });

  it('closes a connection that never sends a byte', async () => {
    const result = await trickle('', '');
    expect(result.closed).toBe(true);
  });

  it('keeps 50 trickling connections from holding the server: each is closed, and the server answers', async () => {
    const head = `POST /v1/onboardings/validations HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`;
    const results = await Promise.all(Array.from({ length: 50 }, () => trickle(head, ' ')));
    expect(results.filter((result) => result.closed)).toHaveLength(50);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

/** Sends `request` on a new connection; what came back when the server closed it. */
function exchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('what the HTTP parser refuses is in the error shape too', () => {
  it.each([
    ['bytes that are not HTTP', 'HELLO\r\n\r\n', 400, 3000],
    ['an unknown method', 'FETCHALL / HTTP/1.1\r\nHost: x\r\n\r\n', 400, 3000],
    ['headers over the limit', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 431000],
  ])('%s', async (_what, request, status, code) => {
    const received = await exchange(request);
    expect(received).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(received).toMatch(/content-type: application\/json/i);
    const body = JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toMatchObject({ code, source: 'Partnerdesk', description: expect.any(String), data: [], errors: [] });
  });
});

describe('requests that arrived whole are not cut', () => {
  it('answers a request sent at once, and keeps its connection alive past the timeout for the next one', async () => {
    const answers = await new Promise<string[]>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      const seen: string[] = [];
      let buffer = '';
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const complete = buffer.match(/HTTP\/1\.1 \d{3}[^]*?\r\n\r\n\{"status":"ok"\}/g) ?? [];
        if (complete.length > seen.length) {
          seen.push(complete.at(-1)!.slice(0, 15));
          if (seen.length === 1) setTimeout(() => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), TIMEOUT_MS * 2.5);
          else {
            socket.destroy();
            resolve(seen);
          }
        }
      });
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(answers).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
  });

  it('streams the whole CSV export to a client that stops reading for longer than the timeout', async () => {
    const response = await fetch(`${server.url}/v1/customers/export`, { headers: { authorization: bearer } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2.5));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const rows = text.trim().split('\n');
    expect(rows).toHaveLength(101);
    expect(text).toContain('Slow Reader 099');
  });
});
