import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CollectInstallmentPayload,
  CollectInstallmentResult,
  CommandEnvelope,
  CommandReply,
} from '@koperasi/contracts';
import type { Pool } from 'pg';
import {
  IdempotentCommandExecutor,
  PG_POOL,
  badField,
  checkEnvelope,
  isUuid,
  refused,
} from '@koperasi/service-kit';
import { AgreementsRepository } from '../../agreements/agreements.repository.js';
import { LOAN_NO_PATTERN, isLoanAccountView } from '../../bank/loan-account-view.js';
import { NoticeDispatcher } from '../../dispatch/notice-dispatcher.js';
import { decideCollectInstallment } from '../../domain/index.js';
import { loanErrorReply } from '../loan-error-replies.js';
import { CollectionWriter } from './collection-writer.js';

/**
 * Takes an installment against the bank's view the gateway passed in, without calling the bank: the event, the
 * read model row (which is also the bank notice's outbox) and the reply commit together (CollectionWriter).
 * The notice goes out afterwards, from the NoticeDispatcher.
 */
@Injectable()
export class CollectInstallmentHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly executor: IdempotentCommandExecutor,
    private readonly writer: CollectionWriter,
    private readonly agreements: AgreementsRepository,
    private readonly notices: NoticeDispatcher,
  ) {}

  async execute(
    envelope: CommandEnvelope<CollectInstallmentPayload>,
  ): Promise<CommandReply<CollectInstallmentResult>> {
    const invalid = checkEnvelope(envelope, 'not-auditor');
    if (invalid) return invalid;
    if (envelope.actor.role !== 'teller' && envelope.actor.role !== 'supervisor') {
      return refused(
        403,
        'FORBIDDEN',
        'Only a teller or a supervisor of the koperasi takes installments',
      );
    }
    if (!isUuid(envelope.koperasiId)) return refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi');
    const { loanNo, loan } = envelope.payload;
    if (typeof loanNo !== 'string' || !LOAN_NO_PATTERN.test(loanNo))
      return badField('loanNo', 'must be the 15-digit loan account number');
    if (!isLoanAccountView(loan))
      return badField('loan', "must be the bank's view of the loan, looked up just before");
    const reply = await this.executor.execute(envelope.commandId, () => this.attempt(envelope));
    if (reply.ok) this.notices.wake();
    return reply;
  }

  /**
   * Collections on the loan (by any koperasi here) the bank's view read at `viewedAt` cannot include. The
   * loan's commands share a Kafka partition, so they are decided one after another and each sees the last.
   */
  private async notYetAtBank(loanNo: string, viewedAt: string): Promise<number> {
    const { rows } = await this.pool.query<{ sum_rp: string | null }>(
      `SELECT sum(amount_rp) AS sum_rp FROM collections
       WHERE loan_no = $1 AND (notice_status = 'PENDING' OR acknowledged_at >= $2::timestamptz)`,
      [loanNo, viewedAt],
    );
    return Number(rows[0].sum_rp ?? 0);
  }

  private async attempt(
    envelope: CommandEnvelope<CollectInstallmentPayload>,
  ): Promise<CommandReply<CollectInstallmentResult>> {
    const { loanNo, amountRp, loan } = envelope.payload;
    const collectionId = randomUUID();
    const decision = decideCollectInstallment({
      type: 'CollectInstallment',
      collectionId,
      loanNo,
      amountRp,
      loan,
      agreement: await this.agreements.inForce(envelope.koperasiId, loan.product),
      notYetAtBankRp: await this.notYetAtBank(loanNo, loan.viewedAt),
      tellerId: envelope.actor.userId,
      now: new Date().toISOString(),
    });
    if (!decision.ok) return loanErrorReply(decision.error);
    return this.writer.write({ envelope, collected: decision.events[0] });
  }
}
