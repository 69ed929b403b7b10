import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenCheck } from '@koperasi/service-kit';
import { MEMBERS_CONFIG, type MembersConfig } from '../infrastructure/members-config.js';

/** Internal endpoints answer only callers holding the shared service token (header x-internal-token). */
@Injectable()
export class InternalTokenGuard extends InternalTokenCheck {
  constructor(@Inject(MEMBERS_CONFIG) config: MembersConfig) {
    super(config.internalApiToken);
  }
}
