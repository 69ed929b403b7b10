import { ApiProperty } from '@nestjs/swagger';
import type { LedgerAccountBalance, TellerCash, TrialBalance } from '../../queries/query-clients.js';

export class AccountBalanceResponse {
  @ApiProperty({ example: '1101' }) code!: string;
  @ApiProperty({ example: 'Kas' }) name!: string;
  @ApiProperty({ example: 'asset' }) kind!: string;
  @ApiProperty({ type: 'integer', description: "rupiah, in the account's normal direction" }) balance!: number;
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

const MAX_DEPTH = 6;

/**
 * Journal entries as the ledger shapes them, with `amountRp`-style keys renamed to the API's plain names
 * (`amount`); the entry shape itself belongs to the ledger.
 */
export function withoutRupiahSuffix(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutRupiahSuffix(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key.replace(/(.)Rp$/, '$1'), withoutRupiahSuffix(field, depth + 1)]),
  );
}
