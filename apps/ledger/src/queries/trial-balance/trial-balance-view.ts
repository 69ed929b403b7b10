export interface TrialBalanceLine {
  code: string;
  name: string;
  debit: number;
  credit: number;
}

export interface TrialBalanceView {
  /** The cut-off asked for, or null for everything posted so far. */
  asOf: string | null;
  lines: TrialBalanceLine[];
  totalDebit: number;
  totalCredit: number;
}
