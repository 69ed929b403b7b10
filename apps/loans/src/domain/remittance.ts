import type { FeeMode } from './collection-agreement.js';
import type { RemittanceEvent } from './loan-events.js';

/** A collection still in the pool, as the close command sees it. */
export interface UnremittedCollection {
  collectionId: string;
  amountRp: number;
  feeRp: number;
  feeMode: FeeMode;
}

export interface CloseRemittance {
  type: 'CloseRemittance';
  remittanceId: string;
  supervisorId: string;
  /** Collections in the pool the bank has acknowledged: the only ones it accepts in a batch. */
  collections: UnremittedCollection[];
  /** Collections in the pool still waiting for the bank's acknowledgement; they go in a later batch. */
  awaitingNoticeCount: number;
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
