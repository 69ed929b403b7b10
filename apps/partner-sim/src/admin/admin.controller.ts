import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { AggregatorSimulator } from '../aggregator/aggregator-simulator.js';
import { BankSimulator } from '../bank/bank-simulator.js';
import { badRequest } from '../common/bad-request.js';
import { SimTimers } from '../common/sim-timers.js';
import { RequestLog, type LoggedRequest } from '../request-log/request-log.js';

const DEFAULT_LIMIT = 1_000;
const MAX_LIMIT = 100_000;

@Controller('admin')
export class AdminController {
  constructor(
    private readonly log: RequestLog,
    private readonly aggregator: AggregatorSimulator,
    private readonly bank: BankSimulator,
    private readonly timers: SimTimers,
  ) {}

  /** The partner requests received, oldest first; `total` counts every match, `requests` holds up to `limit`. */
  @Get('requests')
  requests(
    @Query('path') path?: string,
    @Query('ref_id') refId?: string,
    @Query('customer_no') customerNo?: string,
    @Query('loan_no') loanNo?: string,
    @Query('reference') reference?: string,
    @Query('since') since?: string,
    @Query('limit') limit?: string,
  ): { total: number; requests: LoggedRequest[] } {
    let sinceIso: string | undefined;
    if (since !== undefined) {
      const sinceMs = Date.parse(since);
      if (Number.isNaN(sinceMs)) throw badRequest(`since must be an ISO timestamp; got ${since}`);
      sinceIso = new Date(sinceMs).toISOString();
    }
    const limitCount = limit === undefined ? DEFAULT_LIMIT : Number(limit);
    if (!Number.isInteger(limitCount) || limitCount < 0 || limitCount > MAX_LIMIT)
      throw badRequest(`limit must be a whole number 0..${MAX_LIMIT}`);
    return this.log.find({
      path,
      refId,
      customerNo,
      loanNo,
      reference,
      sinceIso,
      limit: limitCount,
    });
  }

  @Delete('requests')
  @HttpCode(204)
  clearRequests(): void {
    this.log.clear();
  }

  /** Every knob, balance, transaction, loan, batch and log back to how the process started. */
  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.timers.cancelAll();
    this.aggregator.reset();
    this.bank.reset();
    this.log.clear();
  }
}
