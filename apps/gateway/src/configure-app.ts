import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** What main and the HTTP tests both need: the /api/v1 prefix (probes stay at the root) and OpenAPI at /docs. */
export function configureApp(app: INestApplication): void {
  setApiPrefix(app);
  SwaggerModule.setup('docs', app, createOpenApiDocument(app));
}

export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
}

/** The API as the counter app's generated types see it (apps/counter-web/src/api/openapi.d.ts). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Koperasi Merah Putih payments API')
      .setDescription(
        'Counter operations of a koperasi: members and their savings, PPOB, installments, and the books. Amounts are whole rupiah. ' +
          'Every write needs an Idempotency-Key header. Errors are `{statusCode, error, message, details}`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
