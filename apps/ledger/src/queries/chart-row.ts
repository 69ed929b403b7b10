import type { AccountKind, BalanceSide } from '../domain/index.js';

/** An account of the chart with its debit and credit totals, as the ledger queries select it. */
export interface ChartRow {
  code: string;
  name: string;
  kind: AccountKind;
  normal_balance: BalanceSide;
  debit_rp: string | null;
  credit_rp: string | null;
}
