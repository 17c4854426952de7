import { CSRF_HEADER } from '#contracts/auth.ts';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, type FieldErrorBody } from '#contracts/common.ts';

/** One field's problem as the server reports it; `field` is a dotted path such as `billingProfile.email`. */
export type FieldError = FieldErrorBody;

interface ErrorBody {
  code?: unknown;
  description?: unknown;
  errors?: unknown;
}

/** Any non-2xx answer, or a network failure (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** Partner Center error code from the body (e.g. 600049), or 0 when the body had none. */
  readonly code: number;
  readonly description: string;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait, from `Retry-After` on a 429 or 503. */
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: number;
    description: string;
    fieldErrors?: FieldError[];
    retryAfterSeconds?: number | null;
    requestId?: string | null;
  }) {
    super(init.description);
    this.status = init.status;
    this.code = init.code;
    this.description = init.description;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.requestId = init.requestId ?? null;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * A new GUID (correlation ids, MS-RequestId). `crypto.randomUUID` exists only in secure contexts; a
 * self-hosted portal may be served over plain http.
 */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One correlation id per page load, so the server's logs tie together everything this tab did. */
export const correlationId = uuid();

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
};

/** The session's CSRF token, sent on every write; `null` after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when a call answers 401 (the session ended): the app routes to sign-in without a reload. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * By default a 401 means the session is gone and sends the user to sign-in. The session calls
   * themselves expect 401 (not signed in, wrong password) and handle it.
   */
  redirectOn401?: boolean;
  /** The request outlives the page (a save on page hide): `fetch`'s keepalive, at most 64 KB of body. */
  keepalive?: boolean;
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, code, message } = item as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [{ field, code: typeof code === 'string' ? code : '', message }];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) body = parsed as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'number' ? body.code : 0,
    description: typeof body.description === 'string' ? body.description : response.statusText,
    fieldErrors: parseFieldErrors(body.errors),
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    requestId: response.headers.get(REQUEST_ID_HEADER),
  });
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Calls the Partnerdesk server on this origin; returns the parsed JSON body, or `undefined` for 204. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  headers.set(CORRELATION_ID_HEADER, correlationId);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  // A caller with a session of its own (the customer admin's pages) sends that session's token itself.
  if (WRITE_METHODS.has(method) && csrfToken !== null && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, csrfToken);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
      keepalive: options.keepalive ?? false,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 0, description: 'The server could not be reached.' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
    throw error;
  }
  if (response.status === 204 || method === 'HEAD') return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
