import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AggregatorRc, type PaymentStatus } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { AggregatorClient } from '../../aggregator/aggregator-client.js';
import { reconcile, type OurMovement, type ReconciliationDifference } from '../../domain/index.js';
import { BillpayHttpError } from '../../infrastructure/billpay-error.js';

export interface ReconciliationView {
  date: string;
  ours: { closingRp: number; movements: number };
  theirs: { openingRp: number; closingRp: number; lines: number };
  matched: number;
  differences: ReconciliationDifference[];
}

interface MovementRow {
  ref: string;
  kind: 'PAYMENT' | 'TOPUP';
  net_rp: string;
  status: PaymentStatus | null;
}

/**
 * Our view of the deposit on a WIB business date against the aggregator's statement for it. A payment
 * belongs to the date it was requested on (the aggregator debits when it receives the transaction).
 */
@Injectable()
export class ReconciliationService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly aggregator: AggregatorClient,
  ) {}

  async reconcile(koperasiId: string, date: string): Promise<ReconciliationView> {
    const answer = await this.aggregator.statement(date);
    if (!answer.ok) {
      throw new BillpayHttpError(HttpStatus.SERVICE_UNAVAILABLE, 'AGGREGATOR_UNAVAILABLE', 'The aggregator did not send its statement; try again', {
        detail: `${answer.failure} ${answer.detail}`,
      });
    }
    const statement = answer.body.data as typeof answer.body.data & { rc?: string };
    if ((statement.rc !== undefined && statement.rc !== AggregatorRc.success) || !Array.isArray(statement.lines)) {
      throw new BillpayHttpError(HttpStatus.BAD_GATEWAY, 'AGGREGATOR_REFUSED', 'The aggregator refused the statement request', { rc: statement.rc ?? null });
    }
    const day = [koperasiId, date];
    const { rows } = await this.pool.query<MovementRow>(
      `SELECT ref_id AS ref, 'PAYMENT' AS kind, CASE WHEN status = 'SUCCESS' THEN -price_rp ELSE 0 END AS net_rp, status
       FROM payments
       WHERE koperasi_id = $1 AND created_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Jakarta')
         AND created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')
       UNION ALL
       SELECT bank_transfer_ref, 'TOPUP', amount_rp, NULL
       FROM deposit_topups
       WHERE koperasi_id = $1 AND recorded_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Jakarta')
         AND recorded_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`,
      day,
    );
    const ours: OurMovement[] = rows.map((row) => ({ ref: row.ref, kind: row.kind, netRp: Number(row.net_rp), status: row.status }));
    const theirRefs = statement.lines.filter((line) => line.type !== 'TOPUP').map((line) => line.ref_id);
    const others = await this.pool.query<{ ref_id: string }>('SELECT ref_id FROM payments WHERE ref_id = ANY($1) AND koperasi_id <> $2', [
      theirRefs,
      koperasiId,
    ]);
    const othersRefs = new Set(others.rows.map((row) => row.ref_id));
    const { differences, matched } = reconcile(ours, statement.lines, (ref) => othersRefs.has(ref));
    return {
      date,
      ours: { closingRp: await this.closingRp(koperasiId, date), movements: ours.length },
      theirs: { openingRp: statement.opening_rp, closingRp: statement.closing_rp, lines: statement.lines.length },
      matched,
      differences,
    };
  }

  /** Our booked deposit at the end of `date`: top-ups recorded minus successful payments requested by then. */
  private async closingRp(koperasiId: string, date: string): Promise<number> {
    const { rows } = await this.pool.query<{ closing_rp: string }>(
      `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM deposit_topups
               WHERE koperasi_id = $1 AND recorded_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'))
            - (SELECT coalesce(sum(price_rp), 0) FROM payments
               WHERE koperasi_id = $1 AND status = 'SUCCESS'
                 AND created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')) AS closing_rp`,
      [koperasiId, date],
    );
    return Number(rows[0].closing_rp);
  }
}
