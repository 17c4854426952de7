import type { FastifySchema, RouteOptions } from 'fastify';

/** A route as the app registered it: each method of a route is one entry (Fastify's automatic HEAD too). */
export interface RouteInfo {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  /** `config.auth: 'public'`: served without a caller. */
  isPublic: boolean;
  /** The names of its path parameters (`:customerId` → customerId; a wildcard `*` is one too). */
  params: string[];
}

/** Collects every route the app registers, for tests that must cover each one (pass `onRoute` to createTestApp). */
export function routeCollector() {
  const routes: RouteInfo[] = [];
  return {
    routes,
    onRoute(route: RouteOptions) {
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          schema: route.schema,
          // `optional` (sign-out) answers anyone too; a caller with a session must send its CSRF token.
          isPublic: route.config?.auth === 'public' || route.config?.auth === 'optional',
          params: [...route.url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*'),
        });
      }
    },
  };
}

export const routeKey = (route: Pick<RouteInfo, 'method' | 'url'>) => `${route.method} ${route.url}`;
