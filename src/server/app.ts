import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, DatabaseHandle } from '#db/database.ts';
import { errorCatalog } from '#domain/errors.ts';
import type { Config } from './config.ts';
import { passwordHasher, randomIds, systemClock, type Clock, type IdGenerator, type PasswordHasher } from './lib/adapters.ts';
import { authPlugin } from './plugins/auth.ts';
import { clientErrorHandler, errorsPlugin, frameworkErrors, MAX_PARAM_LENGTH } from './plugins/errors.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { closeSilentConnections, httpTimeouts } from './lib/http-timeouts.ts';
import { errorBody } from './lib/error-body.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { requestIdsPlugin, safeId } from './plugins/request-ids.ts';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '#contracts/common.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { createAuthService } from './modules/auth/service.ts';
import { customersRoutes } from './modules/customers/routes.ts';
import { createCustomersService } from './modules/customers/service.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { partnersRoutes } from './modules/partners/routes.ts';
import { agreementsRoutes } from './modules/agreements/routes.ts';
import { createAgreementsService } from './modules/agreements/service.ts';
import { offersRoutes } from './modules/offers/routes.ts';
import { createOffersService } from './modules/offers/service.ts';
import { ordersRoutes } from './modules/orders/routes.ts';
import { createOrdersService } from './modules/orders/service.ts';
import { subscriptionsRoutes } from './modules/subscriptions/routes.ts';
import { createSubscriptionsService } from './modules/subscriptions/service.ts';
import { onboardingRoutes } from './modules/onboarding/routes.ts';
import { createOnboardingService } from './modules/onboarding/service.ts';
import { draftsRoutes } from './modules/drafts/routes.ts';
import { createDraftsService } from './modules/drafts/service.ts';
import { validationRoutes } from './modules/validation/routes.ts';
import { createIdempotency } from './lib/idempotency.ts';
import { loadKeyring } from './bootstrap.ts';
import { caseInsensitiveBodyPlugin } from './plugins/case-insensitive-body.ts';
import { continuationTokenPlugin } from './plugins/continuation-token.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { createPartnersService } from './modules/partners/service.ts';
import { relationshipsRoutes } from './modules/relationships/routes.ts';
import { createRelationshipsService } from './modules/relationships/service.ts';
import { tenantRoutes } from './modules/tenant/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { createAuditService } from './modules/audit/service.ts';
import { createTenantService } from './modules/tenant/service.ts';
import { appsRoutes, identityRoutes } from './modules/apps/routes.ts';
import { createAppsService } from './modules/apps/service.ts';
import { createSigningKeys } from './modules/apps/signing-keys.ts';
import { teamRoutes } from './modules/team/routes.ts';
import { createTeamService } from './modules/team/service.ts';
import { customerUsersRoutes } from './modules/customer-users/routes.ts';
import { createCustomerUsersService } from './modules/customer-users/service.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** Which database `db` is (config.database's kind by default): on PostgreSQL the rate limit counts in a table. */
  databaseKind?: DatabaseHandle['kind'];
  clock?: Clock;
  ids?: IdGenerator;
  hasher?: PasswordHasher;
  logger?: FastifyServerOptions['logger'];
  /** Where the built portal is; served when it exists. */
  webRoot?: string;
  /** Told of every route as it is registered (tests enumerate the routes from the app itself). */
  onRoute?: (route: RouteOptions) => void;
}

/** The largest body the API reads (a 413 names it). */
const BODY_LIMIT_BYTES = 1024 * 1024;

const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Secrets and credentials never reach the log. */
export const logRedactions = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.access_token',
  '*.token',
];

/**
 * Node's HTTP server, or its HTTPS one with the configured certificate (TLS_CERT_FILE, TLS_KEY_FILE).
 * Fastify handles both alike; its types know only one server type per instance, hence the cast.
 */
