import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '#db/database.ts';
import { errorCatalog } from '#domain/errors.ts';
import type { Config } from './config.ts';
import { passwordHasher, randomIds, systemClock, type Clock, type IdGenerator, type PasswordHasher } from './lib/adapters.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
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
import { onboardingRoutes } from './modules/onboarding/routes.ts';
import { createOnboardingService } from './modules/onboarding/service.ts';
import { draftsRoutes } from './modules/drafts/routes.ts';
import { createDraftsService } from './modules/drafts/service.ts';
import { validationRoutes } from './modules/validation/routes.ts';
import { createIdempotency } from './lib/idempotency.ts';
import { loadEncryptionKey } from './bootstrap.ts';
import { caseInsensitiveBodyPlugin } from './plugins/case-insensitive-body.ts';
import { continuationTokenPlugin } from './plugins/continuation-token.ts';
import { createPartnersService } from './modules/partners/service.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  ids?: IdGenerator;
  hasher?: PasswordHasher;
  logger?: FastifyServerOptions['logger'];
  /** Where the built portal is; served when it exists. */
  webRoot?: string;
}

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

/** Builds the app from plugins: infrastructure, then services, then routes. No listen: tests build it too. */
export async function buildApp(deps: AppDeps) {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const hasher = deps.hasher ?? passwordHasher;

  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
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

  // Infrastructure
  await app.register(requestIdsPlugin);
  await app.register(errorsPlugin);
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });
  await app.register(fastifyCookie);

  // Services
  const idempotency = createIdempotency({ db, clock, key: await loadEncryptionKey(db, config) });
  const auth = createAuthService({ db, clock, ids, hasher, config });
  const customers = createCustomersService({ db, ids, clock, idempotency, publicUrl: config.publicUrl, reservedEmailDomains: config.reservedEmailDomains });
  const partners = createPartnersService({ db });
  const agreements = createAgreementsService({ db, ids, clock, idempotency });
  const offers = createOffersService({ db });
  const orders = createOrdersService({ db, ids, clock, idempotency });
  const drafts = createDraftsService({ db, ids, clock, customers, ttlMs: config.draftTtlMs });
  const onboarding = createOnboardingService({ db, ids, clock, idempotency, customers, agreements, orders, drafts });
  await app.register(authPlugin, { auth });
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
  await app.register(onboardingRoutes, { onboarding });
  await app.register(draftsRoutes, { drafts });

  await registerPortal(app, deps.webRoot ?? defaultWebRoot);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/** The built portal, with the SPA's index.html for any other GET that asks for a page. */
async function registerPortal(app: App, webRoot: string) {
  const index = path.join(webRoot, 'index.html');
  const hasPortal = fs.existsSync(index);
  if (hasPortal) {
    // The portal's files are public, and need no caller looked up (decision in plugins/auth.ts).
    await app.register(async (portal) => {
      portal.addHook('onRoute', (route) => {
        route.config = { ...route.config, auth: 'none' };
      });
      await portal.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1y', immutable: true, serve: true, preCompressed: true });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(v1|api|healthz|readyz|openapi\.json|docs)(\/|\?|$)/.test(request.url);
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (hasPortal && !isApi && wantsPage) {
      return reply.header('Cache-Control', 'no-cache').type('text/html').send(fs.createReadStream(index));
    }
    return reply.status(404).send(errorBody(errorCatalog.not_found.pcCode, `There is no ${request.method} ${request.url.split('?')[0]}.`));
  });
}
