import type { InstallmentCollected } from './loan-events.js';

/** A collection on the loan taken here, as far as the bank's figures go. */
export interface CollectionOnLoan {
  amountRp: number;
  /** Its notice still waits for the bank's acknowledgement. */
  pending: boolean;
  acknowledgedAtMs: number | null;
}

/** What a new collection on a loan must know of the loan's recent collections here. */
export interface LoanCollections {
  collections: CollectionOnLoan[];
}

export function evolveLoanCollections(
  state: LoanCollections,
  event: InstallmentCollected,
): LoanCollections {
  return {
    collections: [
      ...state.collections,
      { amountRp: event.data.amountRp, pending: true, acknowledgedAtMs: null },
    ],
  };
}

/**
 * Collections the bank's view read at `viewedAt` cannot include: notices not acknowledged, or acknowledged
 * after the view was read. The bank's maximum is reduced by them.
 */
export function notYetAtBankRp(state: LoanCollections, viewedAt: string): number {
  const viewedAtMs = Date.parse(viewedAt);
  return state.collections
    .filter(
      (collection) =>
        collection.pending ||
        (collection.acknowledgedAtMs !== null && collection.acknowledgedAtMs >= viewedAtMs),
    )
    .reduce((sum, collection) => sum + collection.amountRp, 0);
}
