import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** What main and the HTTP tests both need: the /api/v1 prefix (probes stay at the root) and OpenAPI at /docs. */
export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Koperasi Merah Putih payments API')
      .setDescription(
        'Counter operations of a koperasi: members and their savings, and the books. Amounts are whole rupiah. ' +
          'Every write needs an Idempotency-Key header. Errors are `{statusCode, error, message, details}`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
