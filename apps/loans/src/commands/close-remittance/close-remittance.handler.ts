import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CloseRemittancePayload,
  CommandEnvelope,
  CommandReply,
  RemittanceView,
} from '@koperasi/contracts';
import { isCalendarDate } from '@koperasi/domain';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  badField,
  checkEnvelope,
  inTransaction,
  isUniqueViolation,
  isUuid,
  refused,
} from '@koperasi/service-kit';
import { RemittanceDispatcher } from '../../dispatch/remittance-dispatcher.js';
import {
  MAX_COLLECTIONS_PER_REMITTANCE,
  decideCloseRemittance,
  type FeeMode,
  type UnremittedCollection,
} from '../../domain/index.js';
import {
  REMITTANCE_VIEW_QUERY,
  remittanceViewOf,
  type RemittanceRow,
} from '../../read-model/remittance-row.js';
import { loanErrorReply } from '../loan-error-replies.js';

export function remittanceStreamId(remittanceId: string): string {
  return `remittance-${remittanceId}`;
}

/** Two supervisors closing at once: the loser's batch overlaps the winner's, and the unique index refuses it. */
const MAX_CLOSE_ATTEMPTS = 5;
const DEADLOCK_DETECTED = '40P01';

interface PoolRow {
  collection_id: string;
  amount_rp: string;
  fee_rp: string;
  fee_mode: FeeMode;
}

/**
 * Closes a batch of every collection in the pool the bank has acknowledged (up to `upToDate` when given); one
 * still waiting for its notice goes in a later batch, since the bank rejects a batch naming a collection it was
 * never told of. Nothing is locked while the
 * pool is read: the partial unique index on live batch items is what keeps a collection out of two batches,
 * and the close that loses the race reads the pool again.
 */
@Injectable()
export class CloseRemittanceHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
    private readonly dispatcher: RemittanceDispatcher,
  ) {}

  async execute(
    envelope: CommandEnvelope<CloseRemittancePayload>,
  ): Promise<CommandReply<RemittanceView>> {
    const invalid = checkEnvelope(envelope, 'not-auditor');
    if (invalid) return invalid;
    if (envelope.actor.role !== 'supervisor')
      return refused(403, 'FORBIDDEN', 'Only a supervisor of the koperasi remits to the bank');
    if (!isUuid(envelope.koperasiId)) return refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi');
    const { upToDate } = envelope.payload;
    if (upToDate !== undefined && !isDate(upToDate))
      return badField('upToDate', 'must be a date written YYYY-MM-DD');
    const reply = await this.executor.execute(envelope.commandId, () => this.attempt(envelope));
    if (reply.ok) this.dispatcher.wake();
    return reply;
  }

  private async attempt(
    envelope: CommandEnvelope<CloseRemittancePayload>,
  ): Promise<CommandReply<RemittanceView>> {
    for (let attemptNo = 1; ; attemptNo += 1) {
      try {
        return await inTransaction(this.pool, (tx) => this.close(tx, envelope));
      } catch (error) {
        const lostRace =
          isUniqueViolation(error, 'remittance_items_one_live_batch') ||
          (error as { code?: string }).code === DEADLOCK_DETECTED;
        if (!lostRace) throw error;
        if (attemptNo >= MAX_CLOSE_ATTEMPTS) {
          return refused(
            409,
            'CONCURRENT_UPDATE',
            'Other batches kept closing at the same time; try again',
          );
        }
      }
    }
  }

  private async close(
    tx: PoolClient,
    envelope: CommandEnvelope<CloseRemittancePayload>,
  ): Promise<CommandReply<RemittanceView>> {
    const upToDate = envelope.payload.upToDate ?? null;
    const { rows } = await tx.query<PoolRow>(
      `SELECT collection_id, amount_rp, fee_rp, fee_mode FROM collections
       WHERE koperasi_id = $1 AND remittance_id IS NULL AND notice_status = 'ACKNOWLEDGED' AND ($2::date IS NULL OR business_date <= $2::date)
       ORDER BY collected_at, collection_id LIMIT $3`,
      [envelope.koperasiId, upToDate, MAX_COLLECTIONS_PER_REMITTANCE],
    );
    const awaiting =
      rows.length > 0
        ? 0
        : (
            await tx.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM collections
               WHERE koperasi_id = $1 AND remittance_id IS NULL AND notice_status = 'PENDING' AND ($2::date IS NULL OR business_date <= $2::date)`,
              [envelope.koperasiId, upToDate],
            )
          ).rows[0].n;
    const collections: UnremittedCollection[] = rows.map((row) => ({
      collectionId: row.collection_id,
      amountRp: Number(row.amount_rp),
      feeRp: Number(row.fee_rp),
      feeMode: row.fee_mode,
    }));
    const remittanceId = randomUUID();
    const decision = decideCloseRemittance({
      type: 'CloseRemittance',
      remittanceId,
      supervisorId: envelope.actor.userId,
      collections,
      awaitingNoticeCount: awaiting,
    });
    if (!decision.ok) return loanErrorReply(decision.error);
    const [closed] = decision.events;
    const appended = await this.store.appendWithin(
      tx,
      remittanceStreamId(remittanceId),
      0,
      decision.events,
      {
        koperasiId: envelope.koperasiId,
        actor: envelope.actor.userId,
        correlationId: envelope.correlationId,
        causationId: envelope.commandId,
      },
    );
    await tx.query(
      `INSERT INTO remittances (remittance_id, koperasi_id, status, collection_count, collected_rp, fee_netted_rp, remit_rp,
                                supervisor_id, closed_at)
       VALUES ($1, $2, 'SENT', $3, $4, $5, $6, $7, $8)`,
      [
        remittanceId,
        envelope.koperasiId,
        collections.length,
        closed.data.collectedRp,
        closed.data.feeNettedRp,
        closed.data.remitRp,
        envelope.actor.userId,
        appended.events[0].occurredAt,
      ],
    );
    const ids = closed.data.collectionIds;
    await tx.query(
      `INSERT INTO remittance_items (remittance_id, collection_id) SELECT $1, unnest($2::uuid[])`,
      [remittanceId, ids],
    );
    await tx.query(
      `UPDATE collections SET remittance_id = $1 WHERE collection_id = ANY($2::uuid[])`,
      [remittanceId, ids],
    );
    const view = await tx.query<RemittanceRow>(
      `${REMITTANCE_VIEW_QUERY} WHERE remittance_id = $1`,
      [remittanceId],
    );
    const reply = accepted(remittanceViewOf(view.rows[0]));
    await this.results.save(tx, envelope.commandId, reply);
    return reply;
  }
}

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isCalendarDate(
    Number(value.slice(0, 4)),
    Number(value.slice(5, 7)),
    Number(value.slice(8, 10)),
  );
}
