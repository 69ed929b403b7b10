import type { CashKind, ExpectedCash, ExpectedCashLine } from '@koperasi/contracts';
import { BillpayEventTypes, LoanEventTypes } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';

const WIB_OFFSET = '+07:00';
/** One teller's day has a few hundred entry kinds at most; the grouping keeps it to a handful of rows. */
const MAX_GROUPS = 100;

/**
 * What a teller's drawer should hold on a business day (WIB), by kind, from the cash lines the ledger booked
 * in that drawer: the opening float plus everything taken less everything paid out. The closing entry itself
 * is left out, so the figure stays what the teller was to count, before and after the closing.
 */
export async function drawerCashOn(
  pool: Pool,
  koperasiId: string,
  tellerId: string,
  businessDate: string,
): Promise<ExpectedCash> {
  const { rows } = await pool.query<{
    source_service: string;
    event_type: string;
    entries: number;
    debit_rp: string;
    credit_rp: string;
  }>(
    `SELECT e.source_service, e.event_type, count(*)::int AS entries, sum(l.debit_rp) AS debit_rp, sum(l.credit_rp) AS credit_rp
     FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
     WHERE e.koperasi_id = $1 AND e.occurred_at >= $2::timestamptz AND e.occurred_at < $2::timestamptz + interval '1 day'
       AND l.account_code = '111000' AND l.teller_id = $3 AND e.event_type IS DISTINCT FROM 'CashDrawerClosed'
     GROUP BY e.source_service, e.event_type
     LIMIT $4`,
    [koperasiId, `${businessDate}T00:00:00${WIB_OFFSET}`, tellerId, MAX_GROUPS],
  );
  const byKind = new Map<CashKind, ExpectedCashLine>();
  for (const row of rows) {
    const kind = cashKindOf(row.source_service, row.event_type);
    const line = byKind.get(kind) ?? { kind, count: 0, inRp: 0, outRp: 0 };
    line.count += row.entries;
    line.inRp += rupiahFromColumn(row.debit_rp);
    line.outRp += rupiahFromColumn(row.credit_rp);
    byKind.set(kind, line);
  }
  const lines = CASH_KIND_ORDER.flatMap((kind) => byKind.get(kind) ?? []);
  return { lines, expectedRp: lines.reduce((sum, line) => sum + line.inRp - line.outRp, 0) };
}

const CASH_KIND_ORDER: CashKind[] = [
  'opening-float',
  'simpanan',
  'ppob',
  'angsuran',
  'refund',
  'other',
];

function cashKindOf(service: string, eventType: string): CashKind {
  if (service === 'members') return eventType === 'CashDrawerOpened' ? 'opening-float' : 'simpanan';
  if (service === 'billpay') {
    if (eventType === BillpayEventTypes.billPaymentRequested) return 'ppob';
    if (eventType === BillpayEventTypes.billPaymentRefunded) return 'refund';
  }
  if (service === 'loans' && eventType === LoanEventTypes.installmentCollected) return 'angsuran';
  if (service === 'loans' && eventType === LoanEventTypes.refusedCollectionPaidBack)
    return 'refund';
  return 'other';
}
