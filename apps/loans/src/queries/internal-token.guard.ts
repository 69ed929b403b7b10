import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';

/** Internal endpoints answer only the gateway, which proves itself with the shared x-internal-token. */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(LOANS_CONFIG) config: LoansConfig) {
    this.expected = Buffer.from(config.internalApiToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['x-internal-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new UnauthorizedException('x-internal-token is missing or wrong');
  }
}
