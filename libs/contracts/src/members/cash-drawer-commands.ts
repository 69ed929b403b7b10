/**
 * The teller's cash drawer (kasir) of one WIB business day, owned by the members service. Topics are listed
 * with MemberCommands, so the members service answers them and the provisioning creates them.
 */

/** Rupiah notes and coins a drawer is counted in. */
export const CASH_DENOMINATIONS_RP = [
  100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100,
] as const;

export interface DenominationCount {
  valueRp: number;
  count: number;
}

/** Buka kasir: the opening float the supervisor handed over from the vault. */
export interface OpenCashDrawerPayload {
  openingFloatRp: number;
}

/** What the drawer should hold, by kind of movement, as the ledger booked it. */
export type CashKind = 'opening-float' | 'simpanan' | 'ppob' | 'angsuran' | 'refund' | 'other';

export interface ExpectedCashLine {
  kind: CashKind;
  count: number;
  inRp: number;
  outRp: number;
}

export interface ExpectedCash {
  lines: ExpectedCashLine[];
  /** Sum of in − out over the lines. */
  expectedRp: number;
}

/** Tutup kasir: the teller's count; the expected cash is what the ledger showed at that moment. */
export interface CountCashDrawerPayload {
  countedRp: number;
  /** Optional: the count by note and coin; when given it must add up to countedRp. */
  denominations: DenominationCount[];
  expected: ExpectedCash;
}

/** The supervisor's approval of a counted drawer; expectedRp is the ledger's figure at approval. */
export interface ApproveCashDrawerPayload {
  tellerId: string;
  businessDate: string;
  expectedRp: number;
  approverName: string;
}

export type CashDrawerStatus = 'UNOPENED' | 'OPEN' | 'COUNTED' | 'CLOSED';

export interface CashDrawerView {
  drawerId: string;
  tellerId: string;
  businessDate: string;
  status: CashDrawerStatus;
  openingFloatRp: number;
  openedAt: string | null;
  countedRp: number | null;
  denominations: DenominationCount[];
  /** The expected cash at the teller's count (null before it). */
  expected: ExpectedCash | null;
  /** counted − expected: below zero short (kurang), above zero over (lebih). */
  differenceRp: number | null;
  countedAt: string | null;
  closedAt: string | null;
  approvedBy: string | null;
  approverName: string | null;
}
