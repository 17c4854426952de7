import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '#db/database.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/healthz', {
    config: { auth: 'public' },
    logLevel: 'warn',
    schema: { tags: ['operations'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { auth: 'public' },
    logLevel: 'warn',
    schema: {
      tags: ['operations'],
      summary: 'The database answers',
      response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) },
    },
  }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' as const };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, reason: 'The database does not answer.' });
    }
  });
};
