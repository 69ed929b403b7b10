import type { EventEnvelope } from '@koperasi/contracts';
import { formatRupiah } from '@koperasi/domain';
import type { StartingAccountCode } from './chart-of-accounts.js';
import type { Posting } from './entry-from-event.js';
import type { JournalLine } from './journal-entry.js';
import {
  dataOf,
  malformed,
  readPositiveRupiah,
  readRupiahOrZero,
  readSignedRupiah,
  readText,
} from './read-event-data.js';

const KAS: StartingAccountCode = '111000';
const KAS_BRANKAS: StartingAccountCode = '111100';
const SELISIH_KAS: StartingAccountCode = '530000';

/**
 * Buka kasir moves the opening float from the vault into the teller's drawer. The approved tutup kasir
 * empties the drawer of what the books expect: the counted cash goes back to the vault and the difference to
 * selisih kas (short: a debit, over: a credit), naming the supervisor who approved it. A CashDrawerCounted
 * event moves no money and books nothing.
 */
export function postCashDrawerEvent(event: EventEnvelope): Posting | null {
  const data = dataOf(event);
  const tellerId = readText(event, data, 'tellerId');
  const businessDate = readText(event, data, 'businessDate');
  if (event.type === 'CashDrawerOpened') {
    const floatRp = readPositiveRupiah(event, data, 'openingFloatRp');
    return {
      description: `Buka kasir ${businessDate}: modal awal dari brankas`,
      lines: [
        { accountCode: KAS, debitRp: floatRp, creditRp: 0, tellerId },
        { accountCode: KAS_BRANKAS, debitRp: 0, creditRp: floatRp },
      ],
    };
  }
  const countedRp = readRupiahOrZero(event, data, 'countedRp');
  const expectedRp = readSignedRupiah(event, data, 'expectedRp');
  const differenceRp = readSignedRupiah(event, data, 'differenceRp');
  if (differenceRp !== countedRp - expectedRp)
    malformed(event, `differenceRp ${differenceRp} is not counted − expected`);
  const approverName = readText(event, data, 'approverName');
  const lines: JournalLine[] = [
    { accountCode: KAS_BRANKAS, debitRp: countedRp, creditRp: 0 },
    // A drawer that paid out more than it took (no float, a withdrawal) stands below zero and is brought up to it.
    {
      accountCode: KAS,
      debitRp: Math.max(-expectedRp, 0),
      creditRp: Math.max(expectedRp, 0),
      tellerId,
    },
    {
      accountCode: SELISIH_KAS,
      debitRp: Math.max(-differenceRp, 0),
      creditRp: Math.max(differenceRp, 0),
    },
  ].filter((line) => line.debitRp > 0 || line.creditRp > 0);
  if (lines.length === 0) return null;
  const selisih =
    differenceRp === 0
      ? 'tanpa selisih'
      : `selisih ${differenceRp < 0 ? 'kurang' : 'lebih'} ${formatRupiah(Math.abs(differenceRp))}`;
  return {
    description: `Tutup kasir ${businessDate}: ${selisih}, disetujui ${approverName}`,
    lines,
  };
}
