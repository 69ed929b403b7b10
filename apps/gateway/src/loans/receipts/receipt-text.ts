import type { InstallmentAllocation } from '@koperasi/contracts';
import {
  amountLines,
  centered,
  labelled,
  RECEIPT_RULE,
  RECEIPT_WIDTH,
  wibDateTime,
  wrapped,
} from '@koperasi/receipt-layout';

/** The arrears months print beneath their amount, set in under the label. */
const ARREARS_INDENT = '  ';

export interface PrintableReceipt {
  koperasiName: string;
  collectionId: string;
  loanNo: string;
  borrowerName: string;
  product: string;
  period: string;
  amountRp: number;
  /** What the amount paid; absent or null on collections recorded before it was kept, which print the total alone. */
  allocation?: InstallmentAllocation | null;
  feeRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  /** ISO 8601 in WIB, e.g. 2026-11-20T16:05:09+07:00. */
  collectedAt: string;
  tellerName: string;
  /** The bank's reference for the collection, once the bank acknowledged it. */
  bankRef?: string | null;
}

/**
 * The receipt (struk) as the printer's lines, in Indonesian as the counter hands it over: every line at most
 * RECEIPT_WIDTH characters, long values wrapped rather than cut, amounts right-aligned.
 */
export function receiptLines(receipt: PrintableReceipt): string[] {
  return [
    ...wrapped(receipt.koperasiName.toUpperCase()).map(centered),
    centered('BUKTI SETORAN ANGSURAN'),
    centered(`PINJAMAN ${receipt.product} BRI`),
    RECEIPT_RULE,
    ...labelled('Waktu', wibDateTime(receipt.collectedAt)),
    ...labelled('No. Ref', receipt.collectionId),
    ...(receipt.bankRef ? labelled('Ref Bank', receipt.bankRef) : []),
    ...labelled('No. Rek', receipt.loanNo),
    ...labelled('Nama', receipt.borrowerName),
    ...labelled('Periode', receipt.period),
    RECEIPT_RULE,
    ...(receipt.allocation ? allocationLines(receipt.allocation) : []),
    ...amountLines('JUMLAH SETOR', receipt.amountRp),
    RECEIPT_RULE,
    ...amountLines('Fee koperasi', receipt.feeRp),
    ...wrapped(
      receipt.feeMode === 'BANK_PAYS' ? 'Fee dibayar oleh bank' : 'Fee dipotong saat setor ke bank',
    ),
    ...labelled('Teller', receipt.tellerName),
    RECEIPT_RULE,
    ...wrapped('Uang diterima untuk disetor ke bank. Simpan struk ini sebagai bukti.').map(
      centered,
    ),
  ];
}

/** What the amount paid, in the order the bank applies it; parts it did not reach are left out. */
function allocationLines(allocation: InstallmentAllocation): string[] {
  const lines: string[] = [];
  if (allocation.arrearsRp > 0) {
    lines.push(
      ...amountLines(`Tunggakan ${allocation.arrearsPeriods.length} bln`, allocation.arrearsRp),
    );
    lines.push(
      ...wrapped(allocation.arrearsPeriods.join(', '), RECEIPT_WIDTH - ARREARS_INDENT.length).map(
        (line) => ARREARS_INDENT + line,
      ),
    );
  }
  if (allocation.penaltyRp > 0) lines.push(...amountLines('Denda', allocation.penaltyRp));
  if (allocation.currentRp > 0)
    lines.push(...amountLines(`Angsuran ${allocation.currentPeriod}`, allocation.currentRp));
  if (allocation.aheadRp > 0) lines.push(...amountLines('Bayar di muka', allocation.aheadRp));
  return lines;
}
