import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CommandEnvelope,
  CommandReply,
  DepositView,
  TopUpDepositPayload,
} from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  checkEnvelope,
  inTransaction,
  isUniqueViolation,
  refused,
} from '@koperasi/service-kit';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import { requireSupervisor } from '../../commands/require-supervisor.js';
import { decideTopUp, depositStreamId } from '../../domain/index.js';

export interface TopUpResult {
  topupId: string;
  amountRp: number;
  bankTransferRef: string;
  deposit: DepositView;
}

/** Records a transfer from the koperasi's bank account into its aggregator deposit: DepositToppedUp. */
@Injectable()
export class TopUpDepositHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute(
    envelope: CommandEnvelope<TopUpDepositPayload>,
  ): Promise<CommandReply<TopUpResult>> {
    const invalid = checkEnvelope(envelope, 'not-auditor') ?? requireSupervisor(envelope);
    if (invalid) return invalid;
    return this.executor.execute(envelope.commandId, async () => {
      try {
        return await this.attempt(envelope);
      } catch (error) {
        if (!isUniqueViolation(error, 'deposit_topups_koperasi_id_bank_transfer_ref_key'))
          throw error;
        return refused(
          409,
          'DUPLICATE_TRANSFER_REF',
          `Bank transfer ${envelope.payload.bankTransferRef} was already recorded as a top-up`,
          [{ field: 'bankTransferRef', message: 'already recorded' }],
        );
      }
    });
  }

  private async attempt(
    envelope: CommandEnvelope<TopUpDepositPayload>,
  ): Promise<CommandReply<TopUpResult>> {
    const { koperasiId, payload } = envelope;
    const decision = decideTopUp({
      type: 'TopUpDeposit',
      topupId: randomUUID(),
      amountRp: payload.amountRp,
      bankTransferRef:
        typeof payload.bankTransferRef === 'string'
          ? payload.bankTransferRef.trim()
          : payload.bankTransferRef,
      supervisorId: envelope.actor.userId,
    });
    if (!decision.ok) return billpayErrorReply(decision.error);
    const { data } = decision.events[0];
    const { rows } = await this.pool.query<{ stream_version: number }>(
      'SELECT stream_version FROM deposits WHERE koperasi_id = $1',
      [koperasiId],
    );
    return inTransaction(this.pool, async (tx) => {
      const appended = await this.store.appendWithin(
        tx,
        depositStreamId(koperasiId),
        rows[0]?.stream_version ?? 0,
        decision.events,
        {
          koperasiId,
          actor: envelope.actor.userId,
          correlationId: envelope.correlationId,
          causationId: envelope.commandId,
        },
      );
      await tx.query(
        `INSERT INTO deposit_topups (topup_id, koperasi_id, amount_rp, bank_transfer_ref, supervisor_id, event_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          data.topupId,
          koperasiId,
          data.amountRp,
          data.bankTransferRef,
          data.supervisorId,
          appended.events[0].eventId,
          appended.events[0].occurredAt,
        ],
      );
      const deposit = await tx.query<{ balance_rp: string; reserved_rp: string }>(
        `INSERT INTO deposits (koperasi_id, balance_rp, reserved_rp, stream_version) VALUES ($1, $2, 0, $3)
         ON CONFLICT (koperasi_id) DO UPDATE
           SET balance_rp = deposits.balance_rp + excluded.balance_rp, stream_version = excluded.stream_version, updated_at = now()
         RETURNING balance_rp, reserved_rp`,
        [koperasiId, data.amountRp, appended.nextExpectedVersion],
      );
      const balanceRp = Number(deposit.rows[0].balance_rp);
      const reservedRp = Number(deposit.rows[0].reserved_rp);
      const reply = accepted<TopUpResult>({
        topupId: data.topupId,
        amountRp: data.amountRp,
        bankTransferRef: data.bankTransferRef,
        deposit: { balanceRp, reservedRp, availableRp: balanceRp - reservedRp },
      });
      await this.results.save(tx, envelope.commandId, reply);
      return reply;
    });
  }
}
