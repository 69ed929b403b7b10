import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { RemittanceRequest, RemittanceStatusResponse } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { inTransaction } from '@koperasi/database';
import { PG_POOL } from '@koperasi/service-kit';
import { BankClient, type BankResult } from '../bank/bank-client.js';
import { remittanceStreamId } from '../commands/close-remittance/remittance-stream-id.js';
import {
  decideRemittanceVerdict,
  evolveRemittance,
  initialRemittanceState,
  type BankVerdict,
  type RemittanceEvent,
} from '../domain/index.js';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';
import { retryDelayMs } from './retry-delay.js';
import { WakeableLoop } from './wakeable-loop.js';

/** Batches handled per pass, one after another: each can be a whole day's collections. */
const MAX_REMITTANCES_PER_PASS = 10;
const SCAN_INTERVAL_MS = 1_000;
const MIN_PASS_GAP_MS = 20;
const DISPATCHER_ACTOR = 'loans-remittance-dispatcher';

interface OpenRemittance {
  remittance_id: string;
  koperasi_id: string;
  posted: boolean;
  attempts: number;
  collected_rp: string;
  fee_netted_rp: string;
}

interface ItemRow {
  collection_id: string;
  amount_rp: string;
}

/**
 * Sends each closed batch to the bank and follows it to the bank's verdict. The batch id is the bank's
 * `batch_ref`, fixed before the first send: an unanswered send is never followed by a new batch, only by a
 * status question, and the same batch is sent again only when the bank says it never received it.
 */
@Injectable()
export class RemittanceDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RemittanceDispatcher.name);
  private readonly loop = new WakeableLoop(
    RemittanceDispatcher.name,
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

  wake(): void {
    this.loop.wake();
  }

  async deliverDue(): Promise<'more' | 'idle'> {
    const { rows } = await this.pool.query<OpenRemittance>(
      `SELECT remittance_id, koperasi_id, posted, attempts, collected_rp, fee_netted_rp FROM remittances
       WHERE status IN ('SENT', 'UNKNOWN') AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1`,
      [MAX_REMITTANCES_PER_PASS],
    );
    for (const remittance of rows) await this.deliver(remittance);
    return rows.length === MAX_REMITTANCES_PER_PASS ? 'more' : 'idle';
  }

  private async deliver(remittance: OpenRemittance): Promise<void> {
    const { remittance_id: batchRef, koperasi_id: agentId } = remittance;
    let posted = false;
    let answer: BankResult<RemittanceStatusResponse>;
    if (!remittance.posted) {
      answer = await this.post(remittance);
      posted = true;
    } else {
      // Sent before and no verdict: ask first. Sending again is safe only once the bank says it has nothing.
      answer = await this.bank.remittanceStatus(agentId, batchRef);
      const neverArrived =
        (answer.ok && answer.value.status === 'NOT_FOUND') ||
        (!answer.ok && answer.kind === 'NOT_FOUND');
      if (neverArrived) {
        answer = await this.post(remittance);
        posted = true;
      }
    }
    if (!answer.ok) {
      // A send without an answer may have reached the bank: the batch's state is unknown until it says.
      await this.retryLater(remittance, answer.message, posted ? 'UNKNOWN' : null);
      return;
    }
    const status = answer.value;
    if (status.batch_ref !== batchRef) {
      await this.retryLater(
        remittance,
        `the bank answered about batch ${String(status.batch_ref)}, not ${batchRef}`,
        null,
      );
    } else if (status.status === 'CONFIRMED') {
      await this.resolve(remittance, { type: 'BankConfirmed', bankRef: status.bank_ref ?? '' });
    } else if (status.status === 'REJECTED') {
      await this.resolve(remittance, {
        type: 'BankRejected',
        reason: status.reason ?? 'the bank gave no reason',
      });
    } else {
      // RECEIVED: the bank has it and has not decided; ask again later.
      await this.retryLater(remittance, null, 'SENT');
    }
  }

  private async post(remittance: OpenRemittance): Promise<BankResult<RemittanceStatusResponse>> {
    await this.pool.query('UPDATE remittances SET posted = true WHERE remittance_id = $1', [
      remittance.remittance_id,
    ]);
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT c.collection_id, c.amount_rp
       FROM remittance_items i JOIN collections c ON c.collection_id = i.collection_id
       WHERE i.remittance_id = $1 AND i.active ORDER BY c.collected_at, c.collection_id`,
      [remittance.remittance_id],
    );
    // Items as notified to the bank; the fees kept back are stated beside them, and the transfer is the difference.
    const request: RemittanceRequest = {
      batch_ref: remittance.remittance_id,
      total_rp: Number(remittance.collected_rp),
      items: rows.map((row) => ({
        reference: row.collection_id,
        amount_rp: Number(row.amount_rp),
      })),
      fee_netted_rp: Number(remittance.fee_netted_rp),
    };
    return this.bank.remit(remittance.koperasi_id, request);
  }

  private async retryLater(
    remittance: OpenRemittance,
    error: string | null,
    status: 'SENT' | 'UNKNOWN' | null,
  ): Promise<void> {
    if (error)
      this.logger.warn(`remittance ${remittance.remittance_id}: ${error}; asking again later`);
    const delayMs = retryDelayMs(remittance.attempts, this.config.maxRetryDelayMs);
    await this.pool.query(
      `UPDATE remittances SET attempts = attempts + 1, last_error = $2, status = COALESCE($3, status),
                              next_attempt_at = now() + $4 * interval '1 millisecond'
       WHERE remittance_id = $1 AND status IN ('SENT', 'UNKNOWN')`,
      [remittance.remittance_id, error?.slice(0, 500) ?? null, status, delayMs],
    );
  }

  /** Records the bank's verdict once; a rejected batch's collections go back to the pool for the next batch. */
  private async resolve(remittance: OpenRemittance, verdict: BankVerdict): Promise<void> {
    const streamId = remittanceStreamId(remittance.remittance_id);
    const history = (await this.store.readStream(streamId)) as unknown as RemittanceEvent[];
    const state = history.reduce(evolveRemittance, initialRemittanceState);
    const decision = decideRemittanceVerdict(verdict, state);
    if (!decision.ok) {
      this.logger.warn(
        `remittance ${remittance.remittance_id}: ${decision.error.message}; the verdict changes nothing`,
      );
      return;
    }
    const closedEventId = (history[0] as unknown as { eventId: string }).eventId;
    await inTransaction(this.pool, async (tx) => {
      await this.store.appendWithin(tx, streamId, history.length, decision.events, {
        koperasiId: remittance.koperasi_id,
        actor: DISPATCHER_ACTOR,
        correlationId: remittance.remittance_id,
        causationId: closedEventId,
      });
      if (verdict.type === 'BankConfirmed') {
        await tx.query(
          `UPDATE remittances SET status = 'CONFIRMED', resolved_at = now(), bank_ref = $2, last_error = NULL WHERE remittance_id = $1`,
          [remittance.remittance_id, verdict.bankRef],
        );
        return;
      }
      await tx.query(
        `UPDATE remittances SET status = 'REJECTED', resolved_at = now(), reason = $2, last_error = NULL WHERE remittance_id = $1`,
        [remittance.remittance_id, verdict.reason],
      );
      await tx.query('UPDATE remittance_items SET active = false WHERE remittance_id = $1', [
        remittance.remittance_id,
      ]);
      await tx.query('UPDATE collections SET remittance_id = NULL WHERE remittance_id = $1', [
        remittance.remittance_id,
      ]);
    });
  }
}
