import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { CollectionAck } from '@koperasi/contracts';
import { PostgresEventStore, StreamVersionConflictError } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { BankClient, type BankResult } from '../bank/bank-client.js';
import { collectionStreamId } from '../commands/collect-installment/collection-stream-id.js';
import type {
  CollectionNoticeAcknowledged,
  CollectionRefusedByBank,
  FeeMode,
} from '../domain/index.js';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { retryDelayMs } from './retry-delay.js';
import { WakeableLoop } from './wakeable-loop.js';

/** Notices per pass: the rows read, sent and marked together. */
const MAX_NOTICES_PER_PASS = 200;
/** Notices in flight to the bank at once. */
const MAX_NOTICES_IN_FLIGHT = 16;
/** How often the table is scanned with nothing new: retries come due, and a restart picks up what was left. */
const SCAN_INTERVAL_MS = 1_000;
/** Gathers the collections committed meanwhile into the next pass. */
const MIN_PASS_GAP_MS = 20;
const DISPATCHER_ACTOR = 'loans-notice-dispatcher';

interface DueNotice {
  collection_id: string;
  koperasi_id: string;
  loan_no: string;
  product: 'KUR' | 'KUPEDES';
  amount_rp: string;
  fee_rp: string;
  fee_mode: FeeMode;
  collected_at: Date;
  notice_attempts: number;
  event_id: string;
}

/** The bank's answer to a notice that no retry changes (a closed loan, more than it accepts): the collection is reversed. */
const FINAL_REFUSAL_STATUS = 422;

interface Refusal {
  row: DueNotice;
  code: string;
  reason: string;
}

/**
 * Tells the bank of every collection, outside the command path: the teller's receipt never waits on the bank.
 * The collection's row is the outbox; a notice is retried with backoff until the bank acknowledges it, and the
 * reference (the collectionId) makes the bank count it once however often it is sent. The acknowledgement is
 * recorded once, as the collection stream's second event.
 */
