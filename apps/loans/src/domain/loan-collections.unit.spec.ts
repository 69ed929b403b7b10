import { evolveLoanCollections, notYetAtBankRp, type LoanCollections } from './loan-collections.js';
import type { InstallmentCollected } from './loan-events.js';

const viewedAt = '2026-11-20T03:00:00.000Z';
const collected = (amountRp: number) =>
  ({ type: 'InstallmentCollected', data: { amountRp } }) as InstallmentCollected;

describe('a loan’s collections against the bank’s view', () => {
  it('given a pending notice and one acknowledged after the view was read, then both are not yet at the bank', () => {
    const state: LoanCollections = {
      collections: [
        { amountRp: 100_000, pending: true, acknowledgedAtMs: null },
        { amountRp: 200_000, pending: false, acknowledgedAtMs: Date.parse(viewedAt) + 1 },
        { amountRp: 400_000, pending: false, acknowledgedAtMs: Date.parse(viewedAt) - 1 },
      ],
    };
    expect(notYetAtBankRp(state, viewedAt)).toBe(300_000);
  });

  it('given a collection decided earlier in the same batch, then the next one counts it as pending', () => {
    const after = [collected(500_000), collected(250_000)].reduce(evolveLoanCollections, {
      collections: [],
    });
    expect(notYetAtBankRp(after, viewedAt)).toBe(750_000);
  });
});
