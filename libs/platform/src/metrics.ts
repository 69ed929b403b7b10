import { Controller, Get, Header, Injectable, type NestMiddleware } from '@nestjs/common';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, so every module's metrics appear on the same /metrics page. */
export const metricsRegistry = new Registry();
/**
 * The event-loop lag histogram samples with a timer; prom-client's 10 ms default wakes every process 100
 * times a second at rest (about 0.3% of a core each). Every 100 ms still shows the stalls worth seeing.
 */
const EVENT_LOOP_SAMPLE_MS = 100;
collectDefaultMetrics({
  register: metricsRegistry,
  eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
});

export const httpRequestSeconds = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

interface RequestLike {
  method: string;
  baseUrl?: string;
  route?: { path?: string };
}
interface ResponseLike {
  statusCode: number;
  on(event: 'finish', listener: () => void): void;
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: RequestLike, response: ResponseLike, next: () => void): void {
    const stopTimer = httpRequestSeconds.startTimer();
    response.on('finish', () => {
      // The route pattern, not the URL, so member ids do not explode the label set.
      const route = `${request.baseUrl ?? ''}${request.route?.path ?? ''}` || 'unmatched';
      stopTimer({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
