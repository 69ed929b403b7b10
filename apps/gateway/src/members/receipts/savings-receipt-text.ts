import {
  amountLines,
  centered,
  labelled,
  RECEIPT_RULE,
  wibDateTime,
  wrapped,
} from '@koperasi/receipt-layout';

export type SavingsReceiptKind = 'pokok' | 'wajib' | 'sukarela-deposit' | 'sukarela-withdrawal';

export interface PrintableSavingsReceipt {
  koperasiName: string;
  /** Our reference: the event that recorded the movement. */
  eventId: string;
  kind: SavingsReceiptKind;
  /** Positive, both ways. */
  amountRp: number;
  /** ISO instant; printed in WIB. */
  occurredAt: string;
  memberNo: string;
  memberName: string;
  /** simpanan wajib: the months paid, YYYY-MM. */
  periods: string[];
  /** The member's balance of this kind of savings right after the movement, when known. */
  balanceAfterRp: number | null;
  tellerName: string;
}

const KIND_NAMES: Record<SavingsReceiptKind, string> = {
  pokok: 'Simpanan Pokok',
  wajib: 'Simpanan Wajib',
  'sukarela-deposit': 'Simpanan Sukarela',
  'sukarela-withdrawal': 'Simpanan Sukarela',
};

/**
 * Bukti setor / bukti tarik simpanan as the printer's lines: koperasi, title, time (WIB), our reference, the
 * member, the kind (with the months for wajib), the amount, the balance after, and the teller. Every line is at
 * most RECEIPT_WIDTH characters; long values wrap instead of being cut.
 */
export function savingsReceiptLines(receipt: PrintableSavingsReceipt): string[] {
  const withdrawal = receipt.kind === 'sukarela-withdrawal';
  const lines = [
    ...wrapped(receipt.koperasiName.toUpperCase()).map(centered),
    centered(withdrawal ? 'BUKTI TARIK SIMPANAN' : 'BUKTI SETOR SIMPANAN'),
    RECEIPT_RULE,
    ...labelled('Tgl', wibDateTime(receipt.occurredAt)),
    ...labelled('Ref', receipt.eventId),
    ...labelled('No.Agt', receipt.memberNo),
    ...labelled('Nama', receipt.memberName),
    ...labelled('Jenis', KIND_NAMES[receipt.kind]),
  ];
  if (receipt.kind === 'wajib' && receipt.periods.length > 0)
    lines.push(...labelled('Bulan', receipt.periods.join(', ')));
  lines.push(
    RECEIPT_RULE,
    ...amountLines(withdrawal ? 'JUMLAH TARIK' : 'JUMLAH SETOR', receipt.amountRp),
  );
  if (receipt.balanceAfterRp !== null) lines.push(...amountLines('Saldo', receipt.balanceAfterRp));
  lines.push(
    RECEIPT_RULE,
    ...labelled('Kasir', receipt.tellerName),
    ...wrapped(withdrawal ? 'Uang telah diterima anggota.' : 'Terima kasih atas setoran Anda.').map(
      centered,
    ),
    centered('Simpan bukti ini'),
  );
  return lines;
}
