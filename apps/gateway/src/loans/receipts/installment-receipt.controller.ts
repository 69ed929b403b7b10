import { Controller, Get, Headers, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { LoansQueries } from '../../queries/loans-queries.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { PrintableReceiptResponse, presentCollection } from '../loan.responses.js';
import { INSTALLMENT_RECEIPT_PAGE_POLICY, receiptHtml } from './receipt-html.js';

interface HtmlResponse {
  type(contentType: string): void;
  header(name: string, value: string): void;
}

/** A receipt can be printed again at any time, also by an auditor; another koperasi's is not found. */
@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/installments')
@Roles('supervisor', 'teller', 'auditor')
export class InstallmentReceiptController {
  constructor(
    private readonly loans: LoansQueries,
    private readonly members: MembersQueries,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Get(':id/receipt')
  @ApiOperation({
    summary:
      'The receipt of a collection: JSON, or a printable 58 mm page with Accept: text/html or ?format=html',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'] })
  @ApiOkResponse({ type: PrintableReceiptResponse })
  @ApiNotFoundResponse({ description: "no such collection in the caller's koperasi" })
  async receipt(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') collectionId: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HtmlResponse,
  ): Promise<PrintableReceiptResponse | string> {
    const koperasiId = koperasiOf(user);
    const collection = await this.loans.collection(koperasiId, collectionId);
    const [koperasiName, tellerName] = await Promise.all([
      this.koperasiName(koperasiId),
      this.tellerName(collection.tellerId),
    ]);
    if (!wantsHtml(format, accept))
      return { ...presentCollection(collection), koperasiName, tellerName };
    response.type('text/html; charset=utf-8');
    response.header('Content-Security-Policy', INSTALLMENT_RECEIPT_PAGE_POLICY);
    return receiptHtml({ ...collection, koperasiName, tellerName });
  }

  /** The name printed at the top; the receipt still prints with the id if the members service does not answer. */
  private async koperasiName(koperasiId: string): Promise<string> {
    try {
      return (await this.members.koperasi(koperasiId)).name;
    } catch {
      return `Koperasi ${koperasiId.slice(0, 8)}`;
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