function createServer(tls: Config['tls'], options: http.ServerOptions, handler: http.RequestListener): http.Server {
  if (!tls) return http.createServer(options, handler);
  const pem = { cert: fs.readFileSync(tls.certFile), key: fs.readFileSync(tls.keyFile) };
  return https.createServer({ ...options, ...pem }, handler) as unknown as http.Server;
}

/** Builds the app from plugins: infrastructure, then services, then routes. No listen: tests build it too. */
export async function buildApp(deps: AppDeps) {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const hasher = deps.hasher ?? passwordHasher;
  const timeouts = httpTimeouts(config.requestTimeoutMs);

  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    // Slow clients are cut off by Node's server itself (lib/http-timeouts.ts says why it needs all three).
    requestTimeout: timeouts.requestTimeoutMs,
    serverFactory: (handler) => createServer(config.tls, timeouts.serverOptions, handler),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Answers Fastify and Node give before a route is chosen, in the one error shape too.
    frameworkErrors,
    clientErrorHandler: clientErrorHandler({ requestTimeoutMs: timeouts.requestTimeoutMs, maxHeaderBytes: http.maxHeaderSize }),
    // Ids of our own: MS-RequestId is the client's idempotency key, not a log id.
    genReqId: () => ids.uuid(),
    // Every log line of a request carries the client's MS-CorrelationId and MS-RequestId.
    childLoggerFactory: (logger, bindings, options, rawRequest) =>
      logger.child(
        {
          ...bindings,
          correlationId: safeId(rawRequest.headers[CORRELATION_ID_HEADER]) ?? bindings.reqId,
          msRequestId: safeId(rawRequest.headers[REQUEST_ID_HEADER]),
        },
        options,
      ),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  closeSilentConnections(app.server, timeouts.headersTimeoutMs);
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  const routePaths = routeMethods();
  app.addHook('onRoute', routePaths.add);

  // Infrastructure
  await app.register(requestIdsPlugin);
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin, { publicUrl: config.publicUrl });
  await app.register(jsonBodyPlugin);
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });
  await app.register(fastifyCookie);

  // Services
  const keyring = await loadKeyring(db, config);
  const idempotency = createIdempotency({ db, clock, keyring });
  const auth = createAuthService({ db, clock, ids, hasher, config });
  const customers = createCustomersService({ db, ids, clock, idempotency, reservedEmailDomains: config.reservedEmailDomains });
  const partners = createPartnersService({ db });
  const agreements = createAgreementsService({ db, ids, clock, idempotency });
  const offers = createOffersService({ db });
  const orders = createOrdersService({ db, ids, clock, idempotency, agreements });
  const subscriptions = createSubscriptionsService({ db, ids, clock, idempotency });
  const drafts = createDraftsService({ db, ids, clock, customers, ttlMs: config.draftTtlMs });
  const relationships = createRelationshipsService({ db, ids, clock, idempotency, publicUrl: config.publicUrl, invitationTtlMs: config.invitationTtlMs });
  const audit = createAuditService({ db, clock });
  const tenant = createTenantService({ db, ids, clock, hasher, sessionTtlMs: config.sessionTtlMs, auth });
  const team = createTeamService({ db, ids, clock, hasher, idempotency });
  const customerUsers = createCustomerUsersService({ db, ids, clock, hasher, idempotency, customers, orders });
  const onboarding = createOnboardingService({ db, ids, clock, idempotency, customers, agreements, orders, drafts });
  const signingKeys = createSigningKeys({ db, clock, keyring, rotationMs: config.signingKeyRotationDays * 86_400_000, tokenTtlMs: config.accessTokenTtlSeconds * 1000 });
  const apps = createAppsService({ db, ids, clock, auth, keys: signingKeys, publicUrl: config.publicUrl, accessTokenTtlSeconds: config.accessTokenTtlSeconds });
  await app.register(authPlugin, { auth, apps });
  const databaseKind = deps.databaseKind ?? config.database.kind;
  await app.register(rateLimitPlugin, { perMinute: config.apiRateLimitPerMinute, store: databaseKind === 'postgres' ? 'database' : 'memory', db });
  await app.register(caseInsensitiveBodyPlugin);
  await app.register(continuationTokenPlugin);

  // Routes
  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { auth, cookieSecure: config.sessionCookieSecure });
  await app.register(customersRoutes, { customers });
  await app.register(partnersRoutes, { partners });
  await app.register(validationRoutes, { customers });
  await app.register(agreementsRoutes, { agreements });
  await app.register(offersRoutes, { offers });
  await app.register(ordersRoutes, { orders });
  await app.register(subscriptionsRoutes, { subscriptions });
  await app.register(customerUsersRoutes, { customerUsers });
  await app.register(onboardingRoutes, { onboarding });
  await app.register(draftsRoutes, { drafts });
  await app.register(relationshipsRoutes, { relationships });
  await app.register(auditRoutes, { audit });
  await app.register(tenantRoutes, { tenant, cookieSecure: config.sessionCookieSecure });
  await app.register(appsRoutes, { apps });
  await app.register(identityRoutes, { apps });
  await app.register(teamRoutes, { team });

  await registerPortal(app, deps.webRoot ?? defaultWebRoot, routePaths.allowed);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/** The built portal, with the SPA's index.html for any other GET that asks for a page. */
