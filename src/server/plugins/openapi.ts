import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI document at /openapi.json (the typed client is generated from it) and docs at /docs. */
export const openapiPlugin = fp<{ publicUrl: string }>(
  async (app, { publicUrl }) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Partnerdesk API',
          description: "Partner Center v1 shapes for customer management, plus Partnerdesk's own additions.",
          version: '1.0.0',
        },
        servers: [{ url: publicUrl }],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token, or one from POST /v1/auth/token' },
            session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
          },
        },
        security: [{ bearer: [] }, { session: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // The docs are public, as the document they show is; they load nothing from elsewhere (no validator
    // badge), so the one Content-Security-Policy of the server (security-headers.ts) holds for them too.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, auth: 'public' };
      });
      await docs.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });
    });
    app.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
