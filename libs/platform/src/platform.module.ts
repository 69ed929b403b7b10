import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HttpMetricsMiddleware, MetricsController } from './metrics.js';
import { READINESS_CHECKS } from './readiness.js';

/**
 * /health/live, /health/ready and /metrics for a service. `readinessChecks` is a provider (useFactory with
 * inject) that returns the service's ReadinessCheck list.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(readinessChecks: Omit<Provider & { provide: symbol }, 'provide'>): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [{ ...readinessChecks, provide: READINESS_CHECKS } as Provider],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
