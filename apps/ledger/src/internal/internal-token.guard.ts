import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenCheck } from '@koperasi/service-kit';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';

/** Internal endpoints answer only callers holding the shared service token (header x-internal-token). */
@Injectable()
export class InternalTokenGuard extends InternalTokenCheck {
  constructor(@Inject(LEDGER_OPTIONS) config: ResolvedLedgerOptions) {
    super(config.internalApiToken);
  }
}
