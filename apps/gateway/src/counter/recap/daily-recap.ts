import type {
  CollectionView,
  ExpectedCash,
  PaymentView,
  SavingsMovementView,
} from '@koperasi/contracts';

/** The order a recap lists its lines in: what came in at the counter, then what went out again. */
export const RECAP_KINDS = ['simpanan', 'ppob', 'ppob-gagal', 'angsuran', 'refund'] as const;
export type RecapKind = (typeof RECAP_KINDS)[number];

export interface RecapLine {
  kind: RecapKind;
  /** Savings kind, PPOB product code or loan product; `refund` and `ppob-gagal` have one line each. */
  product: string;
  productName: string;
  count: number;
  inRp: number;
  outRp: number;
  /** The koperasi's fee income from these transactions: PPOB paid (price known), installments collected. */
  feeRp: number;
}

export interface RecapTotals {
  count: number;
  inRp: number;
  outRp: number;
  feeRp: number;
  /** inRp − outRp: the cash the day's transactions left in the drawers. */
  netRp: number;
}

export interface RecapPart {
  lines: RecapLine[];
  totals: RecapTotals;
}

export interface TellerRecap extends RecapPart {
  tellerId: string;
  tellerName: string;
}

export interface DailyRecap {
  date: string;
  tellers: TellerRecap[];
  /** The whole koperasi: every teller's lines added up; only in a supervisor's recap. */
  koperasi: RecapPart | null;
  /** A source listed fewer transactions than the day had (its list limit): the figures are too low. */
  truncated: boolean;
}

export interface RecapSources {
  date: string;
  movements: SavingsMovementView[];
  payments: PaymentView[];
  collections: CollectionView[];
  /** Each teller's drawer as booked, for the refunds paid out of it (PPOB and refused installments). */
  drawers: Map<string, ExpectedCash>;
  names: Map<string, string>;
  truncated: boolean;
  withKoperasi: boolean;
}

const SAVINGS_PRODUCTS: Record<SavingsMovementView['kind'], { name: string; out: boolean }> = {
  pokok: { name: 'Simpanan pokok', out: false },
  wajib: { name: 'Simpanan wajib', out: false },
  'sukarela-deposit': { name: 'Simpanan sukarela setor', out: false },
  'sukarela-withdrawal': { name: 'Simpanan sukarela tarik', out: true },
  'resignation-payout': { name: 'Pengembalian anggota keluar', out: true },
};

const SAVINGS_ORDER: string[] = Object.keys(SAVINGS_PRODUCTS);

const LOAN_PRODUCT_NAMES: Record<string, string> = {
  KUR: 'Angsuran KUR',
  KUPEDES: 'Angsuran Kupedes',
};

/** PPOB money the koperasi took and holds: paid, or waiting for the aggregator (as the teller's Beranda counts it). */
const PPOB_TAKEN = new Set(['SUCCESS', 'PENDING', 'PROCESSING']);

/** A movement the event names no teller for is still the koperasi's; it is listed under this id. */
const NO_TELLER = '-';

/**
 * The day's recap per teller and, for a supervisor, for the koperasi: count and rupiah per product and kind,
 * the fees earned, the refunds paid out. Pure: the sources are the read models and the drawers as booked.
 */
export function buildDailyRecap(sources: RecapSources): DailyRecap {
  const byTeller = new Map<string, Map<string, RecapLine>>();
  const add = (tellerId: string | null, line: RecapLine) => {
    const teller = tellerId ?? NO_TELLER;
    const lines = byTeller.get(teller) ?? new Map<string, RecapLine>();
    byTeller.set(teller, lines);
    addLine(lines, line);
  };
  for (const movement of sources.movements) {
    const product = SAVINGS_PRODUCTS[movement.kind];
    add(movement.tellerId, {
      kind: 'simpanan',
      product: movement.kind,
      productName: product.name,
      count: 1,
      inRp: product.out ? 0 : movement.amountRp,
      outRp: product.out ? movement.amountRp : 0,
      feeRp: 0,
    });
  }
  for (const payment of sources.payments) {
    const taken = PPOB_TAKEN.has(payment.status);
    add(payment.tellerId, {
      kind: taken ? 'ppob' : 'ppob-gagal',
      product: taken ? payment.productCode : 'PPOB',
      productName: taken
        ? (payment.receipt?.productName ?? payment.productCode)
        : 'PPOB gagal, dana pelanggan',
      count: 1,
      inRp: payment.totalAmountRp,
      outRp: 0,
      // What the books recognise as fee income: the amount above the aggregator's price, once it is paid.
      feeRp:
        payment.status === 'SUCCESS' && payment.priceRp !== null
          ? payment.totalAmountRp - payment.priceRp
          : 0,
    });
  }
  for (const collection of sources.collections) {
    add(collection.tellerId, {
      kind: 'angsuran',
      product: collection.product,
      productName: LOAN_PRODUCT_NAMES[collection.product] ?? `Angsuran ${collection.product}`,
      count: 1,
      inRp: collection.amountRp,
      outRp: 0,
      feeRp: collection.feeRp,
    });
  }
  for (const [tellerId, drawer] of sources.drawers) {
    for (const cash of drawer.lines.filter((line) => line.kind === 'refund')) {
      add(tellerId, {
        kind: 'refund',
        product: 'refund',
        productName: 'Refund dibayar tunai',
        count: cash.count,
        inRp: 0,
        outRp: cash.outRp,
        feeRp: 0,
      });
    }
  }
  const tellers = [...byTeller]
    .map(([tellerId, lines]) => ({
      tellerId,
      tellerName: sources.names.get(tellerId) ?? tellerId,
      ...partOf([...lines.values()]),
    }))
    .sort((a, b) => a.tellerName.localeCompare(b.tellerName, 'id'));
  const koperasi = new Map<string, RecapLine>();
  for (const teller of tellers) for (const line of teller.lines) addLine(koperasi, line);
  return {
    date: sources.date,
    tellers,
    koperasi: sources.withKoperasi ? partOf([...koperasi.values()]) : null,
    truncated: sources.truncated,
  };
}

function addLine(lines: Map<string, RecapLine>, line: RecapLine): void {
  const key = `${line.kind}:${line.product}`;
  const sum = lines.get(key);
  if (!sum) {
    lines.set(key, { ...line });
    return;
  }
  sum.count += line.count;
  sum.inRp += line.inRp;
  sum.outRp += line.outRp;
  sum.feeRp += line.feeRp;
}

function partOf(lines: RecapLine[]): RecapPart {
  const sorted = lines.sort(
    (a, b) =>
      RECAP_KINDS.indexOf(a.kind) - RECAP_KINDS.indexOf(b.kind) ||
      SAVINGS_ORDER.indexOf(a.product) - SAVINGS_ORDER.indexOf(b.product) ||
      a.product.localeCompare(b.product),
  );
  const totals = sorted.reduce(
    (sum, line) => ({
      count: sum.count + line.count,
      inRp: sum.inRp + line.inRp,
      outRp: sum.outRp + line.outRp,
      feeRp: sum.feeRp + line.feeRp,
      netRp: sum.netRp + line.inRp - line.outRp,
    }),
    { count: 0, inRp: 0, outRp: 0, feeRp: 0, netRp: 0 },
  );
  return { lines: sorted, totals };
}
