import {
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  UseGuards,
  type RawBodyRequest,
} from '@nestjs/common';
import { CALLBACK_SIGNATURE_HEADER } from '@koperasi/contracts';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';
import { InternalTokenGuard } from '../infrastructure/internal-token.guard.js';
import { CALLBACK_PROVIDERS, CallbackService, type CallbackAnswer } from './callback.service.js';

/** The gateway forwards the aggregator's callbacks here with the raw body untouched: the signature covers those bytes. */
@Controller('internal/callbacks/:provider')
@UseGuards(InternalTokenGuard)
export class CallbacksController {
  constructor(private readonly callbacks: CallbackService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<{ body: unknown }>,
    @Headers(CALLBACK_SIGNATURE_HEADER) signature: string | undefined,
  ): Promise<CallbackAnswer> {
    if (!(CALLBACK_PROVIDERS as readonly string[]).includes(provider)) {
      throw new BillpayHttpError(
        HttpStatus.NOT_FOUND,
        'UNKNOWN_PROVIDER',
        `No callbacks are taken from ${provider}`,
      );
    }
    if (!request.rawBody)
      throw new BillpayHttpError(
        HttpStatus.BAD_REQUEST,
        'MALFORMED_CALLBACK',
        'The callback has no JSON body',
      );
    return this.callbacks.receive(provider, request.rawBody, signature);
  }
}
