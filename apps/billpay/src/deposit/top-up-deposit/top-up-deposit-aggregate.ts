import {
  RefusalInTransaction,
  isUniqueViolation,
  refused,
  type BatchAggregate,
  type StateChange,
} from '@koperasi/service-kit';
import type { Pool, PoolClient } from 'pg';
import { loadDeposits } from '../load-deposits.js';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import {
  decideTopUp,
  depositStreamId,
  evolveDeposit,
  noPayment,
  type DepositState,
  type DepositToppedUp,
  type TopUpDeposit,
} from '../../domain/index.js';
import type { TopUpResult } from './top-up-result.js';

type TopUpChange = StateChange<DepositState, DepositToppedUp, TopUpDeposit>;

/**
 * Top-ups, for the batch handler: each is appended to its koperasi's deposit stream, whose version and
 * balance are the deposits row. A bank transfer is recorded once per koperasi: the unique index on its
 * reference, claimed in the writing transaction, refuses a second.
 */
export function topUpDepositAggregate(
  pool: Pool,
): BatchAggregate<DepositState, TopUpDeposit, DepositToppedUp> {
  /** The deposit as its row reads after the top-up (with every reservation so far), for the reply. */
  const results = new WeakMap<TopUpChange, TopUpResult>();
  return {
    decide: (command) => decideTopUp(command),
    evolve: (deposit, event) => evolveDeposit(deposit, noPayment, event),
    target: ({ koperasiId }) => ({
      streamId: depositStreamId(koperasiId),
      aggregateId: koperasiId,
    }),
    load: (_pool, targets) =>
      loadDeposits(
        pool,
        targets.map(({ aggregateId }) => aggregateId),
      ),
    refusal: (error) => billpayErrorReply(error as Parameters<typeof billpayErrorReply>[0]),
    project: async (tx, changes) => {
      for (const change of changes) results.set(change, await projectTopUp(tx, change));
    },
    reply: (change) => results.get(change),
  };
}

async function projectTopUp(tx: PoolClient, change: TopUpChange): Promise<TopUpResult> {
  const { envelope, events, appended } = change;
  const { koperasiId } = envelope;
  const { data } = events[0];
  try {
    await tx.query(
      `INSERT INTO deposit_topups (topup_id, koperasi_id, amount_rp, bank_transfer_ref, supervisor_id, event_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        data.topupId,
        koperasiId,
        data.amountRp,
        data.bankTransferRef,
        data.supervisorId,
        appended[0].eventId,
        appended[0].occurredAt,
      ],
    );
  } catch (error) {
    if (!isUniqueViolation(error, 'deposit_topups_koperasi_id_bank_transfer_ref_key')) throw error;
    throw new RefusalInTransaction(
      refused(
        409,
        'DUPLICATE_TRANSFER_REF',
        `Bank transfer ${data.bankTransferRef} was already recorded as a top-up`,
        [{ field: 'bankTransferRef', message: 'already recorded' }],
      ),
    );
  }
  const { rows } = await tx.query<{ balance_rp: string; reserved_rp: string }>(
    `INSERT INTO deposits (koperasi_id, balance_rp, reserved_rp, stream_version) VALUES ($1, $2, 0, $3)
     ON CONFLICT (koperasi_id) DO UPDATE
       SET balance_rp = deposits.balance_rp + excluded.balance_rp, stream_version = excluded.stream_version, updated_at = now()
     RETURNING balance_rp, reserved_rp`,
    [koperasiId, data.amountRp, appended[appended.length - 1].streamVersion],
  );
  const balanceRp = Number(rows[0].balance_rp);
  const reservedRp = Number(rows[0].reserved_rp);
  return {
    topupId: data.topupId,
    amountRp: data.amountRp,
    bankTransferRef: data.bankTransferRef,
    deposit: { balanceRp, reservedRp, availableRp: balanceRp - reservedRp },
  };
}
