import { Controller, Get, Headers, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type pg from 'pg';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { PG_POOL } from '../../database/pg-pool.js';
import { ApiException } from '../../http/api-exception.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { MembersQueries } from '../../queries/query-clients.js';
import {
  PaymentResponse,
  PrintableBillReceiptResponse,
  presentPayment,
  presentReceipt,
} from '../billpay.responses.js';
import { BILL_RECEIPT_PAGE_POLICY, billReceiptHtml } from '../receipts/bill-receipt-html.js';
import { PaymentsQuery } from './read-payments.query.js';

interface HtmlResponse {
  type(contentType: string): void;
  header(name: string, value: string): void;
}

/** Payments of the caller's koperasi; another koperasi's payment is not found. */
@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay/payments')
@Roles('supervisor', 'teller', 'auditor')
export class ReadPaymentsController {
  constructor(
    private readonly billpay: BillpayQueries,
    private readonly members: MembersQueries,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Payments of a WIB day (newest first, at most 500), optionally of one status',
  })
  @ApiOkResponse({ type: [PaymentResponse] })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PaymentsQuery,
  ): Promise<PaymentResponse[]> {
    return (
      await this.billpay.payments(koperasiOf(user), { date: query.date, status: query.status })
    ).map(presentPayment);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A payment as it stands now: PROCESSING, PENDING, SUCCESS (with receipt) or FAILED (refund owed or paid)',
  })
  @ApiOkResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({ description: "no such payment in the caller's koperasi" })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') paymentId: string,
  ): Promise<PaymentResponse> {
    return presentPayment(await this.billpay.payment(koperasiOf(user), paymentId));
  }

  @Get(':id/receipt')
  @ApiOperation({
    summary:
      'The receipt of a successful payment: JSON, or a printable 58 mm page with Accept: text/html or ?format=html',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'] })
  @ApiOkResponse({ type: PrintableBillReceiptResponse })
  @ApiNotFoundResponse({ description: "no such payment in the caller's koperasi" })
  @ApiConflictResponse({ description: 'RECEIPT_NOT_AVAILABLE: the payment is not SUCCESS (yet)' })
  async receipt(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') paymentId: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HtmlResponse,
  ): Promise<PrintableBillReceiptResponse | string> {
    const html = wantsHtml(format, accept);
    const koperasiId = koperasiOf(user);
    const receipt = await this.billpay.receipt(koperasiId, paymentId);
    const [koperasiName, tellerName] = await Promise.all([
      this.koperasiName(koperasiId),
      this.tellerName(receipt.tellerId),
    ]);
    if (!html) return { ...presentReceipt(receipt), koperasiName, tellerName };
    response.type('text/html; charset=utf-8');
    response.header('Content-Security-Policy', BILL_RECEIPT_PAGE_POLICY);
    return billReceiptHtml({ ...receipt, koperasiName, tellerName });
  }

  /** The name printed at the top; the receipt still prints if the members service does not answer. */
  private async koperasiName(koperasiId: string): Promise<string> {
    try {
      return (await this.members.koperasi(koperasiId)).name;
    } catch {
      return 'Koperasi Merah Putih';
    }
  }

  private async tellerName(tellerId: string): Promise<string> {
    // Receipts name the teller as people know them: the full name, not the login.
    const { rows } = await this.pool.query<{ full_name: string }>(
      'SELECT full_name FROM users WHERE id::text = $1',
      [tellerId],
    );
    return rows[0]?.full_name ?? tellerId;
  }
}

function wantsHtml(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) {
    if (format !== 'html' && format !== 'json') {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'format is html or json',
        [{ field: 'format', problems: ['must be html or json'] }],
      );
    }
    return format === 'html';
  }
  return typeof accept === 'string' && accept.includes('text/html');
}
