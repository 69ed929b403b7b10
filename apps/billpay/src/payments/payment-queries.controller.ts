import { Controller, Get, HttpStatus, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { BillReceipt } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';
import { InternalTokenGuard } from '../infrastructure/internal-token.guard.js';
import {
  PAYMENT_COLUMNS,
  paymentViewOf,
  receiptOf,
  type PaymentDetailView,
  type PaymentRow,
} from './payment-row.js';
import { PaymentOutcomes } from './payment-outcomes.js';

const MAX_WAIT_MS = 10_000;
/** Between in-process notifications, a waiter re-reads this often in case another process resolved it. */
const REREAD_MS = 500;
const MAX_LISTED = 500;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@Controller('internal/koperasi/:koperasiId/payments')
@UseGuards(InternalTokenGuard)
export class PaymentQueriesController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  /** Payments of one WIB day, newest first. */
  @Get()
  async list(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
    @Query('status') status?: string,
  ): Promise<PaymentDetailView[]> {
    if (date !== undefined && !DATE.test(date))
      throw badQuery('date', 'must be a date written YYYY-MM-DD');
    if (status !== undefined && !['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'].includes(status)) {
      throw badQuery('status', 'must be PROCESSING, PENDING, SUCCESS or FAILED');
    }
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments
       WHERE koperasi_id = $1
         AND ($2::date IS NULL OR (created_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Jakarta') AND created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')))
         AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC LIMIT $4`,
      [koperasiId, date ?? null, status ?? null, MAX_LISTED],
    );
    return rows.map(paymentViewOf);
  }

  /**
   * The payment now; with `waitMs`, first waits up to that long for the aggregator's first answer, so a
   * counter gets SUCCESS or FAILED in one round trip when the aggregator is quick.
   */
  @Get(':paymentId')
  async get(
    @Param('koperasiId') koperasiId: string,
    @Param('paymentId') paymentId: string,
    @Query('waitMs') waitMs?: string,
  ): Promise<PaymentDetailView> {
    const waitForMs = waitMs === undefined ? 0 : Number(waitMs);
    if (!Number.isSafeInteger(waitForMs) || waitForMs < 0 || waitForMs > MAX_WAIT_MS) {
      throw badQuery('waitMs', `must be a whole number of milliseconds from 0 to ${MAX_WAIT_MS}`);
    }
    const deadline = Date.now() + waitForMs;
    let row = await this.find(koperasiId, paymentId);
    while (row.status === 'PROCESSING' && Date.now() < deadline) {
      await this.outcomes.next(paymentId, Math.min(REREAD_MS, deadline - Date.now()));
      row = await this.find(koperasiId, paymentId);
    }
    return paymentViewOf(row);
  }

  @Get(':paymentId/receipt')
  async receipt(
    @Param('koperasiId') koperasiId: string,
    @Param('paymentId') paymentId: string,
  ): Promise<BillReceipt> {
    const row = await this.find(koperasiId, paymentId);
    const receipt = receiptOf(row);
    if (!receipt) {
      throw new BillpayHttpError(
        HttpStatus.CONFLICT,
        'RECEIPT_NOT_AVAILABLE',
        `Payment ${paymentId} is ${row.status}; a receipt is printed only for a successful payment`,
        {
          status: row.status,
        },
      );
    }
    return receipt;
  }

  private async find(koperasiId: string, paymentId: string): Promise<PaymentRow> {
    if (isUuid(koperasiId) && isUuid(paymentId)) {
      const { rows } = await this.pool.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 AND koperasi_id = $2`,
        [paymentId, koperasiId],
      );
      if (rows[0]) return rows[0];
    }
    throw new BillpayHttpError(
      HttpStatus.NOT_FOUND,
      'PAYMENT_NOT_FOUND',
      `No payment ${paymentId} in this koperasi`,
    );
  }
}

function badQuery(field: string, message: string): BillpayHttpError {
  return new BillpayHttpError(HttpStatus.BAD_REQUEST, 'BAD_QUERY', `${field} ${message}`, [
    { field, message },
  ]);
}
