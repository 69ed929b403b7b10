import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { BillpayCommands, type PayBillPayload } from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { ApiException } from '../../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { BillpayQueries, type PayBillResult } from '../../queries/billpay-queries.js';
import { PaymentResponse, paymentLinks, presentPayment } from '../billpay.responses.js';
import { PayBillRequest } from './pay-bill.dto.js';

/** How long the counter waits for the aggregator's first answer before being told to follow the payment. */
const OUTCOME_WAIT_MS = 3_000;

interface StatusResponse {
  status(code: number): void;
}

@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay/payments')
export class PayBillController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly billpay: BillpayQueries,
  ) {}

  /**
   * Takes the payment (billpay.cmd.pay-bill, idempotent by the key), then waits up to 3 s for the
   * aggregator. The key keeps the command's reply (paymentId, refId); a repeat with the same key acts no
   * more but shows the payment's status as it is now, since that is what the counter needs to know.
   */
  @Post()
  @Roles('supervisor', 'teller')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      'Pay a bill: {inquiryId} or, for prepaid, {productCode, customerNo}; 200 with the outcome, or 202 PROCESSING/PENDING to follow',
  })
  @ApiOkResponse({
    type: PaymentResponse,
    description: 'SUCCESS (with the receipt) or FAILED (refund owed)',
  })
  @ApiAcceptedResponse({
    type: PaymentResponse,
    description: 'PROCESSING or PENDING: the money is held; follow links.self',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'DEPOSIT_TOO_LOW (nothing sent to the aggregator), INQUIRY_EXPIRED, INQUIRY_REQUIRED',
  })
  async pay(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: PayBillRequest,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<PaymentResponse | (PayBillResult & { links: PaymentResponse['links'] })> {
    const koperasiId = koperasiOf(user);
    const taken = (await this.commands.run<PayBillPayload, PayBillResult>({
      user,
      write,
      body,
      command: BillpayCommands.payBill,
      koperasiId,
      // Every payment of a koperasi reserves from its one deposit row: keyed by koperasi (as its top-ups), its
      // payments are never in two flushes at once, which would wait on each other for that row's lock.
      partitionKey: koperasiId,
      payload: payloadOf(body),
      successStatus: 201,
      movesDrawerCash: true,
      present: (result) => result,
    })) as PayBillResult;
    const payment = await this.billpay
      .payment(koperasiId, taken.paymentId, OUTCOME_WAIT_MS)
      .catch(() => null);
    const status = payment?.status ?? taken.status;
    response.status(
      status === 'SUCCESS' || status === 'FAILED' ? HttpStatus.OK : HttpStatus.ACCEPTED,
    );
    // Billpay not answering the read does not undo the payment: the counter follows the link.
    return payment
      ? presentPayment(payment)
      : { ...taken, links: paymentLinks(taken.paymentId, taken.status) };
  }
}

function payloadOf(body: PayBillRequest): PayBillPayload {
  if (body.inquiryId !== undefined) {
    if (body.productCode !== undefined || body.customerNo !== undefined) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'Send either inquiryId, or productCode and customerNo, not both',
        [{ field: 'inquiryId', problems: ['not together with productCode and customerNo'] }],
      );
    }
    return { inquiryId: body.inquiryId };
  }
  const missing = (['productCode', 'customerNo'] as const).filter(
    (field) => body[field] === undefined,
  );
  if (missing.length > 0) {
    throw new ApiException(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      `Send inquiryId, or productCode and customerNo: ${missing.join(', ')} missing`,
      [...missing.map((field) => ({ field, problems: ['required without inquiryId'] }))],
    );
  }
  return { productCode: body.productCode as string, customerNo: body.customerNo as string };
}
