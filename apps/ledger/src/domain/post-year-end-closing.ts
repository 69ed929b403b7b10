import type { EventEnvelope } from '@koperasi/contracts';
import { startingChartOfAccounts, type StartingAccountCode } from './chart-of-accounts.js';
import { entryFromEvent } from './entry-from-event.js';
import type { JournalEntry, JournalLine } from './journal-entry.js';
import { dataOf, malformed, readSignedRupiah } from './read-event-data.js';

const SHU_BELUM_DIBAGI: StartingAccountCode = '340000';
const CLOSED_KINDS = new Set(['income', 'expense']);

/** The last instant of a year in WIB, which the closing entry is dated: after every entry of the year. */
export function yearEndInstant(year: number): string {
  return new Date(`${year}-12-31T23:59:59.999+07:00`).toISOString();
}

/**
 * Closing December (PeriodClosed with `yearEnd`) closes the year into equity: every income and expense account
 * to zero, as of the year's end, against SHU belum dibagi. Other months close no accounts: null. The totals are
 * the ledger's own, read when the supervisor closed (credit less debit per account, income positive).
 */
export function postYearEndClosing(event: EventEnvelope): JournalEntry | null {
  const data = dataOf(event);
  if (data.yearEnd === undefined) return null;
  const yearEnd = data.yearEnd as { year?: unknown; accounts?: unknown } | null;
  const year = yearEnd?.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 9999)
    malformed(event, 'yearEnd.year is not a year');
  if (!Array.isArray(yearEnd?.accounts)) malformed(event, 'yearEnd.accounts is not a list');
  const lines: JournalLine[] = [];
  let surplusRp = 0;
  for (const account of yearEnd.accounts as Record<string, unknown>[]) {
    const code = account?.accountCode;
    const kind = startingChartOfAccounts.find((known) => known.code === code)?.kind;
    if (typeof code !== 'string' || kind === undefined || !CLOSED_KINDS.has(kind))
      malformed(event, `yearEnd account ${String(code)} is not an income or expense account`);
    const netCreditRp = readSignedRupiah(event, account, 'netCreditRp');
    if (netCreditRp === 0) continue;
    surplusRp += netCreditRp;
    lines.push(
      netCreditRp > 0
        ? { accountCode: code, debitRp: netCreditRp, creditRp: 0 }
        : { accountCode: code, debitRp: 0, creditRp: -netCreditRp },
    );
  }
  if (lines.length === 0) return null;
  if (surplusRp !== 0)
    lines.push(
      surplusRp > 0
        ? { accountCode: SHU_BELUM_DIBAGI, debitRp: 0, creditRp: surplusRp }
        : { accountCode: SHU_BELUM_DIBAGI, debitRp: -surplusRp, creditRp: 0 },
    );
  return {
    ...entryFromEvent(event, 'members', {
      description: `Tutup buku tahun ${year}: pendapatan dan beban ditutup ke SHU belum dibagi`,
      lines,
    }),
    occurredAt: yearEndInstant(year),
  };
}
