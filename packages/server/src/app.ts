import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './app-context.js';
import { DEFAULT_AUTH_POLICY } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { customerRoutes } from './customers/customer.routes.js';
import type { DatabaseHandle } from './db/database.js';
import { healthRoutes } from './health/health.routes.js';
import { registerAuthentication } from './http/authentication.js';
import { registerProblemHandler } from './http/problem-handler.js';
import { ProblemSchema } from './http/schema-helpers.js';
import { validatorCompiler } from './http/validation.js';
import { organisationRoutes } from './organisations/organisation.routes.js';
import { userRoutes } from './users/user.routes.js';
import { workOrderRoutes } from './work-orders/work-order.routes.js';
import { callbackRoutes } from './callbacks/callback.routes.js';
import { complaintRoutes } from './complaints/complaint.routes.js';
import { webRoutes } from './web/web.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import type { SmsTransport } from './portal/sms-transport.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { languageRoutes } from './language/language.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { siteRoutes } from './sites/site.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { clockPauseRoutes } from './sla/clock-pause.routes.js';

export interface BuildOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  authPolicy?: Partial<AppContext['authPolicy']>;
  /** Largest accepted request body; work-order text is small, photos come later on their own route. */
  bodyLimit?: number;
  /** Login attempts per client address per minute (slows guessing across accounts). */
  loginRateLimitPerMinute?: number;
  /** How portal SMS codes are sent; default: the development transport (the server log). */
  smsTransport?: SmsTransport;
  /** The built web app (packages/web/dist by default). */
  webRoot?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Registers everything and returns the app without listening: tests use inject(). */
export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; context: AppContext }> {
  const context: AppContext = {
    db: options.database.db,
    dialect: options.database.dialect,
    now: options.now ?? (() => new Date()),
    authPolicy: { ...DEFAULT_AUTH_POLICY, ...options.authPolicy },
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 20,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(ProblemSchema);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Huiyin 回音 API', version: '1', description: '事事有结果，件件有回音 — work orders for customer service centers' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'hy_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  // Swagger UI registers its own routes; they need no login.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app, context);
  await app.register(healthRoutes(context));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(webRoutes({ root: options.webRoot }));
  await app.register(
    async (api) => {
      await api.register(authRoutes(context));
      await api.register(organisationRoutes(context));
      await api.register(userRoutes(context));
      await api.register(customerRoutes(context));
      await api.register(workOrderRoutes(context));
      await api.register(complaintRoutes(context));
      await api.register(callbackRoutes(context));
      await api.register(auditRoutes(context));
      await api.register(languageRoutes(context));
      await api.register(notificationRoutes(context));
      await api.register(clockPauseRoutes(context));
      await api.register(calendarRoutes(context));
      await api.register(siteRoutes(context));
      await api.register(settingsRoutes(context));
      await api.register(portalRoutes(context, { smsTransport: options.smsTransport }));
      await api.register(dashboardRoutes(context));
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  return { app, context };
}
