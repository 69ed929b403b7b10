import type { CollectInstallmentResult, CommandEnvelope } from '@koperasi/contracts';
import {
  badField,
  isUuid,
  refused,
  type BatchAggregate,
  type LoadedState,
} from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { AgreementsRepository } from '../../agreements/agreements.repository.js';
import { LOAN_NO_PATTERN, isLoanAccountView } from '../../bank/loan-account-view.js';
import type { NoticeDispatcher } from '../../dispatch/notice-dispatcher.js';
import {
  MAX_CLOCK_SKEW_MS,
  MAX_LOAN_VIEW_AGE_MS,
  decideCollectInstallment,
  evolveLoanCollections,
  notYetAtBankRp,
  type CollectInstallment,
  type InstallmentCollected,
  type LoanCollections,
} from '../../domain/index.js';
import { collectionReceipt, insertCollections } from '../../read-model/insert-collections.js';
import { loanErrorReply } from '../loan-error-replies.js';
import { collectionStreamId } from './collection-stream-id.js';

/** A collection as it arrives: the collection id is fixed here, once, for every attempt at the command. */
export type CollectionOrder = Omit<CollectInstallment, 'agreement' | 'notYetAtBankRp' | 'now'>;

/** The order with the koperasi's agreement for the product and the time it is decided at. */
export type AgreedCollection = Omit<CollectInstallment, 'notYetAtBankRp'>;

const LOAN_KEY_PREFIX = 'loan-';

/**
 * Installments, for the batch handler: each collection is a new stream, decided on its loan's collections
 * here (the bank's maximum less what the bank has not seen yet), so a loan's collections in a batch are
 * decided in turn, each seeing those before it. The loan's collections come from their read model rows,
 * written in the transaction of each collection's event; only those a bank view still young enough to be
 * taken could miss are read. The bank is not called: the notice goes out from the NoticeDispatcher.
 */
export function collectInstallmentAggregate(
  pool: Pool,
  agreements: AgreementsRepository,
  notices: NoticeDispatcher,
): BatchAggregate<LoanCollections, CollectionOrder, InstallmentCollected, AgreedCollection> {
  return {
    decide: (command, state) =>
      decideCollectInstallment({
        ...command,
        notYetAtBankRp: notYetAtBankRp(state, command.loan.viewedAt),
      }),
    evolve: evolveLoanCollections,
    target: (envelope, order) => {
      const refusal = refusalOf(envelope);
      if (refusal) return refusal;
      return {
        streamId: collectionStreamId(order.collectionId),
        aggregateId: order.collectionId,
        stateKey: `${LOAN_KEY_PREFIX}${order.loanNo}`,
      };
    },
    load: async (_pool, targets) => {
      const loanNos = targets.map(({ stateKey }) => stateKey!.slice(LOAN_KEY_PREFIX.length));
      const { rows } = await pool.query<{
        loan_no: string;
        amount_rp: string;
        notice_status: string;
        acknowledged_at: Date | null;
      }>(
        `SELECT loan_no, amount_rp, notice_status, acknowledged_at FROM collections
         WHERE loan_no = ANY($1::text[])
           AND (notice_status = 'PENDING' OR acknowledged_at >= now() - $2 * interval '1 millisecond')`,
        [loanNos, MAX_LOAN_VIEW_AGE_MS + MAX_CLOCK_SKEW_MS],
      );
      const loaded = new Map<string, LoadedState<LoanCollections>>(
        loanNos.map((no) => [
          `${LOAN_KEY_PREFIX}${no}`,
          { state: { collections: [] }, version: 0 },
        ]),
      );
      for (const row of rows)
        loaded.get(`${LOAN_KEY_PREFIX}${row.loan_no}`)!.state.collections.push({
          amountRp: Number(row.amount_rp),
          pending: row.notice_status === 'PENDING',
          acknowledgedAtMs: row.acknowledged_at?.getTime() ?? null,
        });
      return loaded;
    },
    prepare: (orders) => {
      const now = new Date().toISOString();
      return Promise.all(
        orders.map(async ({ envelope, command }) => ({
          ...command,
          agreement: await agreements.inForce(envelope.koperasiId, command.loan.product),
          now,
        })),
      );
    },
    refusal: (error) => loanErrorReply(error as Parameters<typeof loanErrorReply>[0]),
    project: (tx, changes) =>
      insertCollections(
        tx,
        changes.map(({ envelope, events, appended }) => ({
          koperasiId: envelope.koperasiId,
          event: appended[0],
          data: events[0].data,
        })),
      ),
    reply: ({ envelope, events, appended }): CollectInstallmentResult => {
      const receipt = collectionReceipt({
        koperasiId: envelope.koperasiId,
        event: appended[0],
        data: events[0].data,
      });
      return { collectionId: receipt.collectionId, receipt };
    },
    committed: (changes) => {
      if (changes.length > 0) notices.wake();
    },
  };
}

function refusalOf(envelope: CommandEnvelope<Record<string, unknown>>) {
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
  return null;
}
