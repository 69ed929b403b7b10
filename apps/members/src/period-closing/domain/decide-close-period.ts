import { isYearMonth, nextYearMonth, type Decision, type DomainError } from '@koperasi/domain';
import type { ClosePeriod } from './period-closing-commands.js';
import type { PeriodClosingErrorCode } from './period-closing-error-code.js';
import type { PeriodClosed } from './period-closing-events.js';
import type { PeriodClosingState } from './period-closing-state.js';

/**
 * Tutup buku: months close in order, the first one any month up to the current WIB month. Closing the month
 * already closed decides nothing (a retry, answered with that closing); any other month is refused in words.
 */
export function decideClosePeriod(
  command: ClosePeriod,
  state: PeriodClosingState,
): Decision<PeriodClosed, PeriodClosingErrorCode> {
  const { month } = command;
  if (!isYearMonth(month))
    return refuse('INVALID_MONTH', 'Bulan ditulis TTTT-BB, misalnya 2026-03');
  if (state.closings.some((closing) => closing.month === month)) return { ok: true, events: [] };
  if (month > command.now.slice(0, 7))
    return refuse(
      'MONTH_NOT_BEGUN',
      `Bulan ${month} belum berjalan; tutup buku hanya untuk bulan ini atau sebelumnya`,
    );
  const last = state.closings.at(-1)?.month;
  if (last !== undefined && month < last)
    return refuse(
      'MONTH_ALREADY_CLOSED',
      `Bulan ${month} sudah termasuk buku yang ditutup sampai ${last}`,
    );
  if (last !== undefined && month !== nextYearMonth(last))
    return refuse(
      'MONTH_OUT_OF_ORDER',
      `Tutup buku berurutan: tutup dulu bulan ${nextYearMonth(last)}`,
    );
  const year = Number(month.slice(0, 4));
  return {
    ok: true,
    events: [
      {
        type: 'PeriodClosed',
        schemaVersion: 1,
        data: {
          month,
          closedBy: command.closedBy,
          closedByName: command.closedByName,
          closedAt: command.now,
          // Closing December closes the year: income and expenses go into equity.
          ...(month.endsWith('-12') && {
            yearEnd: { year, accounts: [...(command.yearEndAccounts ?? [])] },
          }),
        },
      },
    ],
  };
}

function refuse(
  code: PeriodClosingErrorCode,
  message: string,
): { ok: false; error: DomainError<PeriodClosingErrorCode> } {
  return { ok: false, error: { code, message } };
}
