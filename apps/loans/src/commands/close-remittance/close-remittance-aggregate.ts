import type { RemittanceView } from '@koperasi/contracts';
import { StreamVersionConflictError } from '@koperasi/eventstore';
import {
  isUniqueViolation,
  type BatchAggregate,
  type LoadedState,
  type StateChange,
} from '@koperasi/service-kit';
import type { Pool, PoolClient } from 'pg';
import type { RemittanceDispatcher } from '../../dispatch/remittance-dispatcher.js';
import {
  decideCloseRemittance,
  evolveRemittancePool,
  type CloseRemittance,
  type FeeMode,
  type RemittanceClosed,
  type RemittancePool,
} from '../../domain/index.js';
import {
  REMITTANCE_VIEW_QUERY,
  remittanceViewOf,
  type RemittanceRow,
} from '../../read-model/remittance-row.js';
import { loanErrorReply } from '../loan-error-replies.js';
import { remittanceStreamId } from './remittance-stream-id.js';

type CloseChange = StateChange<RemittancePool, RemittanceClosed, CloseRemittance>;

const POOL_KEY_PREFIX = 'pool-';
const DEADLOCK_DETECTED = '40P01';

interface PoolRow {
  koperasi_id: string;
  collection_id: string;
  amount_rp: string;
  fee_rp: string;
  fee_mode: FeeMode;
  business_date: string;
  acknowledged: boolean;
}

/**
 * Closing a remittance batch, for the batch handler: the batch is a new stream decided on its koperasi's
 * pool (every collection not in a live batch, read from the collections rows), so two closes of one koperasi
 * in a batch are decided in turn, the second taking what the first left. Nothing is locked while the pool
 * is read: the partial unique index on live batch items keeps a collection out of two batches, and a close
 * that loses that race to another instance is decided again on a fresh pool.
 */
export function closeRemittanceAggregate(
  pool: Pool,
  dispatcher: RemittanceDispatcher,
): BatchAggregate<RemittancePool, CloseRemittance, RemittanceClosed> {
  /** The rows read back in the writing transaction, for the replies made after it. */
  const views = new WeakMap<CloseChange, RemittanceView>();
  return {
    decide: decideCloseRemittance,
    evolve: evolveRemittancePool,
    target: (envelope, command) => ({
      streamId: remittanceStreamId(command.remittanceId),
      aggregateId: command.remittanceId,
      stateKey: `${POOL_KEY_PREFIX}${envelope.koperasiId}`,
    }),
    load: async (_pool, targets) => {
      const koperasiIds = targets.map(({ stateKey }) => stateKey!.slice(POOL_KEY_PREFIX.length));
      const { rows } = await pool.query<PoolRow>(
        `SELECT koperasi_id, collection_id, amount_rp, fee_rp, fee_mode,
                to_char(business_date, 'YYYY-MM-DD') AS business_date, notice_status = 'ACKNOWLEDGED' AS acknowledged
         FROM collections
         WHERE koperasi_id = ANY($1::uuid[]) AND remittance_id IS NULL AND notice_status IN ('PENDING', 'ACKNOWLEDGED')
         ORDER BY collected_at, collection_id`,
        [koperasiIds],
      );
      const loaded = new Map<string, LoadedState<RemittancePool>>(
        koperasiIds.map((id) => [
          `${POOL_KEY_PREFIX}${id}`,
          { state: { collections: [] }, version: 0 },
        ]),
      );
      for (const row of rows)
        loaded.get(`${POOL_KEY_PREFIX}${row.koperasi_id}`)!.state.collections.push({
          collectionId: row.collection_id,
          amountRp: Number(row.amount_rp),
          feeRp: Number(row.fee_rp),
          feeMode: row.fee_mode,
          businessDate: row.business_date,
          acknowledged: row.acknowledged,
        });
      return loaded;
    },
    refusal: (error) => loanErrorReply(error as Parameters<typeof loanErrorReply>[0]),
    project: async (tx, changes) => {
      for (const change of changes) views.set(change, await projectClose(tx, change));
    },
    reply: (change) => views.get(change),
    committed: (changes) => {
      if (changes.length > 0) dispatcher.wake();
    },
  };
}

/**
 * The batch's row and items, its collections marked. Another instance's batch taking one of the same
 * collections first (the unique index), or a deadlock with it, means the pool moved since it was read.
 */
async function projectClose(tx: PoolClient, change: CloseChange): Promise<RemittanceView> {
  const { envelope, target, events, appended } = change;
  const { remittanceId, collectionIds, collectedRp, feeNettedRp, remitRp, supervisorId } =
    events[0].data;
  try {
    await tx.query(
      `INSERT INTO remittances (remittance_id, koperasi_id, status, collection_count, collected_rp, fee_netted_rp, remit_rp,
                                supervisor_id, closed_at)
       VALUES ($1, $2, 'SENT', $3, $4, $5, $6, $7, $8)`,
      [
        remittanceId,
        envelope.koperasiId,
        collectionIds.length,
        collectedRp,
        feeNettedRp,
        remitRp,
        supervisorId,
        appended[0].occurredAt,
      ],
    );
    await tx.query(
      `INSERT INTO remittance_items (remittance_id, collection_id) SELECT $1, unnest($2::uuid[])`,
      [remittanceId, collectionIds],
    );
    await tx.query(
      `UPDATE collections SET remittance_id = $1 WHERE collection_id = ANY($2::uuid[])`,
      [remittanceId, collectionIds],
    );
  } catch (error) {
    const lostRace =
      isUniqueViolation(error, 'remittance_items_one_live_batch') ||
      (error as { code?: string }).code === DEADLOCK_DETECTED;
    if (lostRace) throw new StreamVersionConflictError(target.stateKey!, 0, null);
    throw error;
  }
  const { rows } = await tx.query<RemittanceRow>(
    `${REMITTANCE_VIEW_QUERY} WHERE remittance_id = $1`,
    [remittanceId],
  );
  return remittanceViewOf(rows[0]);
}
