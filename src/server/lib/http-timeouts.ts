import type { Server, ServerOptions } from 'node:http';

/** Headers come in one packet or a few; no client needs longer than this to send them. */
const HEADERS_TIMEOUT_MS = 10_000;

export interface HttpTimeouts {
  /** The whole request, headers and body, from its first byte. */
  requestTimeoutMs: number;
  /** The headers alone; also how long a new connection may stay silent. */
  headersTimeoutMs: number;
  /** The options of Node's HTTP server that enforce them. */
  serverOptions: ServerOptions;
}

/**
 * Node cuts a request that has not arrived whole within `requestTimeout` (a 408, the socket closed), but
 * only as set up at construction: Fastify assigns `requestTimeout` to the server after creating it, which
 * leaves Node's default `headersTimeout` (60 s) above it; Node then swaps the two (the body gets 60 s),
 * and checks every `connectionsCheckingInterval` (30 s), so a body trickled a byte at a time was cut only
 * after 60 to 90 s. Here all three are given to the server itself, and the check runs every second.
 * A request that arrived whole is not concerned: its answer may stream for as long as it takes.
 */
export function httpTimeouts(requestTimeoutMs: number): HttpTimeouts {
  const headersTimeoutMs = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    serverOptions: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeoutMs / 4))),
    },
  };
}

/**
 * Node's timeouts start with a request's first byte, so a connection that never sends one would be held
 * for ever: it gets `headersTimeoutMs` of silence, then is closed. Once a request has begun, Node's own
 * timeouts take over (and its keep-alive timeout between requests).
 */
export function closeSilentConnections(server: Server, headersTimeoutMs: number) {
  server.on('connection', (socket) => socket.setTimeout(headersTimeoutMs));
  server.on('request', (request) => request.socket.setTimeout(0));
}
