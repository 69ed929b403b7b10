import { Inject, Injectable } from '@nestjs/common';
import type {
  CollectionView,
  CommandEnvelope,
  CommandReply,
  PayBackRefusedCollectionPayload,
} from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  badField,
  checkEnvelope,
  inTransaction,
  isUuid,
  refused,
} from '@koperasi/service-kit';
import {
  decidePayBack,
  evolveRefusedCollection,
  initialRefusedCollectionState,
  type CollectionEvent,
} from '../../domain/index.js';
import {
  COLLECTION_COLUMNS,
  COLLECTION_FROM,
  collectionViewOf,
  type CollectionRow,
} from '../../read-model/collection-row.js';
import { collectionStreamId } from '../collect-installment/collection-stream-id.js';
import { loanErrorReply } from '../loan-error-replies.js';

const MAX_NAME_LENGTH = 200;

/** A supervisor pays a collection the bank refused back to the customer, in cash from a teller's drawer. */
@Injectable()
export class PayBackRefusedHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute(
    envelope: CommandEnvelope<PayBackRefusedCollectionPayload>,
  ): Promise<CommandReply<CollectionView>> {
    const invalid = checkEnvelope(envelope, 'not-auditor');
    if (invalid) return invalid;
    if (envelope.actor.role !== 'supervisor')
      return refused(403, 'FORBIDDEN', 'Only a supervisor pays a refused collection back');
    const { collectionId, tellerId, paidByName } = envelope.payload;
    if (!isUuid(collectionId))
      return refused(404, 'COLLECTION_NOT_FOUND', 'No such collection in this koperasi');
    if (typeof tellerId !== 'string' || tellerId === '' || tellerId.length > MAX_NAME_LENGTH)
      return badField('tellerId', 'is required');
    if (typeof paidByName !== 'string' || paidByName.length > MAX_NAME_LENGTH)
      return badField('paidByName', 'must be text');
    return this.executor.execute(envelope.commandId, async () => {
      const streamId = collectionStreamId(collectionId);
      const history = (await this.store.readStream(streamId)) as unknown as (CollectionEvent & {
        koperasiId?: string;
      })[];
      const owned = await this.pool.query<{ one: number }>(
        `SELECT 1 AS one FROM collections WHERE collection_id = $1 AND koperasi_id = $2`,
        [collectionId, envelope.koperasiId],
      );
      if (history.length === 0 || owned.rowCount === 0)
        return refused(404, 'COLLECTION_NOT_FOUND', 'No such collection in this koperasi');
      const state = history.reduce(evolveRefusedCollection, initialRefusedCollectionState);
      const decision = decidePayBack(
        { collectionId, tellerId, paidBy: envelope.actor.userId, paidByName },
        state,
      );
      if (!decision.ok) return loanErrorReply(decision.error);
      return inTransaction(this.pool, async (tx) => {
        const appended = await this.store.appendWithin(
          tx,
          streamId,
          history.length,
          decision.events,
          {
            koperasiId: envelope.koperasiId,
            actor: envelope.actor.userId,
            correlationId: envelope.correlationId,
            causationId: envelope.commandId,
          },
        );
        const paidAt = appended.events[0].occurredAt;
        await tx.query(
          `UPDATE collections SET refusal = refusal || jsonb_build_object('paidBack',
             jsonb_build_object('tellerId', $2::text, 'paidBy', $3::text, 'paidByName', $4::text, 'paidAt', $5::text))
           WHERE collection_id = $1`,
          [collectionId, tellerId, envelope.actor.userId, paidByName, paidAt],
        );
        const { rows } = await tx.query<CollectionRow>(
          `SELECT ${COLLECTION_COLUMNS} FROM ${COLLECTION_FROM} WHERE c.collection_id = $1`,
          [collectionId],
        );
        const reply = accepted(collectionViewOf(rows[0]));
        await this.results.save(tx, envelope.commandId, reply);
        return reply;
      });
    });
  }
}
