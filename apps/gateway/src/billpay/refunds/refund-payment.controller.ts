import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { BillpayCommands, type RefundPaymentPayload } from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import type { RefundResult } from '../../queries/billpay-queries.js';
import { RefundResponse } from '../billpay.responses.js';

@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay/payments/:id/refund')
export class RefundPaymentController {
  constructor(private readonly commands: CommandRunner) {}

  /** Pays a FAILED payment's money back in cash: a supervisor's decision; a PENDING payment is never refunded. */
  @Post()
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Refund a FAILED payment to the customer in cash (supervisor)' })
  @ApiOkResponse({ type: RefundResponse })
  @ApiNotFoundResponse({ description: "no such payment in the caller's koperasi" })
  @ApiUnprocessableEntityResponse({
    description: 'PAYMENT_NOT_FAILED: only a FAILED payment is refunded',
  })
  @ApiConflictResponse({ description: 'REFUND_ALREADY_PAID' })
  refund(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') paymentId: string,
  ): Promise<unknown> {
    return this.commands.run<RefundPaymentPayload, RefundResult>({
      user,
      write,
      body: {},
      command: BillpayCommands.refundPayment,
      koperasiId: koperasiOf(user),
      partitionKey: paymentId,
      payload: { paymentId },
      successStatus: 200,
      movesDrawerCash: true,
      present: (result): RefundResponse => ({
        paymentId: result.paymentId,
        amount: result.amountRp,
        refund: result.refund,
        eventId: result.eventId,
      }),
    });
  }
}
