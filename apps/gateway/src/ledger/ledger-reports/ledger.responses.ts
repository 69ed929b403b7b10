import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SavingsResponse, presentSavings } from '../../members/member.responses.js';
import type {
  FeeIncomeReport,
  LedgerAccountBalance,
  LedgerSavingsStatement,
  TellerCash,
  TrialBalance,
} from '../../queries/query-clients.js';

export class AccountBalanceResponse {
  @ApiProperty({ example: '1101' }) code!: string;
  @ApiProperty({ example: 'Kas' }) name!: string;
  @ApiProperty({ example: 'asset' }) kind!: string;
  @ApiProperty({ type: 'integer', description: "rupiah, in the account's normal direction" })
  balance!: number;
}

export class TrialBalanceLineResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) debit!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) credit!: number;
}

export class TrialBalanceResponse {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [TrialBalanceLineResponse] }) lines!: TrialBalanceLineResponse[];
  @ApiProperty({ type: 'integer' }) totalDebit!: number;
  @ApiProperty({ type: 'integer' }) totalCredit!: number;
}

export class TellerCashResponse {
  @ApiProperty({ format: 'uuid' }) tellerId!: string;
  @ApiProperty({ type: 'integer', description: 'cash in, rupiah' }) debit!: number;
  @ApiProperty({ type: 'integer', description: 'cash out, rupiah' }) credit!: number;
  @ApiProperty({ type: 'integer', description: 'cash in minus cash out, rupiah' }) net!: number;
}

export class SavingsStatementLineResponse {
  @ApiProperty() entryId!: string;
  @ApiProperty({ format: 'uuid', description: 'the event the entry was posted from' })
  sourceEventId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    type: SavingsResponse,
    description: 'what the entry changed: positive paid in, negative paid out',
  })
  changes!: SavingsResponse;
  @ApiProperty({ type: SavingsResponse, description: 'savings right after the entry' })
  balances!: SavingsResponse;
}

export class SavingsStatementResponse {
  @ApiProperty() memberId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: SavingsResponse, description: 'savings at asOf' })
  balances!: SavingsResponse;
  @ApiProperty({
    type: [SavingsStatementLineResponse],
    description: 'the latest lines up to asOf, oldest first',
  })
  lines!: SavingsStatementLineResponse[];
  @ApiProperty({ description: 'true when earlier lines were left out' }) truncated!: boolean;
}

export class FeeIncomeRowResponse {
  @ApiProperty({ enum: ['PPOB', 'LOANS'] }) source!: string;
  @ApiPropertyOptional({
    example: 'PLNPOST',
    description: 'PPOB product code or loan product (KUR, KUPEDES); when grouped by product',
  })
  product?: string;
  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'business day in WIB; when grouped by day',
  })
  day?: string;
  @ApiProperty({ type: 'integer', description: 'fee income less any PPOB loss, rupiah' })
  amount!: number;
  @ApiProperty({ type: 'integer', description: 'transactions that earned a fee' }) count!: number;
}

export class FeeIncomeTotalResponse {
  @ApiProperty({ enum: ['PPOB', 'LOANS'] }) source!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class FeeIncomeResponse {
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ enum: ['product', 'day'] }) groupBy!: string;
  @ApiProperty({ type: [FeeIncomeRowResponse] }) rows!: FeeIncomeRowResponse[];
  @ApiProperty({ type: [FeeIncomeTotalResponse], description: 'PPOB and LOANS, side by side' })
  totals!: FeeIncomeTotalResponse[];
  @ApiProperty({ type: 'integer', description: 'rupiah' }) total!: number;
}

export function presentAccount(account: LedgerAccountBalance): AccountBalanceResponse {
  return { code: account.code, name: account.name, kind: account.kind, balance: account.balanceRp };
}

export function presentTrialBalance(balance: TrialBalance): TrialBalanceResponse {
  return {
    asOf: balance.asOf,
    lines: balance.lines.map(({ code, name, debit, credit }) => ({ code, name, debit, credit })),
    totalDebit: balance.totalDebit,
    totalCredit: balance.totalCredit,
  };
}

export function presentTellerCash(cash: TellerCash): TellerCashResponse {
  return { tellerId: cash.tellerId, debit: cash.debitRp, credit: cash.creditRp, net: cash.netRp };
}

export function presentSavingsStatement(
  statement: LedgerSavingsStatement,
): SavingsStatementResponse {
  return {
    memberId: statement.memberId,
    asOf: statement.asOf,
    balances: presentSavings(statement.balances),
    lines: statement.lines.map((line) => ({
      entryId: line.entryId,
      sourceEventId: line.sourceEventId,
      occurredAt: line.occurredAt,
      description: line.description,
      changes: presentSavings(line.changes),
      balances: presentSavings(line.balances),
    })),
    truncated: statement.truncated,
  };
}

export function presentFeeIncome(report: FeeIncomeReport): FeeIncomeResponse {
  return {
    from: report.from,
    to: report.to,
    groupBy: report.groupBy,
    rows: report.rows.map(({ source, product, day, amountRp, count }) => ({
      source,
      ...(product === undefined ? {} : { product }),
      ...(day === undefined ? {} : { day }),
      amount: amountRp,
      count,
    })),
    totals: report.totals.map(({ source, amountRp, count }) => ({
      source,
      amount: amountRp,
      count,
    })),
    total: report.totalRp,
  };
}

const MAX_DEPTH = 6;

/**
 * Journal entries as the ledger shapes them, with `amountRp`-style keys renamed to the API's plain names
 * (`amount`); the entry shape itself belongs to the ledger.
 */
export function withoutRupiahSuffix(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutRupiahSuffix(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key.replace(/(.)Rp$/, '$1'),
      withoutRupiahSuffix(field, depth + 1),
    ]),
  );
}
