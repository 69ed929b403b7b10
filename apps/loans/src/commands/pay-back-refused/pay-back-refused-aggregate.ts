import type { CollectionView } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import {
  refused,
  type BatchAggregate,
  type LoadedState,
  type StateChange,
} from '@koperasi/service-kit';
import {
  decidePayBack,
  evolveRefusedCollection,
  initialRefusedCollectionState,
  type CollectionEvent,
  type PayBackRefusedCollection,
  type RefusedCollectionPaidBack,
  type RefusedCollectionState,
} from '../../domain/index.js';
import {
  COLLECTION_COLUMNS,
  COLLECTION_FROM,
  collectionViewOf,
  type CollectionRow,
} from '../../read-model/collection-row.js';
import { collectionStreamId } from '../collect-installment/collection-stream-id.js';
import { loanErrorReply } from '../loan-error-replies.js';

/** The collection's stream folded for its pay-back, with the koperasi that collected it. */
export interface RefusedCollectionFold {
  /** Null for a stream with no events: no such collection. */
  koperasiId: string | null;
  collection: RefusedCollectionState;
}

type PayBackChange = StateChange<
  RefusedCollectionFold,
  RefusedCollectionPaidBack,
  PayBackRefusedCollection
>;

const NOT_FOUND = refused(404, 'COLLECTION_NOT_FOUND', 'No such collection in this koperasi');

/**
 * A supervisor paying a collection the bank refused back to the customer, for the batch handler: the
 * collection's short stream, folded whole. Its reply is the collection as its row reads after the pay-back.
 */
export function payBackRefusedAggregate(
  store: PostgresEventStore,
): BatchAggregate<RefusedCollectionFold, PayBackRefusedCollection, RefusedCollectionPaidBack> {
  /** The rows read back in the writing transaction, for the replies made after it. */
  const views = new WeakMap<PayBackChange, CollectionView>();
  return {
    decide: (command, fold) => decidePayBack(command, fold.collection),
    evolve: (fold, event) => ({
      ...fold,
      collection: evolveRefusedCollection(fold.collection, event),
    }),
    target: (_envelope, command) => ({
      streamId: collectionStreamId(command.collectionId),
      aggregateId: command.collectionId,
    }),
    load: async (_pool, targets) => {
      const streams = await store.readStreams(targets.map(({ streamId }) => streamId));
      const loaded = new Map<string, LoadedState<RefusedCollectionFold>>();
      for (const [streamId, history] of streams) {
        const events = history as unknown as CollectionEvent[];
        loaded.set(streamId, {
          state: {
            koperasiId: history[0]?.koperasiId ?? null,
            collection: events.reduce(evolveRefusedCollection, initialRefusedCollectionState),
          },
          version: history.length,
        });
      }
      return loaded;
    },
    refuseAccess: (fold, envelope) => (fold.koperasiId === envelope.koperasiId ? null : NOT_FOUND),
    refusal: (error) => loanErrorReply(error as Parameters<typeof loanErrorReply>[0]),
    project: async (tx, changes) => {
      for (const change of changes) {
        const { collectionId, tellerId, paidBy, paidByName } = change.command;
        await tx.query(
          `UPDATE collections SET refusal = refusal || jsonb_build_object('paidBack',
             jsonb_build_object('tellerId', $2::text, 'paidBy', $3::text, 'paidByName', $4::text, 'paidAt', $5::text))
           WHERE collection_id = $1`,
          [collectionId, tellerId, paidBy, paidByName, change.appended[0].occurredAt],
        );
        const { rows } = await tx.query<CollectionRow>(
          `SELECT ${COLLECTION_COLUMNS} FROM ${COLLECTION_FROM} WHERE c.collection_id = $1`,
          [collectionId],
        );
        views.set(change, collectionViewOf(rows[0]));
      }
    },
    reply: (change) => views.get(change),
  };
}
