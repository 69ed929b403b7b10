export interface JournalLineView {
  lineNo: number;
  accountCode: string;
  debitRp: number;
  creditRp: number;
  tellerId: string | null;
  memberId: string | null;
  /** On fee income and PPOB loss lines: what earned it. */
  feeSource: string | null;
  productCode: string | null;
}

export interface JournalEntryView {
  id: string;
  sourceEventId: string;
  koperasiId: string;
  occurredAt: string;
  postedAt: string;
  description: string;
  /** Null on entries posted before the ledger kept its trace; the source event id still leads to the event. */
  trace: {
    service: string;
    eventType: string;
    streamId: string;
    streamVersion: number;
    actor: string;
    correlationId: string;
    causationId: string | null;
  } | null;
  lines: JournalLineView[];
}
