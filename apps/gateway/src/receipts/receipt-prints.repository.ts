import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';

export type ReceiptKind = 'ppob' | 'angsuran' | 'simpanan' | 'kasir' | 'rekap';
export const RECEIPT_KINDS: readonly ReceiptKind[] = [
  'ppob',
  'angsuran',
  'simpanan',
  'kasir',
  'rekap',
];

export interface RecordedPrint {
  /** 1 for the original (CA), 2 and up for reprints (CU). */
  printNo: number;
  printedAt: string;
}

/** Every print of a receipt, numbered per receipt: the first is the original, the rest are reprints. */
@Injectable()
export class ReceiptPrintsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** How often each of the koperasi's receipts has been printed so far, keyed `kind:id` (ids lower-cased); unprinted ones are absent. */
  async printCounts(
    koperasiId: string,
    receipts: ReadonlyArray<{ kind: ReceiptKind; id: string }>,
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (receipts.length === 0) return counts;
    const { rows } = await this.pool.query<{
      kind: ReceiptKind;
      receipt_id: string;
      prints: number;
    }>(
      `SELECT kind, receipt_id, MAX(print_no)::int AS prints FROM receipt_prints
       WHERE koperasi_id = $1 AND (kind, receipt_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
       GROUP BY kind, receipt_id`,
      [
        koperasiId,
        receipts.map((receipt) => receipt.kind),
        receipts.map((receipt) => receipt.id.toLowerCase()),
      ],
    );
    for (const row of rows) counts.set(`${row.kind}:${row.receipt_id}`, row.prints);
    return counts;
  }

  /**
   * Records one more print of the receipt. Prints of the same receipt are serialised by a transaction-scoped
   * advisory lock, so two counters printing the same receipt at the same moment get numbers 1 and 2, never
   * two originals; the primary key (kind, receipt, number) would refuse a duplicate anyway.
   */
  async record(
    kind: ReceiptKind,
    receiptId: string,
    koperasiId: string,
    printedBy: string,
  ): Promise<RecordedPrint> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7001))', [
        `receipt:${kind}:${receiptId}`,
      ]);
      const { rows } = await client.query<{ print_no: number; printed_at: Date }>(
        `INSERT INTO receipt_prints (kind, receipt_id, print_no, koperasi_id, printed_by)
         SELECT $1, $2, COALESCE(MAX(print_no), 0) + 1, $3, $4 FROM receipt_prints WHERE kind = $1 AND receipt_id = $2
         RETURNING print_no, printed_at`,
        [kind, receiptId, koperasiId, printedBy],
      );
      await client.query('COMMIT');
      return { printNo: rows[0].print_no, printedAt: rows[0].printed_at.toISOString() };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