/**
 * Every route's path as a pattern with the methods it takes, so that a request for a known path with
 * another method is told 405 and what it may send (Allow), not that the path does not exist.
 */
function routeMethods() {
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  return {
    add(route: RouteOptions) {
      const pattern = new RegExp(`^${route.url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const known = routes.find((entry) => entry.pattern.source === pattern.source);
      if (known) for (const method of methods) known.methods.add(method);
      else routes.push({ pattern, methods: new Set(methods) });
    },
    /** The methods the path takes, or none: no route has it. */
    allowed(path: string): string[] {
      const methods = new Set<string>();
      for (const entry of routes) if (entry.pattern.test(path)) for (const method of entry.methods) methods.add(method);
      return [...methods].sort();
    },
  };
}

async function registerPortal(app: App, webRoot: string, allowed: (path: string) => string[]) {
  const index = path.join(webRoot, 'index.html');
  const hasPortal = fs.existsSync(index);
  if (hasPortal) {
    // The portal's files are public, and need no caller looked up (decision in plugins/auth.ts).
    await app.register(async (portal) => {
      portal.addHook('onRoute', (route) => {
        route.config = { ...route.config, auth: 'none' };
      });
      // Vite names what it writes under /assets by content hash: cached for a year. index.html names the
      // current hashes, so it is asked again each time (no-cache: revalidated, with its ETag).
      const assets = path.join(webRoot, 'assets') + path.sep;
      await portal.register(fastifyStatic, {
        root: webRoot,
        wildcard: false,
        index: false,
        maxAge: '1y',
        immutable: true,
        serve: true,
        preCompressed: true,
        setHeaders: (reply, filePath) => {
          if (!filePath.startsWith(assets)) reply.header('cache-control', 'no-cache');
        },
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(v1|api|healthz|readyz|openapi\.json|docs)(\/|\?|$)/.test(request.url);
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (hasPortal && !isApi && wantsPage) {
      return reply.header('Cache-Control', 'no-cache').type('text/html').send(fs.createReadStream(index));
    }
    const path = request.url.split('?')[0] ?? '/';
    const methods = isApi || path.includes('/oauth2/') || path.includes('/discovery/') ? allowed(path) : [];
    if (methods.length > 0) {
      return reply
        .status(405)
        .header('Allow', methods.join(', '))
        .send(errorBody(errorCatalog.method_not_allowed.pcCode, `${path} does not take ${request.method}: send ${methods.join(', ')}.`));
    }
    return reply.status(404).send(errorBody(errorCatalog.not_found.pcCode, `There is no ${request.method} ${path}.`));
  });
}
