import type { CollectionEvent } from './loan-events.js';
import {
  decidePayBack,
  evolveRefusedCollection,
  initialRefusedCollectionState,
} from './decide-pay-back.js';

const collected = {
  type: 'InstallmentCollected',
  schemaVersion: 1,
  data: {
    collectionId: 'c9',
    loanNo: '000101000003003',
    product: 'KUR',
    borrowerName: 'SUPARMAN',
    period: '2026-12',
    amountRp: 500_000,
    feeRp: 2_500,
    feeMode: 'BANK_PAYS',
    tellerId: 'teller-siti',
  },
} as CollectionEvent;
const refusedByBank = {
  type: 'CollectionRefusedByBank',
  schemaVersion: 1,
  data: {
    collectionId: 'c9',
    loanNo: '000101000003003',
    product: 'KUR',
    amountRp: 500_000,
    feeRp: 2_500,
    feeMode: 'BANK_PAYS',
    code: 'LOAN_CLOSED',
    reason: 'closed',
  },
} as CollectionEvent;
const acknowledged = {
  type: 'CollectionNoticeAcknowledged',
  schemaVersion: 1,
  data: { collectionId: 'c9', bankRef: 'BRIC1' },
} as CollectionEvent;
const payBack = {
  collectionId: 'c9',
  tellerId: 'teller-siti',
  paidBy: 'spv-budi',
  paidByName: 'Budi Santoso',
};
const stateAfter = (events: CollectionEvent[]) =>
  events.reduce(evolveRefusedCollection, initialRefusedCollectionState);

describe('paying a refused collection back', () => {
  it('given the bank refused it, then the whole amount goes back from the named drawer', () => {
    expect(decidePayBack(payBack, stateAfter([collected, refusedByBank]))).toEqual({
      ok: true,
      events: [
        {
          type: 'RefusedCollectionPaidBack',
          schemaVersion: 1,
          data: {
            collectionId: 'c9',
            loanNo: '000101000003003',
            amountRp: 500_000,
            tellerId: 'teller-siti',
            paidBy: 'spv-budi',
            paidByName: 'Budi Santoso',
          },
        },
      ],
    });
  });

  it('given it was paid back already, then a second time is refused', () => {
    const decision = decidePayBack(payBack, stateAfter([collected, refusedByBank]));
    if (!decision.ok) throw new Error('refused');
    expect(
      decidePayBack(payBack, stateAfter([collected, refusedByBank, ...decision.events])),
    ).toMatchObject({ ok: false, error: { code: 'ALREADY_PAID_BACK' } });
  });

  it('given the bank acknowledged it, or nothing was collected, then there is nothing to pay back', () => {
    expect(decidePayBack(payBack, stateAfter([collected, acknowledged]))).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_REFUSED' },
    });
    expect(decidePayBack(payBack, initialRefusedCollectionState)).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_REFUSED' },
    });
  });
});
