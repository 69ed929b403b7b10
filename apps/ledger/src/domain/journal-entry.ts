import type { DomainError } from '@koperasi/domain';
import { startingChartOfAccounts, type Account } from './chart-of-accounts.js';

export interface JournalLine {
  accountCode: string;
  debitRp: number;
  creditRp: number;
  /** On cash lines: the teller's drawer, a sub-account of Kas. */
  tellerId?: string;
  /** On member savings lines: the member's sub-ledger. */
  memberId?: string;
  /** On fee income lines (and a PPOB loss): what earned it, for the fee income report. */
  fee?: FeeFact;
}

export type FeeSource = 'PPOB' | 'LOANS';

export interface FeeFact {
  source: FeeSource;
  /** The PPOB product code, or the loan product (KUR, KUPEDES). */
  productCode: string;
}

/** The services whose events the ledger posts. */
export const SOURCE_SERVICES = ['members', 'billpay', 'loans'] as const;
export type SourceService = (typeof SOURCE_SERVICES)[number];

/** Where an entry came from, so an auditor can walk from it to the event, the command and the user. */
export interface EntryTrace {
  service: SourceService;
  eventType: string;
  streamId: string;
  streamVersion: number;
  actor: string;
  correlationId: string;
  /** The command that caused the event, where there was one. */
  causationId: string | null;
}

/** Entries are never edited; a correction is a new entry citing its own source event. */
export interface JournalEntry {
  sourceEventId: string;
  koperasiId: string;
  occurredAt: string;
  description: string;
  lines: JournalLine[];
  trace: EntryTrace;
}

export type JournalErrorCode =
  | 'NO_SOURCE_EVENT'
  | 'TOO_FEW_LINES'
  | 'UNKNOWN_ACCOUNT'
  | 'NOT_WHOLE_RUPIAH'
  | 'LINE_NOT_ONE_SIDED'
  | 'AMOUNT_TOO_LARGE'
  | 'UNBALANCED';

export type BalanceCheck =
  { ok: true; totalRp: number } | { ok: false; error: DomainError<JournalErrorCode> };

export function balanceCheck(
  entry: JournalEntry,
  chart: readonly Account[] = startingChartOfAccounts,
): BalanceCheck {
  if (!entry.sourceEventId)
    return invalid('NO_SOURCE_EVENT', 'Every entry cites the event that caused it');
  if (entry.lines.length < 2)
    return invalid('TOO_FEW_LINES', `An entry needs at least 2 lines, got ${entry.lines.length}`);
  let debitsRp = 0;
  let creditsRp = 0;
  for (const [index, line] of entry.lines.entries()) {
    const where = `Line ${index + 1} (${line.accountCode})`;
    if (!chart.some((account) => account.code === line.accountCode)) {
      return invalid('UNKNOWN_ACCOUNT', `${where}: no such account in the chart`);
    }
    if (!isWholeRupiah(line.debitRp) || !isWholeRupiah(line.creditRp)) {
      return invalid(
        'NOT_WHOLE_RUPIAH',
        `${where}: debit and credit must be whole rupiah, zero or more`,
      );
    }
    if (line.debitRp > 0 === line.creditRp > 0) {
      return invalid(
        'LINE_NOT_ONE_SIDED',
        `${where}: exactly one of debit and credit must be above zero`,
      );
    }
    debitsRp += line.debitRp;
    creditsRp += line.creditRp;
  }
  // Past 2^53 sums round, and a rounded sum can hide a difference of a few rupiah.
  if (!Number.isSafeInteger(debitsRp) || !Number.isSafeInteger(creditsRp)) {
    return invalid('AMOUNT_TOO_LARGE', 'The entry totals are too large to add up exactly');
  }
  if (debitsRp !== creditsRp)
    return invalid('UNBALANCED', `Debits ${debitsRp} do not equal credits ${creditsRp}`);
  return { ok: true, totalRp: debitsRp };
}

/** For entries the ledger builds itself: an unbalanced one is a bug in a posting rule, not a refusal. */
export function assertBalanced(
  entry: JournalEntry,
  chart: readonly Account[] = startingChartOfAccounts,
): void {
  const check = balanceCheck(entry, chart);
  if (!check.ok) {
    throw new Error(
      `Journal entry for event ${entry.sourceEventId} is invalid: ${check.error.code}: ${check.error.message}`,
    );
  }
}

function isWholeRupiah(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function invalid(code: JournalErrorCode, message: string): BalanceCheck {
  return { ok: false, error: { code, message } };
}
