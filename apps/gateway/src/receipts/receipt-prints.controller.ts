import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { assertFitsPaper } from '@koperasi/receipt-layout';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { koperasiOf } from '../auth/koperasi-of.js';
import { ApiException } from '../http/api-exception.js';
import { ReceiptPrintResponse } from './receipt-print.response.js';
import {
  RECEIPT_KINDS,
  ReceiptPrintsRepository,
  type ReceiptKind,
} from './receipt-prints.repository.js';
import { ReceiptLinesService, copyMarkLine } from './receipt-lines.service.js';

/** Printing a receipt at the counter: the first print of a receipt is the original (CA), every later one a reprint (CU). */
@ApiTags('receipts')
@ApiBearerAuth()
@Controller('receipts')
export class ReceiptPrintsController {
  constructor(
    private readonly receipts: ReceiptLinesService,
    private readonly prints: ReceiptPrintsRepository,
  ) {}

  @Post(':kind/:id/prints')
  @Roles('teller', 'supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      "Print a receipt of the caller's koperasi: records the print and answers the 32-column text with the copy mark (CA or CU)",
    description:
      'kind ppob: a bill payment id (only once SUCCESS); angsuran: an installment collection id; simpanan: the eventId a savings ' +
      "deposit, withdrawal, pokok or wajib payment answered; kasir: a drawerId (the teller's daily recap, once opened or counted). " +
      'The first print of a receipt is CA, every later one CU with its time.',
  })
  @ApiParam({ name: 'kind', enum: RECEIPT_KINDS })
  @ApiParam({
    name: 'id',
    description:
      'payment id (ppob), collection id (angsuran), savings event id (simpanan), drawer id (kasir) or recap receipt id (rekap)',
  })
  @ApiCreatedResponse({ type: ReceiptPrintResponse })
  @ApiBadRequestResponse({
    description:
      'kind is not ppob, angsuran, simpanan, kasir or rekap, or a rekap id is not a date',
  })
  @ApiForbiddenResponse({
    description: "a teller printing another teller's or the koperasi's recap",
  })
  @ApiNotFoundResponse({ description: "no such transaction in the caller's koperasi" })
  @ApiConflictResponse({
    description:
      'RECEIPT_NOT_AVAILABLE: the PPOB payment is not SUCCESS (yet), or the transaction has no counter receipt',
  })
  async print(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind') kind: string,
    @Param('id') id: string,
  ): Promise<ReceiptPrintResponse> {
    const receiptKind = receiptKindOf(kind);
    const koperasiId = koperasiOf(user);
    // Built first: a receipt that cannot be printed (not found, not successful) leaves no print behind.
    const body = await this.receipts.linesOf(receiptKind, koperasiId, id, user);
    assertFitsPaper(body, `receipt ${receiptKind}/${id}`);
    // Ids are UUIDs: one receipt, however its id is cased, has one print count.
    const receiptId = id.toLowerCase();
    const recorded = await this.prints.record(receiptKind, receiptId, koperasiId, user.id);
    const copy = recorded.printNo === 1 ? 'CA' : 'CU';
    const lines = [...body, copyMarkLine(copy, recorded.printedAt)];
    return {
      kind: receiptKind,
      id: receiptId,
      copy,
      printedAt: recorded.printedAt,
      printCount: recorded.printNo,
      lines,
    };
  }
}

function receiptKindOf(kind: string): ReceiptKind {
  if ((RECEIPT_KINDS as readonly string[]).includes(kind)) return kind as ReceiptKind;
  throw new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Invalid request: a receipt kind is ${RECEIPT_KINDS.join(', ')}, not ${kind}`,
    [{ field: 'kind', problems: [`must be one of ${RECEIPT_KINDS.join(', ')}`] }],
  );
}
