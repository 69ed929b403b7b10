import type { EventEnvelope } from '@koperasi/contracts';
import type { StartingAccountCode } from './chart-of-accounts.js';
import type { Posting } from './entry-from-event.js';
import { credit, debit } from './journal-line.js';
import {
  dataOf,
  malformed,
  readPositiveRupiah,
  readRupiahOrZero,
  readText,
} from './read-event-data.js';

const KAS_BRANKAS: StartingAccountCode = '111100';
const BANK_BRI: StartingAccountCode = '112100';
const FEE_RECEIVABLE: StartingAccountCode = '114100';
const SHU_OWED_TO_MEMBERS: StartingAccountCode = '216000';
const CADANGAN: StartingAccountCode = '330000';
const SHU_BELUM_DIBAGI: StartingAccountCode = '340000';

/**
 * The koperasi's money with its bank: setor ke bank moves vault cash to the bank account; the bank paying the
 * collection fees it owed clears the fee receivable into the bank account. Both name the slip or reference and
 * the supervisor who recorded it.
 */
export function postBankEvent(event: EventEnvelope): Posting | null {
  if (event.type === 'ShuDistributionBooked') return shuDistribution(event);
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

/**
 * The RAT's SHU distribution: the reserve and the members' share leave SHU belum dibagi, to cadangan and to a
 * liability until each member is paid; what the AD/ART gives other uses stays in SHU belum dibagi.
 */
function shuDistribution(event: EventEnvelope): Posting {
  const data = dataOf(event);
  const cadanganRp = readRupiahOrZero(event, data, 'cadanganRp');
  const membersRp = readRupiahOrZero(event, data, 'membersRp');
  if (cadanganRp + membersRp === 0) malformed(event, 'an SHU distribution of nothing');
  const lines = [
    debit(SHU_BELUM_DIBAGI, cadanganRp + membersRp),
    credit(CADANGAN, cadanganRp),
    credit(SHU_OWED_TO_MEMBERS, membersRp),
  ];
  return {
    description: `Pembagian SHU tahun ${String(data.year)} menurut RAT ${readText(event, data, 'ratDate')}, dibukukan ${readText(event, data, 'approvedByName')}`,
    lines: lines.filter((line) => line.debitRp > 0 || line.creditRp > 0),
  };
}
