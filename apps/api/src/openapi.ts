import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/** The document of every route; built before the middleware so the edge can read the routes' flags from it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CRM workflow engine API')
    .setDescription(
      'Customer onboarding (sales → finance → general manager), complaints with working-day SLAs on the official Chinese calendar, customer grading, and the auditor’s replay. Every change is an event.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** `GET /openapi.json` for clients and tests, `GET /docs` for people. */
export function setupOpenApi(app: INestApplication, document: OpenAPIObject): void {
  app.getHttpAdapter().get('/openapi.json', (_req: Request, res: Response) => res.json(document));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
