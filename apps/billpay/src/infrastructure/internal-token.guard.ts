import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenCheck } from '@koperasi/service-kit';
import { BILLPAY_CONFIG, type BillpayConfig } from './billpay-config.js';

/** Internal endpoints answer only callers holding the shared service token (header x-internal-token). */
@Injectable()
export class InternalTokenGuard extends InternalTokenCheck {
  constructor(@Inject(BILLPAY_CONFIG) config: BillpayConfig) {
    super(config.internalApiToken);
  }
}
