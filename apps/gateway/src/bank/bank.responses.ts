import { ApiProperty } from '@nestjs/swagger';
import type { BankDepositView, BankFeeSettlementView } from '@koperasi/contracts';

export class BankDepositResponse {
  @ApiProperty({ format: 'uuid' }) depositId!: string;
  @ApiProperty({ example: 'SLIP-20261201-0042' }) slipRef!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ description: 'the supervisor who recorded it' }) recordedBy!: string;
  @ApiProperty({ example: 'Budi Santoso' }) recordedByName!: string;
  @ApiProperty({ example: '2026-12-01T16:45:00+07:00' }) recordedAt!: string;
}

export class BankDepositsResponse {
  @ApiProperty({
    type: 'integer',
    description: 'kas brankas (111100) as the ledger has it now: what a deposit may take at most',
  })
  vaultBalance!: number;
  @ApiProperty({ type: [BankDepositResponse], description: 'newest first' })
  deposits!: BankDepositResponse[];
}

export class BankFeeSettlementResponse {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ example: 'BRI-FEE-202611' }) reference!: string;
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ example: 'Budi Santoso' }) recordedByName!: string;
  @ApiProperty({ example: '2026-12-01T16:45:00+07:00' }) recordedAt!: string;
}

export class BankFeeMonthResponse {
  @ApiProperty({
    example: '2026-11',
    description: 'the WIB month the installments were collected in',
  })
  period!: string;
  @ApiProperty({
    type: 'integer',
    description: 'collection fees the bank came to owe for the month (114100)',
  })
  accrued!: number;
  @ApiProperty({ type: 'integer', description: 'what the bank has paid of them' }) settled!: number;
  @ApiProperty({
    type: 'integer',
    description: 'accrued − settled: what the bank still owes for the month',
  })
  owed!: number;
}

export class BankFeesResponse {
  @ApiProperty({
    type: [BankFeeMonthResponse],
    description: 'every month with fees or settlements, oldest first',
  })
  months!: BankFeeMonthResponse[];
  @ApiProperty({ type: 'integer', description: 'what the bank still owes over all months' })
  totalOwed!: number;
  @ApiProperty({ type: [BankFeeSettlementResponse], description: 'newest first' })
  settlements!: BankFeeSettlementResponse[];
}

export function presentBankDeposit(view: BankDepositView): BankDepositResponse {
  const { depositId, slipRef, amountRp, recordedBy, recordedByName, recordedAt } = view;
  return { depositId, slipRef, amount: amountRp, recordedBy, recordedByName, recordedAt };
}

export function presentBankFeeSettlement(view: BankFeeSettlementView): BankFeeSettlementResponse {
  const { settlementId, reference, period, amountRp, recordedBy, recordedByName, recordedAt } =
    view;
  return {
    settlementId,
    reference,
    period,
    amount: amountRp,
    recordedBy,
    recordedByName,
    recordedAt,
  };
}

/** Accrued by month from the ledger against what the settlements paid of each month. */
export function bankFeeMonths(
  accrued: readonly { period: string; accruedRp: number }[],
  settled: readonly { period: string; settledRp: number }[],
): BankFeeMonthResponse[] {
  const byPeriod = new Map<string, { accrued: number; settled: number }>();
  for (const month of accrued) byPeriod.set(month.period, { accrued: month.accruedRp, settled: 0 });
  for (const month of settled)
    byPeriod.set(month.period, {
      accrued: byPeriod.get(month.period)?.accrued ?? 0,
      settled: month.settledRp,
    });
  return [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, { accrued, settled }]) => ({
      period,
      accrued,
      settled,
      owed: accrued - settled,
    }));
}
