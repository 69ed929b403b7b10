import type { BillReceipt } from '@koperasi/contracts';
import { formatRupiah } from '@koperasi/domain';

/** A 58 mm thermal printer prints 32 characters of its monospace font per line. */
export const RECEIPT_WIDTH = 32;

/** The struk's details that receipts from before them lack; missing ones are left off the struk, never printed blank. */
type ReceiptDetails = 'partnerRef' | 'productKind' | 'biller' | 'subscriberId' | 'segmentPower' | 'penaltyRp' | 'kwh';

export interface PrintableBillReceipt extends Omit<BillReceipt, ReceiptDetails>, Partial<Pick<BillReceipt, ReceiptDetails>> {
  koperasiName: string;
  tellerName: string;
}

const RULE = '-'.repeat(RECEIPT_WIDTH);
const WIB_OFFSET_MS = 7 * 3600 * 1000;
/** Labels are padded to this, so values line up: `Tarif/Daya: R1/1300VA`. */
const LABEL_WIDTH = 10;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'];

/**
 * The struk as lines of at most 32 characters: header, who and what was paid (by kind: PLN token, postpaid
 * bill, telco credit), the amounts, the token or serial number, both references and who served.
 */
export function billReceiptLines(receipt: PrintableBillReceipt): string[] {
  const kind = kindOf(receipt);
  const lines = [
    ...wrap(receipt.koperasiName.toUpperCase()).map(center),
    center('STRUK PEMBAYARAN PPOB'),
    RULE,
    ...field('Tgl', wibTime(receipt.paidAt)),
    ...field('Produk', receipt.productName),
    ...field(customerNoLabel(receipt, kind), receipt.customerNo),
    ...(kind === 'PLN_TOKEN' && receipt.subscriberId ? field('IDPEL', receipt.subscriberId) : []),
    ...(receipt.customerName ? field('Nama', receipt.customerName) : []),
    ...(receipt.segmentPower ? field('Tarif/Daya', receipt.segmentPower) : []),
    ...(receipt.period ? field('Periode', periodText(receipt.period)) : []),
    RULE,
    ...amountLines(receipt, kind),
    RULE,
  ];
  if (receipt.token) lines.push(center('TOKEN LISTRIK'), center(receipt.token), RULE);
  else if (receipt.serialNo) lines.push(...field('SN', receipt.serialNo), RULE);
  lines.push(...field('Ref', receipt.refId));
  if (receipt.partnerRef) lines.push(...field('Ref Mitra', receipt.partnerRef));
  lines.push(...field('Kasir', receipt.tellerName), center('Terima kasih'), center('Simpan struk ini sebagai bukti'));
  return lines;
}

type ReceiptKind = 'PLN_TOKEN' | 'POSTPAID' | 'PREPAID';

function kindOf(receipt: PrintableBillReceipt): ReceiptKind {
  if (receipt.token || (receipt.biller === 'PLN' && receipt.productKind === 'PREPAID')) return 'PLN_TOKEN';
  if (receipt.productKind === 'POSTPAID' || (receipt.productKind === undefined && receipt.period)) return 'POSTPAID';
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

function amountLines(receipt: PrintableBillReceipt, kind: ReceiptKind): string[] {
  const penaltyRp = receipt.penaltyRp ?? 0;
  const lines: string[] = [];
  if (kind === 'PLN_TOKEN') {
    lines.push(amount('Rp Bayar', receipt.billAmountRp));
    if (receipt.kwh) lines.push(column('Jml kWh', receipt.kwh.replace('.', ',')));
  } else if (kind === 'POSTPAID') {
    lines.push(amount('Tagihan', receipt.billAmountRp));
    if (penaltyRp > 0) lines.push(amount('Denda', penaltyRp));
  } else {
    lines.push(amount('Nominal', receipt.billAmountRp));
  }
  lines.push(amount('Admin', receipt.adminFeeRp), amount('TOTAL', receipt.totalAmountRp));
  return lines;
}

function field(label: string, value: string): string[] {
  const prefix = `${label.padEnd(LABEL_WIDTH)}: `;
  if (prefix.length + value.length <= RECEIPT_WIDTH) return [prefix + value];
  const valueWidth = RECEIPT_WIDTH - prefix.length;
  // Words (a long name, a product): wrapped in the value column.
  if (value.split(/\s+/).every((word) => word.length <= valueWidth)) {
    return wrap(value, valueWidth).map((line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line);
  }
  // One long word (a ref_id): the label alone, the value beneath it, unbroken where it fits the paper.
  return [`${label}:`, ...wrap(value)];
}

function amount(label: string, amountRp: number): string {
  return column(label, formatRupiah(amountRp));
}

function column(label: string, value: string): string {
  return label + value.padStart(RECEIPT_WIDTH - label.length);
}

function center(text: string): string {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
}

/** Breaks at spaces where it can, else hard at the width. */
function wrap(text: string, width = RECEIPT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `202611` as `NOV 2026`; anything else as it is. */
function periodText(period: string): string {
  const match = /^(\d{4})(0[1-9]|1[0-2])$/.exec(period);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : period;
}

/** `22-11-2026 10:15 WIB`: the counter's own clock. */
function wibTime(iso: string): string {
  const wib = new Date(Date.parse(iso) + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`;
}
