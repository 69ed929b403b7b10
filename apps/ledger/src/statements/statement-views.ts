/** A line of a statement: an account of the chart, or a figure the statement works out (code null). */
export interface StatementLine {
  code: string | null;
  name: string;
  amountRp: number;
}

export interface StatementSection {
  lines: StatementLine[];
  totalRp: number;
}

/** The WIB business days a statement covers, both included; a position is taken at the end of `to`. */
export interface StatementPeriod {
  from: string;
  to: string;
}

/** Laporan posisi keuangan at the end of the period. */
export interface FinancialPositionView extends StatementPeriod {
  assets: StatementSection;
  liabilities: StatementSection;
  /** Equity accounts, and the surplus not yet closed into them: before the period and the period's own. */
  equity: StatementSection;
  liabilitiesAndEquityRp: number;
}

/** Laporan hasil usaha: income from members' business apart from non-members'. */
export interface OperatingResultView extends StatementPeriod {
  memberIncome: StatementSection;
  nonMemberIncome: StatementSection;
  totalIncomeRp: number;
  expenses: StatementSection;
  surplusRp: number;
}

export interface EquityChangeRow {
  code: string | null;
  name: string;
  openingRp: number;
  changeRp: number;
  closingRp: number;
}

/** Laporan perubahan ekuitas: each equity account and the surplus, from the start to the end of the period. */
export interface EquityChangesView extends StatementPeriod {
  rows: EquityChangeRow[];
  openingRp: number;
  /** The period's surplus: the change that came from operations. */
  surplusRp: number;
  /** Members' capital paid in or paid back, and anything else booked straight to equity. */
  otherChangesRp: number;
  closingRp: number;
}

export type CashFlowActivity = 'operating' | 'investing' | 'financing';

export interface CashFlowLine {
  code: string;
  name: string;
  /** Cash received against this account in the period. */
  receiptsRp: number;
  /** Cash paid out against it. */
  paymentsRp: number;
}

export interface CashFlowSection {
  activity: CashFlowActivity;
  lines: CashFlowLine[];
  netRp: number;
}

/** Laporan arus kas, direct method: cash in and out of the cash accounts by what was on the other side. */
export interface CashFlowsView extends StatementPeriod {
  cashAccounts: { code: string; name: string; openingRp: number; closingRp: number }[];
  openingCashRp: number;
  activities: CashFlowSection[];
  netChangeRp: number;
  closingCashRp: number;
}

export interface FinancialStatementsView extends StatementPeriod {
  koperasiId: string;
  financialPosition: FinancialPositionView;
  operatingResult: OperatingResultView;
  equityChanges: EquityChangesView;
  cashFlows: CashFlowsView;
}

export interface GeneralLedgerLine {
  entryId: string;
  /** When the event occurred: the date the entry belongs to. */
  occurredAt: string;
  /** Where the statements count it: occurredAt, or the start of the next open month when its month was closed before it was posted. */
  bookedAt: string;
  description: string;
  sourceEventId: string;
  /** The event type behind the entry; null on entries posted before the ledger kept its trace. */
  eventType: string | null;
  debitRp: number;
  creditRp: number;
  /** The account's balance after this entry, in its normal direction. */
  balanceRp: number;
}

/** Buku besar of one account over the period. */
export interface GeneralLedgerView extends StatementPeriod {
  koperasiId: string;
  code: string;
  name: string;
  kind: string;
  normalBalance: string;
  openingRp: number;
  totalDebitRp: number;
  totalCreditRp: number;
  closingRp: number;
  lines: GeneralLedgerLine[];
  /** True when the period has more entries than were listed; the totals and closing still count them all. */
  truncated: boolean;
}
