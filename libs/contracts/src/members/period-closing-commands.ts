/**
 * Tutup buku: a supervisor closes a koperasi's month, in order and for good. A members command (topic listed
 * with MemberCommands) deciding a PeriodClosed event; the ledger copies the closing from that event.
 */
export interface ClosePeriodPayload {
  /** YYYY-MM */
  month: string;
  closedByName: string;
  /** Closing December: the ledger's income and expense balances at the year's end, closed into equity. */
  yearEndAccounts?: YearEndAccount[];
}

/** An income or expense account at the year's end: credit less debit, so income positive, expenses negative. */
export interface YearEndAccount {
  accountCode: string;
  netCreditRp: number;
}

export interface PeriodClosingView {
  koperasiId: string;
  /** YYYY-MM */
  month: string;
  closedBy: string;
  closedByName: string;
  closedAt: string;
}
