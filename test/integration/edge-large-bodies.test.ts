import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';

/**
 * Issue 8: bodies of about 1 MB (the limit), deep, of many small parts or wide, sent at once by someone not signed in and by
 * a partner, while /healthz is asked again and again. Every body gets a 4xx in the error shape, none a
 * 5xx, and /healthz answers while they are being handled: no body holds the event loop until the others
 * are done. Before the fix, a body of deep chains took seconds of matching each (its field path copied
 * at every level) and one 10,000 levels deep was a 500. Counted, not timed.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let bearer: string;

beforeAll(async () => {
  server = await startTestServer();
  const partner = await createPartner(server.db, { kind: 'direct' });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
  bearer = (await bearerFor(server.app, user.email)).authorization;
});
afterAll(() => server?.close());

const nested = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);

/** Just under 1 MB of `item`s in an array under `key`. */
function filled(key: string, item: string): string {
  const count = Math.floor((1024 * 1024 - key.length - 16) / (item.length + 1));
  return `{"${key}":[${Array.from({ length: count }, () => item).join(',')}]}`;
}

/**
 * Refused before parsing: deep chains of arrays (3,000 levels each), an object nested 10,000 levels, half a
 * million tiny arrays. Within the limits, and refused by validation: 9,000 line items (an order takes 50),
 * an object of 45,000 unknown properties.
 */
const bodies = () => [
  ...Array.from({ length: 6 }, () => ({ url: '/api/session', body: filled('email', nested(3000)), refused: 'too_deep' })),
  { url: '/api/session', body: `{"email":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, refused: 'too_deep' },
  ...Array.from({ length: 2 }, () => ({ url: '/api/session', body: filled('email', '[]'), refused: 'too_many' })),
  ...Array.from({ length: 3 }, () => ({ url: '/v1/onboardings/validations', body: filled('lineItems', `{"offerId":"${'X'.repeat(60)}","quantity":"one","friendlyName":null,"extra":"1,2,3"}`), refused: undefined })),
  ...Array.from({ length: 3 }, () => ({ url: '/v1/customers', body: JSON.stringify({ companyProfile: Object.fromEntries(Array.from({ length: 45_000 }, (_, i) => [`k${i}`, 'v'])) }), refused: undefined })),
];

describe('large bodies', () => {
  it('are each answered with a 4xx in the error shape while /healthz keeps answering', { timeout: 120_000 }, async () => {
    let pending = 0;
    let healthAnswersWhileBusy = 0;
    const sent = bodies().map(async ({ url, body, refused }) => {
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
      pending++;
      try {
        const response = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: bearer }, body });
        return { refused, status: response.status, json: (await response.json()) as { code: number; source: string; errors: { field: string; code: string }[] } };
      } finally {
        pending--;
      }
    });
    const polling = (async () => {
      while (pending > 0) {
        const response = await fetch(`${server.url}/healthz`);
        if (response.status === 200 && pending > 0) healthAnswersWhileBusy++;
        await response.arrayBuffer();
      }
    })();
    const answers = await Promise.all(sent);
    await polling;

    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.json).toMatchObject({ code: 3000, source: 'Partnerdesk' });
      expect(answer.json.errors.length).toBeLessThanOrEqual(50);
      if (answer.refused) expect(answer.json.errors).toEqual([expect.objectContaining({ field: 'body', code: answer.refused })]);
      else expect(answer.json.errors.length).toBeGreaterThan(0);
    }
    expect(healthAnswersWhileBusy).toBeGreaterThan(0);
  });
});
