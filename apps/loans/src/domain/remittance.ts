import type { FeeMode } from './collection-agreement.js';
import type { RemittanceClosed, RemittanceEvent } from './loan-events.js';

/** A collection not in a live batch, as the close command sees it; in the order it was collected. */
export interface UnremittedCollection {
  collectionId: string;
  amountRp: number;
  feeRp: number;
  feeMode: FeeMode;
  /** YYYY-MM-DD: a close up to a date takes only the days up to it. */
  businessDate: string;
  /** Only collections the bank has acknowledged may be in a batch; the others wait for a later one. */
  acknowledged: boolean;
}

/** A koperasi's collections not yet in a live batch: what a close takes from. */
export interface RemittancePool {
  collections: UnremittedCollection[];
}

export interface CloseRemittance {
  type: 'CloseRemittance';
  remittanceId: string;
  supervisorId: string;
  /** YYYY-MM-DD, the last business day taken; null for every day. */
  upToDate: string | null;
}

/** The bank's final word on a batch. */
export type BankVerdict =
  { type: 'BankConfirmed'; bankRef: string } | { type: 'BankRejected'; reason: string };

export interface RemittanceState {
  status: 'NONE' | 'OPEN' | 'CONFIRMED' | 'REJECTED';
  remittanceId: string;
  collectionIds: string[];
  collectedRp: number;
  feeNettedRp: number;
  remitRp: number;
}

export const initialRemittanceState: RemittanceState = {
  status: 'NONE',
  remittanceId: '',
  collectionIds: [],
  collectedRp: 0,
  feeNettedRp: 0,
  remitRp: 0,
};

/**
 * Collections per batch. The RemittanceClosed event lists every collection id (about 40 bytes each) and must
 * stay well under Kafka's 1 MB message limit; a day with more is closed in several batches.
 */
export const MAX_COLLECTIONS_PER_REMITTANCE = 15_000;

export function evolveRemittance(state: RemittanceState, event: RemittanceEvent): RemittanceState {
  switch (event.type) {
    case 'RemittanceClosed':
      return {
        status: 'OPEN',
        remittanceId: event.data.remittanceId,
        collectionIds: event.data.collectionIds,
        collectedRp: event.data.collectedRp,
        feeNettedRp: event.data.feeNettedRp,
        remitRp: event.data.remitRp,
      };
    case 'RemittanceConfirmed':
      return { ...state, status: 'CONFIRMED' };
    case 'RemittanceRejected':
      return { ...state, status: 'REJECTED' };
  }
}

/** A closed batch's collections leave the pool, so the next close of the same koperasi takes the rest. */
export function evolveRemittancePool(
  pool: RemittancePool,
  event: RemittanceClosed,
): RemittancePool {
  const taken = new Set(event.data.collectionIds);
  return {
    collections: pool.collections.filter(({ collectionId }) => !taken.has(collectionId)),
  };
}
