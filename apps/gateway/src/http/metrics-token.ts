import { timingSafeEqual } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from './api-error-body.js';

const METRICS_PATH = /^\/metrics(\/|\?|$)/;

/**
 * /metrics on the gateway's public port names routes, volumes and process details: only a scraper that sends
 * the internal token (x-internal-token, as the services' internal endpoints take it) sees them. An onRequest
 * hook: the refusal is sent before any route runs.
 */
export function metricsBehindToken(internalApiToken: string) {
  const expected = Buffer.from(internalApiToken, 'utf8');
  return (
    request: { url: string; headers: Record<string, string | string[] | undefined> },
    reply: { code(status: number): { send(body: unknown): unknown } },
    done: () => void,
  ): void => {
    if (!METRICS_PATH.test(request.url)) return done();
    const header = request.headers['x-internal-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return done();
    const body: ApiErrorBody = {
      statusCode: HttpStatus.UNAUTHORIZED,
      error: 'UNAUTHORIZED',
      message: 'Metrics are for the monitoring system: send its x-internal-token',
      details: null,
    };
    reply.code(HttpStatus.UNAUTHORIZED).send(body);
  };
}
