import type { BillReceipt } from '@koperasi/contracts';
import {
  amountLines,
  centered,
  labelled,
  RECEIPT_RULE,
  rightAligned,
  wibDateTime,
  wrapped,
} from '@koperasi/receipt-layout';

/** The struk's details that receipts from before them lack; missing ones are left off the struk, never printed blank. */
type ReceiptDetails =
  'partnerRef' | 'productKind' | 'biller' | 'subscriberId' | 'segmentPower' | 'penaltyRp' | 'kwh';

export interface PrintableBillReceipt
  extends Omit<BillReceipt, ReceiptDetails>, Partial<Pick<BillReceipt, ReceiptDetails>> {
  koperasiName: string;
  tellerName: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'];

/**
 * The struk as lines of at most 32 characters: header, who and what was paid (by kind: PLN token, postpaid
 * bill, telco credit), the amounts, the token or serial number, both references and who served.
 */
export function billReceiptLines(receipt: PrintableBillReceipt): string[] {
  const kind = kindOf(receipt);
  const lines = [
    ...wrapped(receipt.koperasiName.toUpperCase()).map(centered),
    centered('STRUK PEMBAYARAN PPOB'),
    RECEIPT_RULE,
    ...labelled('Tgl', wibDateTime(receipt.paidAt)),
    ...labelled('Produk', receipt.productName),
    ...labelled(customerNoLabel(receipt, kind), receipt.customerNo),
    ...(kind === 'PLN_TOKEN' && receipt.subscriberId
      ? labelled('IDPEL', receipt.subscriberId)
      : []),
    ...(receipt.customerName ? labelled('Nama', receipt.customerName) : []),
    ...(receipt.segmentPower ? labelled('Tarif/Daya', receipt.segmentPower) : []),
    ...(receipt.period ? labelled('Periode', periodText(receipt.period)) : []),
    RECEIPT_RULE,
    ...billAmountLines(receipt, kind),
    RECEIPT_RULE,
  ];
  if (receipt.token) lines.push(centered('TOKEN LISTRIK'), centered(receipt.token), RECEIPT_RULE);
  else if (receipt.serialNo) lines.push(...labelled('SN', receipt.serialNo), RECEIPT_RULE);
  lines.push(...labelled('Ref', receipt.refId));
  if (receipt.partnerRef) lines.push(...labelled('Ref Mitra', receipt.partnerRef));
  lines.push(
    ...labelled('Kasir', receipt.tellerName),
    centered('Terima kasih'),
    centered('Simpan struk ini sebagai bukti'),
  );
  return lines;
}

type ReceiptKind = 'PLN_TOKEN' | 'POSTPAID' | 'PREPAID';

function kindOf(receipt: PrintableBillReceipt): ReceiptKind {
  if (receipt.token || (receipt.biller === 'PLN' && receipt.productKind === 'PREPAID'))
    return 'PLN_TOKEN';
  if (receipt.productKind === 'POSTPAID' || (receipt.productKind === undefined && receipt.period))
    return 'POSTPAID';
  return 'PREPAID';
}

/** What the biller calls the number: meter, IDPEL, customer number, BPJS virtual account, phone. */
function customerNoLabel(receipt: PrintableBillReceipt, kind: ReceiptKind): string {
  if (kind === 'PLN_TOKEN') return 'No Meter';
  switch (receipt.biller) {
    case 'PLN':
      return 'IDPEL';
    case 'BPJS_KESEHATAN':
      return 'No VA';
    case 'PDAM':
      return 'No Pel';
    case undefined:
      return 'No';
    default:
      return receipt.productKind === 'PREPAID' ? 'No HP' : 'No Pel';
  }
}

function billAmountLines(receipt: PrintableBillReceipt, kind: ReceiptKind): string[] {
  const penaltyRp = receipt.penaltyRp ?? 0;
  const lines: string[] = [];
  if (kind === 'PLN_TOKEN') {
    lines.push(...amountLines('Rp Bayar', receipt.billAmountRp));
    if (receipt.kwh) lines.push(...rightAligned('Jml kWh', receipt.kwh.replace('.', ',')));
  } else if (kind === 'POSTPAID') {
    lines.push(...amountLines('Tagihan', receipt.billAmountRp));
    if (penaltyRp > 0) lines.push(...amountLines('Denda', penaltyRp));
  } else {
    lines.push(...amountLines('Nominal', receipt.billAmountRp));
  }
  lines.push(
    ...amountLines('Admin', receipt.adminFeeRp),
    ...amountLines('TOTAL', receipt.totalAmountRp),
  );
  return lines;
}

/** `202611` as `NOV 2026`; anything else as it is. */
function periodText(period: string): string {
  const match = /^(\d{4})(0[1-9]|1[0-2])$/.exec(period);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : period;
}
