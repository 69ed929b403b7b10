import type { BookShuDistribution } from './bank-commands.js';
import type { ShuDistributionBooked } from './bank-events.js';
import { decideShuDistribution } from './decide-shu-distribution.js';

const book = (patch: Partial<BookShuDistribution> = {}): BookShuDistribution => ({
  type: 'BookShuDistribution',
  distributionId: 'd1',
  year: 2026,
  ratDate: '2027-03-20',
  surplusRp: 1_000_000,
  cadanganRp: 250_000,
  membersRp: 650_000,
  approvedBy: 'spv-budi',
  approvedByName: 'Budi Santoso',
  now: '2027-03-21T09:00:00+07:00',
  ...patch,
});

describe("the RAT's SHU distribution", () => {
  it('given a first booking of the year, then one event with the figures, the RAT and who booked it', () => {
    const decision = decideShuDistribution(book(), []);
    expect(decision.ok && decision.events).toEqual([
      {
        type: 'ShuDistributionBooked',
        schemaVersion: 1,
        data: {
          distributionId: 'd1',
          year: 2026,
          ratDate: '2027-03-20',
          surplusRp: 1_000_000,
          cadanganRp: 250_000,
          membersRp: 650_000,
          approvedBy: 'spv-budi',
          approvedByName: 'Budi Santoso',
          approvedAt: '2027-03-21T09:00:00+07:00',
        },
      },
    ]);
  });

  it('given the year booked already, then SHU_ALREADY_BOOKED names when and by whom', () => {
    const first = decideShuDistribution(book(), []);
    const history = (first.ok ? first.events : []) as ShuDistributionBooked[];
    const again = decideShuDistribution(book({ approvedByName: 'Sri' }), history);
    expect(!again.ok && again.error.code).toBe('SHU_ALREADY_BOOKED');
    expect(!again.ok && again.error.message).toContain('2027-03-21 oleh Budi Santoso');
  });

  it.each([
    ['a year not begun', { year: 2028 }],
    ['a RAT after today', { ratDate: '2027-03-22' }],
    ['a RAT date that does not exist', { ratDate: '2027-02-30' }],
    ['more than the surplus', { membersRp: 750_001 }],
    ['nothing to divide', { cadanganRp: 0, membersRp: 0 }],
    ['a negative share', { cadanganRp: -1 }],
  ])('given %s, then INVALID_SHU', (_case, patch) => {
    const decision = decideShuDistribution(book(patch), []);
    expect(!decision.ok && decision.error.code).toBe('INVALID_SHU');
  });
});
