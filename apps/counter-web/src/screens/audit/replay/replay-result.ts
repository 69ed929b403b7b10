/** The comparison a finished replay answers (the API types it as an open object; amounts without `Rp`). */
export interface Amounts {
  debit: number;
  credit: number;
}

export interface Savings {
  pokok: number;
  wajib: number;
  sukarela: number;
}

export interface ReplayResult {
  identical: boolean;
  eventsReplayed: number;
  eventsPerSecond: number;
  rebuildSeconds: number;
  compareSeconds: number;
  entries: {
    missingInLive: number;
    extraInLive: number;
    different: number;
    listed: {
      sourceEventId: string;
      kind: 'missing-in-live' | 'extra-in-live' | 'different';
      fields: string[];
    }[];
    listTruncated: boolean;
  };
  accounts: {
    accountCode: string;
    tellerId: string | null;
    rebuilt: Amounts;
    liveJournal: Amounts;
    liveBalance: Amounts | null;
    eventIds: string[];
  }[];
  members: {
    memberId: string;
    rebuilt: Savings | null;
    liveJournal: Savings | null;
    liveSubLedger: Savings | null;
    eventIds: string[];
  }[];
  cashByTellerDay: {
    businessDate: string;
    tellerId: string;
    rebuilt: Amounts | null;
    live: Amounts | null;
  }[];
  /** The day sums the as-of reports read, per account and WIB day. */
  accountDays: {
    compared: number;
    differences: {
      accountCode: string;
      businessDate: string;
      rebuilt: Amounts | null;
      live: Amounts | null;
    }[];
  };
  /** The chart's names of the accounts above, by code (absent on jobs finished before it was added). */
  accountNames?: Record<string, string>;
}

/** Every difference the screen lists: each entry, account, member, teller day and account day. */
export function differenceCount(result: ReplayResult): number {
  return (
    result.entries.different +
    result.entries.missingInLive +
    result.entries.extraInLive +
    result.accounts.length +
    result.members.length +
    result.cashByTellerDay.length +
    result.accountDays.differences.length
  );
}

/** Seconds left at the rate so far; null while there is no rate or no total to go by. */
export function secondsLeft(done: number, total: number | null, perSecond: number): number | null {
  if (total === null || perSecond <= 0 || done > total) return null;
  return Math.ceil((total - done) / perSecond);
}
