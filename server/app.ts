import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerThroughputRoutes } from './features/flow/throughput-routes';
import { registerOrganisationRoutes } from './features/organisation/routes';
import { RESOURCE_SPECS } from './features/registry';
import { registerStatusHistoryRoutes } from './features/work-items/status-history-routes';
import { registerHealthRoutes } from './health/routes';
import { handleError } from './http/error-handler';
import { ProblemError, toProblem } from './http/problem';
import { validatorCompiler } from './http/validation';
import { registerResourceRoutes } from './resources/resource-routes';
import type { Store } from './store/database';

export interface AppOptions {
  store: Store;
  logger?: Logger | false;
  bodyLimitBytes?: number;
}

/** Builds the HTTP API over a migrated store. Listening and shutdown are the caller's business. */
export async function buildApp({
  store,
  logger = false,
  bodyLimitBytes = 1_048_576,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger || undefined,
    bodyLimit: bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Nested bodies deeper than this are refused before validation (a cheap denial-of-service guard).
    ajv: { customOptions: { allErrors: true } },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const problem = new ProblemError('not_found', `No route ${request.method} ${request.url}.`);
    void reply.status(404).type('application/problem+json').send(toProblem(problem, request.url));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Triad API',
        version: '1',
        description:
          'Portfolio, delivery and value data for the PMO, Agile PMO and VMO. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token (triad_…)' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, store);
  registerOrganisationRoutes(app, store);
  for (const spec of RESOURCE_SPECS) registerResourceRoutes(app, store, spec);
  registerStatusHistoryRoutes(app, store);
  registerThroughputRoutes(app, store);
  return app;
}