@Injectable()
export class NoticeDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoticeDispatcher.name);
  private readonly loop = new WakeableLoop(
    NoticeDispatcher.name,
    () => this.deliverDue(),
    SCAN_INTERVAL_MS,
    MIN_PASS_GAP_MS,
  );

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly bank: BankClient,
    @Inject(LOANS_CONFIG) private readonly config: LoansConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** A collection committed: send its notice soon rather than at the next scan. */
  wake(): void {
    this.loop.wake();
  }

  async deliverDue(): Promise<'more' | 'idle'> {
    const { rows } = await this.pool.query<DueNotice>(
      `SELECT collection_id, koperasi_id, loan_no, product, amount_rp, fee_rp, fee_mode, collected_at, notice_attempts, event_id FROM collections
       WHERE notice_status = 'PENDING' AND next_notice_at <= now() ORDER BY next_notice_at LIMIT $1`,
      [MAX_NOTICES_PER_PASS],
    );
    if (rows.length === 0) return 'idle';
    const results = await mapWithConcurrency(rows, MAX_NOTICES_IN_FLIGHT, (row) =>
      this.bank.notifyCollection(row.koperasi_id, {
        reference: row.collection_id,
        loan_no: row.loan_no,
        amount_rp: Number(row.amount_rp),
        collected_at: row.collected_at.toISOString(),
      }),
    );
    const acknowledged: { row: DueNotice; bankRef: string }[] = [];
    const refusals: Refusal[] = [];
    const failed: { row: DueNotice; error: string }[] = [];
    rows.forEach((row, index) => {
      const result = results[index];
      if (!result.ok && result.kind === 'REFUSED' && result.status === FINAL_REFUSAL_STATUS) {
        refusals.push({ row, code: result.code ?? 'REFUSED', reason: result.reason });
        return;
      }
      const outcome = acknowledgementOf(result, row.collection_id);
      if (typeof outcome === 'string') failed.push({ row, error: outcome });
      else acknowledged.push({ row, bankRef: outcome.bankRef });
    });
    if (acknowledged.length > 0) await this.recordAcknowledged(acknowledged);
    if (refusals.length > 0) await this.recordRefused(refusals);
    if (failed.length > 0) await this.scheduleRetries(failed);
    return rows.length === MAX_NOTICES_PER_PASS ? 'more' : 'idle';
  }

  /**
   * The acknowledgements go through the store's group commit (one transaction for the lot) and then onto the
   * rows. Should the process stop in between, the rows still say PENDING: the notice is sent again, the bank
   * answers the same acknowledgement, and the append finds the event already there.
   */
  private async recordAcknowledged(
    acknowledged: { row: DueNotice; bankRef: string }[],
  ): Promise<void> {
    await Promise.all(
      acknowledged.map(async ({ row, bankRef }) => {
        const event: CollectionNoticeAcknowledged = {
          type: 'CollectionNoticeAcknowledged',
          schemaVersion: 1,
          data: { collectionId: row.collection_id, bankRef },
        };
        try {
          await this.store.append(collectionStreamId(row.collection_id), 1, [event], {
            koperasiId: row.koperasi_id,
            actor: DISPATCHER_ACTOR,
            correlationId: row.collection_id,
            causationId: row.event_id,
          });
        } catch (error) {
          // Recorded before (by an earlier pass that stopped short, or another instance); the bank counted it once.
          if (!(error instanceof StreamVersionConflictError)) throw error;
        }
      }),
    );
    await this.pool.query(
      `UPDATE collections c SET notice_status = 'ACKNOWLEDGED', bank_ref = a.bank_ref, notice_error = NULL,
                                notice_attempts = c.notice_attempts + 1, acknowledged_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS a(collection_id, bank_ref)
       WHERE c.collection_id = a.collection_id`,
      [
        acknowledged.map(({ row }) => row.collection_id),
        acknowledged.map(({ bankRef }) => bankRef),
      ],
    );
  }

  /**
   * A refusal is the collection stream's second event, in place of the acknowledgement, and the row leaves the
   * notices due and the remittance pool. Appended at version 1 like an acknowledgement: a pass that stopped
   * short finds it there, and the bank answers the same refusal again.
   */
  private async recordRefused(refusals: Refusal[]): Promise<void> {
    this.logger.warn(
      `${refusals.length} collection notice(s) refused by the bank for good: ${refusals[0].reason}`,
    );
    for (const { row, code, reason } of refusals) {
      const event: CollectionRefusedByBank = {
        type: 'CollectionRefusedByBank',
        schemaVersion: 1,
        data: {
          collectionId: row.collection_id,
          loanNo: row.loan_no,
          product: row.product,
          amountRp: Number(row.amount_rp),
          feeRp: Number(row.fee_rp),
          feeMode: row.fee_mode,
          code,
          reason,
        },
      };
      try {
        await this.store.append(collectionStreamId(row.collection_id), 1, [event], {
          koperasiId: row.koperasi_id,
          actor: DISPATCHER_ACTOR,
          correlationId: row.collection_id,
          causationId: row.event_id,
        });
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError)) throw error;
      }
    }
    await this.pool.query(
      `UPDATE collections c SET notice_status = 'REFUSED', notice_error = NULL, notice_attempts = c.notice_attempts + 1,
                                refusal = jsonb_build_object('code', r.code, 'reason', r.reason, 'refusedAt', now(), 'paidBack', NULL)
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(collection_id, code, reason)
       WHERE c.collection_id = r.collection_id AND c.notice_status = 'PENDING'`,
      [
        refusals.map(({ row }) => row.collection_id),
        refusals.map(({ code }) => code.slice(0, 100)),
        refusals.map(({ reason }) => reason.slice(0, 500)),
      ],
    );
  }

  private async scheduleRetries(failed: { row: DueNotice; error: string }[]): Promise<void> {
    this.logger.warn(
      `${failed.length} collection notice(s) not acknowledged, retrying later: ${failed[0].error}`,
    );
    await this.pool.query(
      `UPDATE collections c SET notice_attempts = c.notice_attempts + 1, notice_error = f.error,
                                next_notice_at = now() + f.delay_ms * interval '1 millisecond'
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS f(collection_id, error, delay_ms)
       WHERE c.collection_id = f.collection_id AND c.notice_status = 'PENDING'`,
      [
        failed.map(({ row }) => row.collection_id),
        failed.map(({ error }) => error.slice(0, 500)),
        failed.map(({ row }) => retryDelayMs(row.notice_attempts, this.config.maxRetryDelayMs)),
      ],
    );
  }
}

/** The bank's reference for an acknowledged notice, or why it does not count as one. */
function acknowledgementOf(
  result: BankResult<CollectionAck>,
  reference: string,
): { bankRef: string } | string {
  if (!result.ok) return result.message;
  const ack = result.value;
  if (
    ack?.status !== 'ACKNOWLEDGED' ||
    ack.reference !== reference ||
    typeof ack.bank_ref !== 'string'
  ) {
    return `the bank's answer is not an acknowledgement of ${reference}: ${JSON.stringify(ack).slice(0, 200)}`;
  }
  return { bankRef: ack.bank_ref };
}
