import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, correlationId, setCsrfToken, setUnauthorizedHandler } from './api-client.ts';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Answers every fetch with `response` and records what was sent (the network, not our code, is faked). */
function answer(response: () => Response): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return response();
  });
  return sent;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('sends the correlation id on every call and the CSRF token only on writes', async () => {
    const sent = answer(() => json(200, { ok: true }));
    setCsrfToken('csrf-1');
    await apiRequest('/v1/customers');
    await apiRequest('/api/tokens', { method: 'POST', body: { name: 'x' } });
    const [get, post] = sent.map((s) => new Headers(s.init.headers));
    expect(get?.get('ms-correlationid')).toBe(correlationId);
    expect(get?.get('x-csrf-token')).toBeNull();
    expect(post?.get('x-csrf-token')).toBe('csrf-1');
    expect(post?.get('content-type')).toBe('application/json');
    expect(sent[1]?.init.body).toBe('{"name":"x"}');
  });

  it('returns undefined for 204', async () => {
    answer(() => new Response(null, { status: 204 }));
    await expect(apiRequest('/api/tokens/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns the error body into an ApiError with the field errors and Retry-After', async () => {
    answer(() =>
      json(
        429,
        { code: 429, description: 'Slow down.', data: [], source: 'PartnerDesk', errors: [{ field: 'email', code: 'too_many', message: 'Wait.' }] },
        { 'Retry-After': '42', 'MS-RequestId': 'req-1' },
      ),
    );
    const error = await apiRequest('/api/session', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 429,
      description: 'Slow down.',
      fieldErrors: [{ field: 'email', code: 'too_many', message: 'Wait.' }],
      retryAfterSeconds: 42,
      requestId: 'req-1',
    });
  });

  it('copes with an error that is not JSON', async () => {
    answer(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiRequest('/v1/customers')).rejects.toMatchObject({ status: 502, code: 0, description: 'Bad Gateway', fieldErrors: [] });
  });

  it('reports a dropped connection as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('/v1/customers')).rejects.toMatchObject({ status: 0 });
  });

  it('calls the unauthorized handler on 401, unless the caller handles 401 itself', async () => {
    answer(() => json(401, { code: 401, description: 'Sign in.', data: [], source: 'PartnerDesk' }));
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    await expect(apiRequest('/api/session', { redirectOn401: false })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(apiRequest('/v1/customers')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
