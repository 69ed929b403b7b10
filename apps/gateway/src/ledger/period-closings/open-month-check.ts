import { HttpStatus, Injectable } from '@nestjs/common';
import { nowInWib } from '@koperasi/service-kit';
import { ApiException } from '../../http/api-exception.js';
import { LedgerQueries } from '../../queries/query-clients.js';

/**
 * A supervisor's bookkeeping (setor ke bank, the bank's fee settlement, approving a drawer's closing, the SHU
 * distribution) is dated now; once now's month is closed (tutup buku of the current month) it is refused, not
 * slipped into the next month unseen. Counter transactions are not checked here: the counter keeps serving
 * while the ledger is away, and an entry that reaches a closed month counts from the next open month with the
 * date it belongs to. A closing between this check and the command lands the same way.
 */
@Injectable()
export class OpenMonthCheck {
  constructor(private readonly ledger: LedgerQueries) {}

  async assertOpen(koperasiId: string, what: string): Promise<void> {
    const month = nowInWib().slice(0, 7);
    const closings = (await this.ledger.periodClosings(koperasiId)) as { month: string }[];
    const lastClosed = closings.at(-1)?.month;
    if (lastClosed === undefined || lastClosed < month) return;
    throw new ApiException(
      HttpStatus.CONFLICT,
      'MONTH_CLOSED',
      `Buku bulan ${month} sudah ditutup (tutup buku): ${what} tidak dapat dicatat ke bulan yang sudah ditutup. Catat pada bulan berikutnya.`,
    );
  }
}
