import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';

/** Internal endpoints answer only callers holding the shared service token (header x-internal-token). */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(LEDGER_OPTIONS) options: ResolvedLedgerOptions) {
    this.expected = Buffer.from(options.internalApiToken, 'utf8');
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const given = request.headers['x-internal-token'];
    const presented = Buffer.from(typeof given === 'string' ? given : '', 'utf8');
    if (presented.length !== this.expected.length || !timingSafeEqual(presented, this.expected)) {
      throw new UnauthorizedException('x-internal-token is missing or wrong');
    }
    return true;
  }
}
