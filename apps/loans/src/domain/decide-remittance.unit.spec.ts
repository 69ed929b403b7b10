import { decideCloseRemittance, decideRemittanceVerdict } from './decide-remittance.js';
import type { RemittanceEvent } from './loan-events.js';
import {
  evolveRemittance,
  evolveRemittancePool,
  initialRemittanceState,
  MAX_COLLECTIONS_PER_REMITTANCE,
  type CloseRemittance,
  type UnremittedCollection,
} from './remittance.js';

const collections: UnremittedCollection[] = [
  {
    collectionId: 'c-1',
    amountRp: 1_250_000,
    feeRp: 2_500,
    feeMode: 'BANK_PAYS',
    businessDate: '2026-11-30',
    acknowledged: true,
  },
  {
    collectionId: 'c-2',
    amountRp: 2_295_000,
    feeRp: 11_475,
    feeMode: 'NETTED',
    businessDate: '2026-12-01',
    acknowledged: true,
  },
];

const close = (upToDate: string | null = null): CloseRemittance => ({
  type: 'CloseRemittance',
  remittanceId: 'r-1',
  supervisorId: 'spv',
  upToDate,
});

function closed() {
  const decision = decideCloseRemittance(close(), { collections });
  if (!decision.ok) throw new Error(decision.error.message);
  return decision.events;
}

function stateAfter(events: RemittanceEvent[]) {
  return events.reduce(evolveRemittance, initialRemittanceState);
}

describe('remittance deciders', () => {
  it('given collections in both fee modes, when a batch is closed, then only netted fees are kept back from what goes to the bank', () => {
    expect(closed()[0].data).toEqual({
      remittanceId: 'r-1',
      collectionIds: ['c-1', 'c-2'],
      collectedRp: 3_545_000,
      feeNettedRp: 11_475,
      remitRp: 3_533_525,
      supervisorId: 'spv',
    });
  });

  it('given an empty pool, when a batch is closed, then nothing is closed', () => {
    const decision = decideCloseRemittance(close(), { collections: [] });
    expect(decision.ok || decision.error.code).toBe('NOTHING_TO_REMIT');
    const pending = collections.map((collection) => ({ ...collection, acknowledged: false }));
    const waiting = decideCloseRemittance(close(), { collections: pending });
    expect(waiting.ok || waiting.error.message).toMatch(/2 collection\(s\) wait for the bank/);
  });

  it('given a pool over two days, when a batch is closed up to the first, then only that day is taken', () => {
    const decision = decideCloseRemittance(close('2026-11-30'), { collections });
    expect(decision.ok && decision.events[0].data.collectionIds).toEqual(['c-1']);
  });

  it('given more acknowledged collections than an event may carry, then the batch takes the oldest and the next the rest', () => {
    const many = Array.from({ length: MAX_COLLECTIONS_PER_REMITTANCE + 1 }, (_, index) => ({
      ...collections[0],
      collectionId: `c-${index}`,
    }));
    const first = decideCloseRemittance(close(), { collections: many });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.events[0].data.collectionIds).toHaveLength(MAX_COLLECTIONS_PER_REMITTANCE);
    const rest = evolveRemittancePool({ collections: many }, first.events[0]);
    const second = decideCloseRemittance(close(), rest);
    expect(second.ok && second.events[0].data.collectionIds).toEqual([
      `c-${MAX_COLLECTIONS_PER_REMITTANCE}`,
    ]);
  });

  it('given an open batch, when the bank confirms, then the confirmation carries the amounts that clear the liability', () => {
    const decision = decideRemittanceVerdict(
      { type: 'BankConfirmed', bankRef: 'BRI-9' },
      stateAfter(closed()),
    );
    expect(decision.ok && decision.events[0]).toEqual({
      type: 'RemittanceConfirmed',
      schemaVersion: 1,
      data: {
        remittanceId: 'r-1',
        collectedRp: 3_545_000,
        feeNettedRp: 11_475,
        remitRp: 3_533_525,
        bankRef: 'BRI-9',
      },
    });
  });

  it('given an open batch, when the bank rejects, then its collections are named so they return to the pool', () => {
    const decision = decideRemittanceVerdict(
      { type: 'BankRejected', reason: 'totals differ' },
      stateAfter(closed()),
    );
    expect(decision.ok && decision.events[0].data).toEqual({
      remittanceId: 'r-1',
      collectionIds: ['c-1', 'c-2'],
      reason: 'totals differ',
    });
  });

  it('given a batch already confirmed, when another answer arrives, then nothing changes', () => {
    const confirmed = decideRemittanceVerdict(
      { type: 'BankConfirmed', bankRef: 'BRI-9' },
      stateAfter(closed()),
    );
    if (!confirmed.ok) throw new Error('not confirmed');
    const state = stateAfter([...closed(), ...confirmed.events]);
    expect(state.status).toBe('CONFIRMED');
    const again = decideRemittanceVerdict({ type: 'BankRejected', reason: 'late' }, state);
    expect(again.ok || again.error.code).toBe('REMITTANCE_NOT_OPEN');
  });
});
