import type { CollectionEvent, RefusedCollectionPaidBack } from './loan-events.js';
import { refuse, type LoanDecision } from './loan-decision.js';

/** A collection's stream folded for its pay-back: refused by the bank or not, paid back or not. */
export interface RefusedCollectionState {
  collected: { loanNo: string; amountRp: number } | null;
  refused: boolean;
  paidBack: boolean;
}

export const initialRefusedCollectionState: RefusedCollectionState = {
  collected: null,
  refused: false,
  paidBack: false,
};

export function evolveRefusedCollection(
  state: RefusedCollectionState,
  event: CollectionEvent,
): RefusedCollectionState {
  switch (event.type) {
    case 'InstallmentCollected':
      return { ...state, collected: { loanNo: event.data.loanNo, amountRp: event.data.amountRp } };
    case 'CollectionRefusedByBank':
      return { ...state, refused: true };
    case 'RefusedCollectionPaidBack':
      return { ...state, paidBack: true };
    case 'CollectionNoticeAcknowledged':
      return state;
  }
}

export interface PayBackRefusedCollection {
  collectionId: string;
  tellerId: string;
  paidBy: string;
  paidByName: string;
}

/** The whole amount goes back once, and only for a collection the bank refused. */
export function decidePayBack(
  command: PayBackRefusedCollection,
  state: RefusedCollectionState,
): LoanDecision<RefusedCollectionPaidBack> {
  if (!state.collected || !state.refused)
    return refuse(
      'COLLECTION_NOT_REFUSED',
      'The bank has not refused this collection; there is nothing to pay back',
    );
  if (state.paidBack)
    return refuse('ALREADY_PAID_BACK', 'This collection was already paid back to the customer');
  const { collectionId, tellerId, paidBy, paidByName } = command;
  return {
    ok: true,
    events: [
      {
        type: 'RefusedCollectionPaidBack',
        schemaVersion: 1,
        data: {
          collectionId,
          loanNo: state.collected.loanNo,
          amountRp: state.collected.amountRp,
          tellerId,
          paidBy,
          paidByName,
        },
      },
    ],
  };
}
