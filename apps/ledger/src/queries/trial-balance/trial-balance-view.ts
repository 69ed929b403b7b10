export interface TrialBalanceLine {
  code: string;
  name: string;
  debit: number;
  credit: number;
}

export interface TrialBalanceView {
  /** The cut-off asked for, or the time of the query for everything posted so far. */
  asOf: string;
  lines: TrialBalanceLine[];
  totalDebit: number;
  totalCredit: number;
}
