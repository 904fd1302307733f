import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerAuthentication } from './auth/authenticate';
import { registerSessionRoutes } from './features/auth/auth-routes';
import { registerCredentialRoutes } from './features/auth/credential-routes';
import { registerDeliveryRoutes } from './features/delivery/routes';
import { registerEventRoutes } from './features/events/events-routes';
import { registerImportExportRoutes } from './features/export/register';
import { registerThroughputRoutes } from './features/flow/throughput-routes';
import { registerMoneyRoutes } from './features/money/money-routes';
import { registerOptimisationRoutes } from './features/optimisation/optimisation-routes';
import { registerOrganisationRoutes } from './features/organisation/routes';
import { registerPlaybookRoutes } from './features/playbook/routes';
import { RESOURCE_SPECS } from './features/registry';
import { registerCapacityRoutes } from './features/resources/capacity-routes';
import { registerScheduleRoutes } from './features/schedule/schedule-routes';
import { readSsoConfig, type SsoConfig } from './features/sso/sso-config';
import { registerSsoRoutes } from './features/sso/sso-routes';
import { registerUserRoutes } from './features/users/users-routes';
import { registerValueRoutes } from './features/value/routes';
import { registerStatusHistoryRoutes } from './features/work-items/status-history-routes';
import { registerHealthRoutes } from './health/routes';
import { handleError } from './http/error-handler';
import { ProblemError, toProblem } from './http/problem';
import { registerRequestSchemaRoute, trackRequestSchemas } from './http/request-schemas';
import { type RoutePermission, trackRoutePermissions } from './http/route-permissions';
import { validatorCompiler } from './http/validation';
import { registerResourceRoutes } from './resources/resource-routes';
import type { Store } from './store/database';
import { registerWebApp } from './web/serve-web';

export interface AppOptions {
  store: Store;
  logger?: Logger | false;
  bodyLimitBytes?: number;
  /** Requests per minute and client address before 429 (default 1,200). */
  rateLimitPerMinute?: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS). */
  trustProxy?: boolean;
  /** Development conveniences, such as password-reset links written to the log. */
  devMode?: boolean;
  /** Single sign-on settings; read from the environment when not given, `null` for none. */
  sso?: SsoConfig | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD path` → declared permission of every API route. */
    routePermissions: Map<string, RoutePermission>;
  }
}

/** Builds the HTTP API over a migrated store. Listening and shutdown are the caller's business. */
export async function buildApp({
  store,
  logger = false,
  bodyLimitBytes = 1_048_576,
  rateLimitPerMinute = 1200,
  trustProxy = false,
  devMode = false,
  sso,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger || undefined,
    bodyLimit: bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    trustProxy,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const problem = new ProblemError('not_found', `No route ${request.method} ${request.url}.`);
    void reply.status(404).type('application/problem+json').send(toProblem(problem, request.url));
  });

  app.decorate('routePermissions', trackRoutePermissions(app));
  const requestSchemas = trackRequestSchemas(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { max: rateLimitPerMinute, timeWindow: '1 minute' });

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
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerAuthentication(app, store);
  registerHealthRoutes(app, store);
  registerOrganisationRoutes(app, store);
  registerSessionRoutes(app, store);
  registerCredentialRoutes(app, store, { devMode });
  registerSsoRoutes(app, store, sso === undefined ? readSsoConfig(process.env) : (sso ?? undefined));
  registerUserRoutes(app, store);
  registerEventRoutes(app, store);
  for (const spec of RESOURCE_SPECS) registerResourceRoutes(app, store, spec);
  registerStatusHistoryRoutes(app, store);
  registerThroughputRoutes(app, store);
  registerDeliveryRoutes(app, store);
  registerValueRoutes(app, store);
  registerCapacityRoutes(app, store);
  registerMoneyRoutes(app, store);
  registerScheduleRoutes(app, store);
  registerPlaybookRoutes(app, store);
  registerOptimisationRoutes(app, store);
  registerImportExportRoutes(app, store);
  registerRequestSchemaRoute(app, requestSchemas);
  await registerWebApp(app);
  return app;
}
