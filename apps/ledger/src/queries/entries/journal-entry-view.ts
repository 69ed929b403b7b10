export interface JournalLineView {
  lineNo: number;
  accountCode: string;
  debitRp: number;
  creditRp: number;
  tellerId: string | null;
  memberId: string | null;
}

export interface JournalEntryView {
  id: string;
  sourceEventId: string;
  koperasiId: string;
  occurredAt: string;
  postedAt: string;
  description: string;
  lines: JournalLineView[];
}
