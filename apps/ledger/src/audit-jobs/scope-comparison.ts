import type { BooksComparison, EntryDifference } from '../audit/index.js';

/** A replay's comparison cut down to the koperasi an auditor may see. */
export interface ScopedComparison {
  identical: boolean;
  entries: {
    missingInLive: number;
    extraInLive: number;
    different: number;
    listed: EntryDifference[];
    listTruncated: boolean;
  };
  accounts: BooksComparison['accounts'];
  members: BooksComparison['members'];
  cashByTellerDay: BooksComparison['cashByTellerDay'];
  accountDays: {
    /** Day rows compared for the koperasi in scope. */
    compared: number;
    beforeDay: string | null;
    differences: BooksComparison['accountDays']['differences'];
  };
}

/**
 * A replay rebuilds every koperasi's books; the job answers for its own koperasi only, so differences of
 * other koperasi are left out (an entry's koperasi comes from `koperasiOfEvent`, looked up in both books).
 * Counts are of the listed entries, complete unless the replay's list was cut at its limit.
 */
export function scopeComparison(
  comparison: BooksComparison,
  koperasiIds: readonly string[],
  koperasiOfEvent: ReadonlyMap<string, string>,
  maxListed: number,
): ScopedComparison {
  const inScope = (koperasiId: string | undefined) =>
    koperasiId !== undefined && koperasiIds.includes(koperasiId);
  const listed = comparison.entries.listed.filter((difference) =>
    inScope(koperasiOfEvent.get(difference.sourceEventId)),
  );
  const count = (kind: EntryDifference['kind']) =>
    listed.filter((difference) => difference.kind === kind).length;
  const accounts = comparison.accounts.filter((difference) => inScope(difference.koperasiId));
  const members = comparison.members.filter((difference) => inScope(difference.koperasiId));
  const cashByTellerDay = comparison.cashByTellerDay.filter((difference) =>
    inScope(difference.koperasiId),
  );
  const { comparedByKoperasi, beforeDay } = comparison.accountDays;
  const accountDays = {
    compared: koperasiIds.reduce(
      (total, koperasiId) => total + (comparedByKoperasi[koperasiId] ?? 0),
      0,
    ),
    beforeDay,
    differences: comparison.accountDays.differences.filter((difference) =>
      inScope(difference.koperasiId),
    ),
  };
  return {
    identical:
      listed.length === 0 &&
      accounts.length === 0 &&
      members.length === 0 &&
      cashByTellerDay.length === 0 &&
      accountDays.differences.length === 0,
    entries: {
      missingInLive: count('missing-in-live'),
      extraInLive: count('extra-in-live'),
      different: count('different'),
      listed,
      listTruncated: comparison.entries.listed.length >= maxListed,
    },
    accounts,
    members,
    cashByTellerDay,
    accountDays,
  };
}
