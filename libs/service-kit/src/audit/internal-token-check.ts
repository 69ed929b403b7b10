import { timingSafeEqual } from 'node:crypto';
import { UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';

/** Internal endpoints answer only the gateway (and the audit tools), which send the shared x-internal-token. */
export class InternalTokenCheck implements CanActivate {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = Buffer.from(token, 'utf8');
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>()
      .headers['x-internal-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new UnauthorizedException('x-internal-token is missing or wrong');
  }
}
