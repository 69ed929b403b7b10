import {
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  type RawBodyRequest,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CALLBACK_SIGNATURE_HEADER } from '@koperasi/contracts';
import { Public } from '../../auth/auth.decorators.js';
import { ApiException } from '../../http/api-exception.js';
import { BillpayQueries, type CallbackAnswer } from '../../queries/billpay-queries.js';

/**
 * Where the aggregator POSTs payment outcomes. No bearer token: the aggregator proves itself with the
 * HMAC signature over the raw body, which billpay checks on exactly the bytes received here.
 */
@ApiTags('billpay')
@Controller('billpay/callbacks/:provider')
@Public()
export class BillpayCallbacksController {
  constructor(private readonly billpay: BillpayQueries) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'accepted: applied, or already known' })
  @ApiUnauthorizedResponse({
    description: 'INVALID_SIGNATURE or STALE_CALLBACK: refused, logged, nothing changed',
  })
  @ApiConflictResponse({ description: 'REPLAYED_CALLBACK: this callback_id was already received' })
  receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<unknown>,
    @Headers(CALLBACK_SIGNATURE_HEADER) signature: string | undefined,
  ): Promise<CallbackAnswer> {
    if (!request.rawBody || request.rawBody.length === 0) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'MALFORMED_CALLBACK',
        'A callback is a signed JSON body',
      );
    }
    return this.billpay.callback(provider, request.rawBody, signature);
  }
}
