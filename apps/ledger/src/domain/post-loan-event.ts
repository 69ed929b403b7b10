import { LoanEventTypes, type EventEnvelope } from '@koperasi/contracts';
import type { StartingAccountCode } from './chart-of-accounts.js';
import { entryFromEvent, type Posting } from './entry-from-event.js';
import type { JournalEntry, JournalLine } from './journal-entry.js';
import { credit, debit } from './journal-line.js';
import {
  dataOf,
  malformed,
  readOneOf,
  readPositiveRupiah,
  readRupiahOrZero,
  readText,
} from './read-event-data.js';

const KAS: StartingAccountCode = '111000';
const BANK_BRI: StartingAccountCode = '112100';
const FEE_RECEIVABLE: StartingAccountCode = '114100';
const OWED_TO_BANK: StartingAccountCode = '212000';
const REFUSED_OWED_TO_CUSTOMER: StartingAccountCode = '215000';
const FEE_INCOME_COLLECTION: StartingAccountCode = '420000';

const LOAN_PRODUCTS = ['KUR', 'KUPEDES'] as const;
const FEE_MODES = ['BANK_PAYS', 'NETTED'] as const;

/**
 * The journal entry a loans event causes, or null when no money moved (notices, a batch closed or
 * rejected). The installment is the bank's money from the moment it is taken; the fee is earned then too,
 * either owed by the bank or kept back from the remittance.
 */
export function postLoanEvent(event: EventEnvelope): JournalEntry | null {
  const posting = postingFor(event);
  return posting && entryFromEvent(event, 'loans', posting);
}

function postingFor(event: EventEnvelope): Posting | null {
  switch (event.type) {
    case LoanEventTypes.installmentCollected:
      return collected(event);
    case LoanEventTypes.remittanceConfirmed: {
      const data = dataOf(event);
      const collectedRp = readPositiveRupiah(event, data, 'collectedRp');
      const feeNettedRp = readRupiahOrZero(event, data, 'feeNettedRp');
      const remitRp = readRupiahOrZero(event, data, 'remitRp');
      if (collectedRp - feeNettedRp !== remitRp) {
        malformed(
          event,
          `remitRp ${remitRp} is not collectedRp ${collectedRp} less feeNettedRp ${feeNettedRp}`,
        );
      }
      // Every fee of the batch netted: the liability was already cleared at collection, no money moves.
      if (remitRp === 0) return null;
      return {
        description: `Setoran angsuran ke bank, batch ${readText(event, data, 'remittanceId')}, ref ${readText(event, data, 'bankRef')}`,
        lines: [debit(OWED_TO_BANK, remitRp), credit(BANK_BRI, remitRp)],
      };
    }
    case LoanEventTypes.collectionRefusedByBank:
      return refusedByBank(event);
    case LoanEventTypes.refusedCollectionPaidBack: {
      const data = dataOf(event);
      const amountRp = readPositiveRupiah(event, data, 'amountRp');
      return {
        description: `Angsuran ${readText(event, data, 'loanNo')} ditolak bank, dikembalikan tunai oleh ${readText(event, data, 'paidByName')}`,
        lines: [
          debit(REFUSED_OWED_TO_CUSTOMER, amountRp),
          { ...credit(KAS, amountRp), tellerId: readText(event, data, 'tellerId') },
        ],
      };
    }
    default:
      return null;
  }
}

/**
 * The bank refused the collection for good: what was owed to the bank is owed back to the customer, and the
 * fee the collection earned is undone (a receivable the bank will never pay, or a part kept back from a
 * remittance that will not happen).
 */
function refusedByBank(event: EventEnvelope): Posting {
  const data = dataOf(event);
  const amountRp = readPositiveRupiah(event, data, 'amountRp');
  const feeRp = readRupiahOrZero(event, data, 'feeRp');
  const feeMode = readOneOf(event, data, 'feeMode', FEE_MODES);
  const product = readOneOf(event, data, 'product', LOAN_PRODUCTS);
  if (feeMode === 'NETTED' && feeRp > amountRp)
    malformed(event, `netted feeRp ${feeRp} is more than amountRp ${amountRp}`);
  const nettedRp = feeMode === 'NETTED' ? feeRp : 0;
  const lines: JournalLine[] = [
    debit(OWED_TO_BANK, amountRp - nettedRp),
    credit(REFUSED_OWED_TO_CUSTOMER, amountRp),
  ];
  if (feeRp > 0) {
    lines.push({
      ...debit(FEE_INCOME_COLLECTION, feeRp),
      fee: { source: 'LOANS', productCode: product },
    });
    if (feeMode === 'BANK_PAYS') lines.push(credit(FEE_RECEIVABLE, feeRp));
  }
  return {
    description: `Angsuran ${product} ${readText(event, data, 'loanNo')} ditolak bank: ${readText(event, data, 'reason')}`,
    lines: lines.filter((line) => line.debitRp > 0 || line.creditRp > 0),
  };
}

function collected(event: EventEnvelope): Posting {
  const data = dataOf(event);
  const amountRp = readPositiveRupiah(event, data, 'amountRp');
  const feeRp = readRupiahOrZero(event, data, 'feeRp');
  const feeMode = readOneOf(event, data, 'feeMode', FEE_MODES);
  const product = readOneOf(event, data, 'product', LOAN_PRODUCTS);
  const tellerId = readText(event, data, 'tellerId');
  const loanNo = readText(event, data, 'loanNo');
  const period = readText(event, data, 'period');
  // A netted fee is kept back from this installment; more than the installment would owe the bank a negative sum.
  if (feeMode === 'NETTED' && feeRp > amountRp)
    malformed(event, `netted feeRp ${feeRp} is more than amountRp ${amountRp}`);
  const lines: JournalLine[] = [
    { ...debit(KAS, amountRp), tellerId },
    credit(OWED_TO_BANK, amountRp),
  ];
  if (feeRp > 0) {
    lines.push(debit(feeMode === 'BANK_PAYS' ? FEE_RECEIVABLE : OWED_TO_BANK, feeRp), {
      ...credit(FEE_INCOME_COLLECTION, feeRp),
      fee: { source: 'LOANS', productCode: product },
    });
  }
  return { description: `Angsuran ${product} ${loanNo} periode ${period}`, lines };
}
