import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config.js';
import { metricsBehindToken } from './http/metrics-token.js';
import { securityHeaders } from './http/security-headers.js';
import { strictJsonBody } from './http/strict-json-body.js';

export const API_PREFIX = 'api/v1';

/** Nest's own body parsers are off: configureApp installs the gateway's strict JSON reader in their place. */
export const GATEWAY_APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/**
 * What main and the HTTP tests both need (the app created with GATEWAY_APP_OPTIONS): security headers, the
 * strict body reader and the metrics token before any route, the /api/v1 prefix (probes stay at the root) and
 * OpenAPI at /docs.
 */
export function configureApp(app: INestApplication): void {
  app.use(securityHeaders);
  app.use('/metrics', metricsBehindToken(app.get<GatewayConfig>(GATEWAY_CONFIG).internalApiToken));
  app.use(strictJsonBody);
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
