import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from './api-error-body.js';

interface JsonResponse extends ServerResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

/**
 * /metrics on the gateway's public port names routes, volumes and process details: only a scraper that sends
 * the internal token (x-internal-token, as the services' internal endpoints take it) sees them.
 */
export function metricsBehindToken(internalApiToken: string) {
  const expected = Buffer.from(internalApiToken, 'utf8');
  return (request: IncomingMessage, response: JsonResponse, next: () => void): void => {
    const header = request.headers['x-internal-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    const body: ApiErrorBody = {
      statusCode: HttpStatus.UNAUTHORIZED,
      error: 'UNAUTHORIZED',
      message: 'Metrics are for the monitoring system: send its x-internal-token',
      details: null,
    };
    response.status(HttpStatus.UNAUTHORIZED).json(body);
  };
}
