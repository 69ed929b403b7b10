import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenCheck } from '@koperasi/service-kit';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';

/** Internal endpoints answer only callers holding the shared service token (header x-internal-token). */
@Injectable()
export class InternalTokenGuard extends InternalTokenCheck {
  constructor(@Inject(LOANS_CONFIG) config: LoansConfig) {
    super(config.internalApiToken);
  }
}
