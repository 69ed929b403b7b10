import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import type { AggregatorStatementLine } from '@koperasi/contracts';
import { badRequest } from '../common/bad-request.js';
import type { AggregatorFaults } from './aggregator-faults.js';
import { AggregatorSimulator } from './aggregator-simulator.js';
import { CallbackSender, type CallbackDelivery } from './callback-sender.js';

const MAX_DEPOSIT_RP = 1_000_000_000_000_000;

/** Knobs and money of the simulated aggregator, for tests and benchmarks; plain JSON, no auth. */
@Controller('admin/aggregator')
export class AggregatorAdminController {
  constructor(
    private readonly sim: AggregatorSimulator,
    private readonly callbacks: CallbackSender,
  ) {}

  @Get('faults')
  faults(): AggregatorFaults {
    return this.sim.faults;
  }

  /** Partial: only the knobs given change. */
  @Put('faults')
  setFaults(@Body() body: unknown): AggregatorFaults {
    return this.sim.setFaults(body);
  }

  @Get('deposit')
  deposit(): { balanceRp: number } {
    return { balanceRp: this.sim.depositAccount.balance };
  }

  @Put('deposit')
  setDeposit(@Body() body: { balanceRp?: unknown }): { balanceRp: number } {
    const balanceRp = wholeRupiah(body?.balanceRp, 'balanceRp', 0);
    this.sim.depositAccount.setBalance(balanceRp);
    return { balanceRp };
  }

  @Post('deposit/topups')
  @HttpCode(201)
  topUp(@Body() body: { amountRp?: unknown; ref?: unknown }): AggregatorStatementLine {
    const amountRp = wholeRupiah(body?.amountRp, 'amountRp', 1);
    if (typeof body.ref !== 'string' || body.ref.trim() === '' || body.ref.length > 100) {
      throw badRequest('ref must be the transfer reference, 1 to 100 characters', [
        { field: 'ref', problem: 'required' },
      ]);
    }
    return this.sim.depositAccount.topUp(amountRp, body.ref, Date.now());
  }

  /** Every callback delivery attempt with the exact body and signature sent, for replay tests. */
  @Get('callbacks')
  callbackDeliveries(@Query('ref_id') refId?: string): { deliveries: CallbackDelivery[] } {
    return { deliveries: this.callbacks.list(refId) };
  }
}

function wholeRupiah(value: unknown, field: string, min: number): number {
  if (
    !Number.isSafeInteger(value) ||
    (value as number) < min ||
    (value as number) > MAX_DEPOSIT_RP
  ) {
    throw badRequest(`${field} must be whole rupiah, at least ${min}`, [
      { field, problem: `got ${JSON.stringify(value)}` },
    ]);
  }
  return value as number;
}
