/**
 * Tutup buku: a supervisor closes a koperasi's month, in order and for good. A members command (topic listed
 * with MemberCommandTopics) deciding a PeriodClosed event; the ledger copies the closing from that event.
 */
export interface ClosePeriodPayload {
  /** YYYY-MM */
  month: string;
  closedByName: string;
}

export interface PeriodClosingView {
  koperasiId: string;
  /** YYYY-MM */
  month: string;
  closedBy: string;
  closedByName: string;
  closedAt: string;
}
