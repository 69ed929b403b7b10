import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  AggregatorRc,
  type AggregatorStatementLine,
  type PaymentStatus,
} from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { AggregatorClient } from '../../aggregator/aggregator-client.js';
import { reconcile, type OurMovement, type ReconciliationDifference } from '../../domain/index.js';
import { BillpayHttpError } from '../../infrastructure/billpay-error.js';

export interface ReconciliationView {
  date: string;
  /** Our booked deposit at the start and the end of the date, and the net of our movements between. */
  ours: { openingRp: number; closingRp: number; movementRp: number; movements: number };
  /**
   * The aggregator account's balances (an account several koperasi may share) and the net of the statement
   * lines that are this koperasi's: the movement compares like with like with ours.
   */
  theirs: { openingRp: number; closingRp: number; movementRp: number; lines: number };
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
      throw new BillpayHttpError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'AGGREGATOR_UNAVAILABLE',
        'The aggregator did not send its statement; try again',
        {
          detail: `${answer.failure} ${answer.detail}`,
        },
      );
    }
    const statement = answer.body.data as typeof answer.body.data & { rc?: string };
    if (
      (statement.rc !== undefined && statement.rc !== AggregatorRc.success) ||
      !Array.isArray(statement.lines)
    ) {
      throw new BillpayHttpError(
        HttpStatus.BAD_GATEWAY,
        'AGGREGATOR_REFUSED',
        'The aggregator refused the statement request',
        { rc: statement.rc ?? null },
      );
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
    const ours: OurMovement[] = rows.map((row) => ({
      ref: row.ref,
      kind: row.kind,
      netRp: Number(row.net_rp),
      status: row.status,
    }));
    const othersRefs = await this.othersRefs(koperasiId, statement.lines);
    const { differences, matched, theirMovementRp } = reconcile(
      ours,
      statement.lines,
      (kind, ref) => othersRefs.has(`${kind}:${ref}`),
    );
    const [openingRp, closingRp] = await Promise.all([
      this.balanceRp(koperasiId, date, 'START'),
      this.balanceRp(koperasiId, date, 'END'),
    ]);
    return {
      date,
      ours: { openingRp, closingRp, movementRp: closingRp - openingRp, movements: ours.length },
      theirs: {
        openingRp: statement.opening_rp,
        closingRp: statement.closing_rp,
        movementRp: theirMovementRp,
        lines: statement.lines.length,
      },
      matched,
      differences,
    };
  }

  /** The statement's payments and top-ups that another koperasi on the same aggregator account made, as `KIND:ref`. */
  private async othersRefs(
    koperasiId: string,
    lines: readonly AggregatorStatementLine[],
  ): Promise<Set<string>> {
    const paymentRefs = lines.filter((line) => line.type !== 'TOPUP').map((line) => line.ref_id);
    const topUpRefs = lines.filter((line) => line.type === 'TOPUP').map((line) => line.ref_id);
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT 'PAYMENT:' || ref_id AS key FROM payments WHERE ref_id = ANY($1) AND koperasi_id <> $3
       UNION
       SELECT 'TOPUP:' || bank_transfer_ref FROM deposit_topups WHERE bank_transfer_ref = ANY($2) AND koperasi_id <> $3
       EXCEPT
       SELECT 'TOPUP:' || bank_transfer_ref FROM deposit_topups WHERE bank_transfer_ref = ANY($2) AND koperasi_id = $3`,
      [paymentRefs, topUpRefs, koperasiId],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** Our booked deposit at the start or the end of the WIB `date`: top-ups recorded minus successful payments requested before. */
  private async balanceRp(koperasiId: string, date: string, at: 'START' | 'END'): Promise<number> {
    const { rows } = await this.pool.query<{ balance_rp: string }>(
      `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM deposit_topups
               WHERE koperasi_id = $1 AND recorded_at < (($2::date + $3::int)::timestamp AT TIME ZONE 'Asia/Jakarta'))
            - (SELECT coalesce(sum(price_rp), 0) FROM payments
               WHERE koperasi_id = $1 AND status = 'SUCCESS'
                 AND created_at < (($2::date + $3::int)::timestamp AT TIME ZONE 'Asia/Jakarta')) AS balance_rp`,
      [koperasiId, date, at === 'START' ? 0 : 1],
    );
    return Number(rows[0].balance_rp);
  }
}
