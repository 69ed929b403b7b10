import type { EventEnvelope } from '@koperasi/contracts';
import type { StartingAccountCode } from './chart-of-accounts.js';
import type { Posting } from './entry-from-event.js';
import { credit, debit } from './journal-line.js';
import { dataOf, readPositiveRupiah, readText } from './read-event-data.js';

const KAS_BRANKAS: StartingAccountCode = '111100';
const BANK_BRI: StartingAccountCode = '112100';
const FEE_RECEIVABLE: StartingAccountCode = '114100';

/**
 * The koperasi's money with its bank: setor ke bank moves vault cash to the bank account; the bank paying the
 * collection fees it owed clears the fee receivable into the bank account. Both name the slip or reference and
 * the supervisor who recorded it.
 */
export function postBankEvent(event: EventEnvelope): Posting | null {
  const data = dataOf(event);
  const amountRp = readPositiveRupiah(event, data, 'amountRp');
  const recordedByName = readText(event, data, 'recordedByName');
  if (event.type === 'BankDepositRecorded') {
    return {
      description: `Setor ke bank, slip ${readText(event, data, 'slipRef')}, dicatat ${recordedByName}`,
      lines: [debit(BANK_BRI, amountRp), credit(KAS_BRANKAS, amountRp)],
    };
  }
  if (event.type === 'BankFeesSettled') {
    return {
      description: `Pelunasan fee penagihan oleh bank periode ${readText(event, data, 'period')}, ref ${readText(event, data, 'reference')}, dicatat ${recordedByName}`,
      lines: [debit(BANK_BRI, amountRp), credit(FEE_RECEIVABLE, amountRp)],
    };
  }
  return null;
}
