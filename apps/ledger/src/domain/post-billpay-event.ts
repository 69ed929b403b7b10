import { BillpayEventTypes, type EventEnvelope } from '@koperasi/contracts';
import type { StartingAccountCode } from './chart-of-accounts.js';
import { entryFromEvent, type Posting } from './entry-from-event.js';
import type { JournalEntry, JournalLine } from './journal-entry.js';
import { credit, debit } from './journal-line.js';
import {
  dataOf,
  malformed,
  readPositiveRupiah,
  readSignedRupiah,
  readText,
} from './read-event-data.js';

const KAS: StartingAccountCode = '111000';
const BANK_BRI: StartingAccountCode = '112100';
const DEPOSIT_PPOB: StartingAccountCode = '113100';
const PPOB_SUSPENSE: StartingAccountCode = '213000';
const REFUNDS_OWED: StartingAccountCode = '214000';
const FEE_INCOME_PPOB: StartingAccountCode = '410000';
const PPOB_LOSS: StartingAccountCode = '510000';

/**
 * The journal entry a billpay event causes, or null when no money moved. The customer's cash waits in
 * suspense until the aggregator's outcome is known, so fee income is recognised only on success, and a
 * pending answer books nothing. Data is read as untrusted: a money event that does not add up throws.
 */
export function postBillpayEvent(event: EventEnvelope): JournalEntry | null {
  const posting = postingFor(event);
  return posting && entryFromEvent(event, 'billpay', posting);
}

function postingFor(event: EventEnvelope): Posting | null {
  switch (event.type) {
    case BillpayEventTypes.depositToppedUp: {
      const data = dataOf(event);
      const amountRp = readPositiveRupiah(event, data, 'amountRp');
      return {
        description: `Top-up deposit PPOB, transfer ${readText(event, data, 'bankTransferRef')}`,
        lines: [debit(DEPOSIT_PPOB, amountRp), credit(BANK_BRI, amountRp)],
      };
    }
    case BillpayEventTypes.billPaymentRequested: {
      const data = dataOf(event);
      const totalAmountRp = readPositiveRupiah(event, data, 'totalAmountRp');
      const tellerId = readText(event, data, 'tellerId');
      return {
        description: `Pembayaran ${readText(event, data, 'productCode')} diterima, ref ${readText(event, data, 'refId')}`,
        lines: [{ ...debit(KAS, totalAmountRp), tellerId }, credit(PPOB_SUSPENSE, totalAmountRp)],
      };
    }
    case BillpayEventTypes.billPaymentSucceeded:
      return succeeded(event);
    case BillpayEventTypes.billPaymentFailed: {
      const data = dataOf(event);
      const totalAmountRp = readPositiveRupiah(event, data, 'totalAmountRp');
      return {
        description: `Pembayaran gagal, ref ${readText(event, data, 'refId')}: dana dikembalikan ke pelanggan`,
        lines: [debit(PPOB_SUSPENSE, totalAmountRp), credit(REFUNDS_OWED, totalAmountRp)],
      };
    }
    case BillpayEventTypes.billPaymentRefunded: {
      const data = dataOf(event);
      const amountRp = readPositiveRupiah(event, data, 'amountRp');
      const tellerId = readText(event, data, 'tellerId');
      return {
        description: `Refund pembayaran ${readText(event, data, 'paymentId')}`,
        lines: [debit(REFUNDS_OWED, amountRp), { ...credit(KAS, amountRp), tellerId }],
      };
    }
    default:
      // BillPaymentPending and anything without money: the cash stays where BillPaymentRequested put it.
      return null;
  }
}

/**
 * The aggregator debited the deposit `priceRp`; what the customer paid above it is the koperasi's fee. A
 * negative fee is the aggregator charging more than was collected: booked as a loss, not refused, since the
 * deposit really was debited and refusing would leave the money in suspense for ever.
 */
function succeeded(event: EventEnvelope): Posting {
  const data = dataOf(event);
  const totalAmountRp = readPositiveRupiah(event, data, 'totalAmountRp');
  const priceRp = readPositiveRupiah(event, data, 'priceRp');
  const feeRp = readSignedRupiah(event, data, 'feeRp');
  const productCode = readText(event, data, 'productCode');
  if (priceRp + feeRp !== totalAmountRp) {
    malformed(
      event,
      `totalAmountRp ${totalAmountRp} is not priceRp ${priceRp} plus feeRp ${feeRp}`,
    );
  }
  const fee = { source: 'PPOB', productCode } as const;
  const lines: JournalLine[] = [debit(PPOB_SUSPENSE, totalAmountRp)];
  if (feeRp < 0) lines.push({ ...debit(PPOB_LOSS, -feeRp), fee });
  lines.push(credit(DEPOSIT_PPOB, priceRp));
  if (feeRp > 0) lines.push({ ...credit(FEE_INCOME_PPOB, feeRp), fee });
  return {
    description: `Pembayaran ${productCode} berhasil, ref ${readText(event, data, 'refId')}`,
    lines,
  };
}
