import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/** `GET /openapi.json` for clients and tests, `GET /docs` for people. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('CRM workflow engine API')
    .setDescription(
      'Customer onboarding (sales → finance → general manager), complaints with working-day SLAs on the official Chinese calendar, customer grading, and the auditor’s replay. Every change is an event.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app.getHttpAdapter().get('/openapi.json', (_req: Request, res: Response) => res.json(document));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
