import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import type { RemittanceStatusResponse } from '@koperasi/contracts';
import type { BankFaults } from './bank-faults.js';
import { BankSimulator, type RecordedCollection } from './bank-simulator.js';

const MAX_LISTED = 10_000;

/** Knobs and books of the simulated bank, for tests and benchmarks; plain JSON, no auth. */
@Controller('admin/bank')
export class BankAdminController {
  constructor(private readonly bank: BankSimulator) {}

  @Get('faults')
  faults(): BankFaults {
    return this.bank.faults;
  }

  /** Partial: only the knobs given change. Changing remittanceOutcome away from HOLD decides the held batches. */
  @Put('faults')
  setFaults(@Body() body: unknown): BankFaults {
    return this.bank.setFaults(body);
  }

  /** The collections the bank counted (each reference once), to check a notice was delivered exactly once. */
  @Get('collections')
  collections(
    @Query('reference') reference?: string,
    @Query('loan_no') loanNo?: string,
  ): { total: number; collections: RecordedCollection[] } {
    return this.bank.listCollections({ reference, loanNo }, MAX_LISTED);
  }

  @Put('remittances/:batchRef')
  settle(
    @Param('batchRef') batchRef: string,
    @Body() body: { status?: unknown; reason?: unknown },
  ): RemittanceStatusResponse {
    return this.bank.settle(batchRef, body);
  }
}
