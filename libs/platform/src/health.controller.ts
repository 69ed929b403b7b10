import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 until every check passes: a consumer with no partitions is not ready, however healthy it looks. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; checks: Record<string, boolean> }> {
    const results = await Promise.all(
      this.checks.map(
        async ({ name, check }) =>
          [name, await Promise.resolve(check()).catch(() => false)] as const,
      ),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, ok]) => !ok)) {
      throw new HttpException({ status: 'not-ready', checks }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ready', checks };
  }
}
