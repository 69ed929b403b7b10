import { formatPeriod } from '../../format/wib';
import { locale, t } from '../../i18n/i18n';
import { monthsIn, type StatementLine } from './member-data';

/** `Januari 2026, Februari 2026` in the current language. */
export function monthNames(months: readonly string[]): string {
  return months.map((month) => formatPeriod(month, locale.value)).join(', ');
}

/** What a statement line was, in the current language (the service's own description is Indonesian only). */
export function statementLineText(line: StatementLine): string {
  const kind = t(`members.kind.${line.kind}`);
  const months = monthsIn(line);
  return months.length > 0 ? `${kind}: ${monthNames(months)}` : kind;
}

/** The balance of the savings the line moved, right after it; null for a payout that empties them all. */
export function balanceAfter(line: StatementLine): number | null {
  switch (line.kind) {
    case 'pokok':
      return line.balances.pokok;
    case 'wajib':
      return line.balances.wajib;
    case 'sukarela-deposit':
    case 'sukarela-withdrawal':
      return line.balances.sukarela;
    default:
      return null;
  }
}
