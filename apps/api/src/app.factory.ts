import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { Authenticator } from './auth/authenticator';
import { serveConsole } from './console/console-static';
import { accessLog } from './http/access-log';
import { authenticateFirst } from './http/authenticate-first';
import { bodyParserErrors } from './http/body-errors';
import { enterRequestContext } from './http/request-context';
import { requestId } from './http/request-id.middleware';
import { RouteTable } from './http/route-table';
import { noStore, securityHeaders } from './http/security-headers';
import { securityOptionsFromEnv, type SecurityOptions } from './http/security-options';
import { applyServerLimits } from './http/server-limits';
import { createRootLogger } from './logging/root.logger';
import { NestPinoLogger } from './logging/nest-pino.logger';
import { METRICS, type Metrics } from './metrics/metrics.port';
import { buildOpenApiDocument, setupOpenApi } from './openapi';
import { transportLimitsOf, type ApiRuntime } from './runtime';

/** Builds the whole service; tests call it with a real store and a manual clock. */
export async function createApp(runtime: ApiRuntime, security: SecurityOptions = securityOptionsFromEnv()): Promise<INestApplication> {
  const log = runtime.quiet
    ? createRootLogger({ level: 'silent' })
    : (runtime.log ?? createRootLogger({ level: runtime.logLevel ?? 'info', destination: runtime.logDestination }));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger: runtime.quiet ? false : new NestPinoLogger(log),
    bodyParser: false,
  });
  applyServerLimits(app.getHttpServer(), transportLimitsOf(runtime));
  const document = buildOpenApiDocument(app);
  const routes = RouteTable.fromOpenApi(document);
  const requestLog = accessLog(routes, app.get<Metrics>(METRICS), log);
  app.use(requestId);
  app.use(securityHeaders());
  app.use(noStore);
  // only the console's origin may call cross-origin; none configured: same origin only
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && security.consoleOrigins.includes(origin)),
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Language'],
    maxAge: 600,
  });
  // before every body parser (the CSV one is a route middleware, registered later by Nest)
  app.use(authenticateFirst(routes, app.get(Authenticator), requestLog));
  app.useBodyParser('json', { limit: security.bodyLimitBytes });
  app.use(bodyParserErrors(security.bodyLimitBytes));
  app.use(enterRequestContext); // after the body parser, which would lose the async context
  app.use(requestLog);
  app.enableShutdownHooks();
  setupOpenApi(app, document);
  serveConsole(app); // the built web console at `/`, when apps/console/dist exists
  await app.init();
  return app;
}
