import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { serveConsole } from './console/console-static';
import { requestId } from './http/request-id.middleware';
import { setupOpenApi } from './openapi';
import type { ApiRuntime } from './runtime';

/** Builds the whole service; tests call it with a real store and a manual clock. */
export async function createApp(runtime: ApiRuntime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger: runtime.quiet ? false : ['log', 'warn', 'error'],
    bodyParser: false,
  });
  app.use(requestId);
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: '2mb' });
  app.enableShutdownHooks();
  setupOpenApi(app);
  serveConsole(app); // the built web console at `/`, when apps/console/dist exists
  await app.init();
  return app;
}
