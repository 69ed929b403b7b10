import type { BooksComparison } from '../audit/index.js';
import { scopeComparison } from './scope-comparison.js';

const amounts = { debitRp: 1, creditRp: 0 };

function comparison(): BooksComparison {
  return {
    identical: false,
    entries: {
      missingInLive: 1,
      extraInLive: 0,
      different: 1,
      listed: [
        { sourceEventId: 'e-mine', kind: 'different', fields: ['description'] },
        { sourceEventId: 'e-other', kind: 'missing-in-live', fields: [] },
      ],
    },
    postedAfterReplayBegan: 0,
    accounts: [
      {
        koperasiId: 'k-mine',
        accountCode: '111000',
        tellerId: null,
        rebuilt: amounts,
        liveJournal: amounts,
        liveBalance: null,
        eventIds: ['e-mine'],
      },
      {
        koperasiId: 'k-other',
        accountCode: '111000',
        tellerId: null,
        rebuilt: amounts,
        liveJournal: amounts,
        liveBalance: null,
        eventIds: ['e-other'],
      },
    ],
    members: [
      {
        koperasiId: 'k-other',
        memberId: 'm',
        rebuilt: null,
        liveJournal: null,
        liveSubLedger: null,
        eventIds: [],
      },
    ],
    cashByTellerDay: [],
    accountDays: {
      comparedByKoperasi: { 'k-mine': 40, 'k-other': 30, 'k-third': 20 },
      beforeDay: null,
      differences: [
        {
          koperasiId: 'k-other',
          accountCode: '111000',
          businessDate: '2026-12-01',
          rebuilt: amounts,
          live: null,
        },
      ],
    },
  };
}

describe('scopeComparison', () => {
  it('keeps only the differences of the koperasi in scope and counts them', () => {
    const scoped = scopeComparison(
      comparison(),
      ['k-mine'],
      new Map([
        ['e-mine', 'k-mine'],
        ['e-other', 'k-other'],
      ]),
      100,
    );
    expect(scoped.identical).toBe(false);
    expect(scoped.entries).toEqual({
      missingInLive: 0,
      extraInLive: 0,
      different: 1,
      listed: [comparison().entries.listed[0]],
      listTruncated: false,
    });
    expect(scoped.accounts.map((difference) => difference.koperasiId)).toEqual(['k-mine']);
    expect(scoped.members).toEqual([]);
    expect(scoped.accountDays).toEqual({ compared: 40, beforeDay: null, differences: [] });
  });

  it('counts the day rows compared of every koperasi in scope and keeps their day differences', () => {
    const scoped = scopeComparison(comparison(), ['k-other', 'k-third'], new Map(), 100);
    expect(scoped.accountDays).toEqual({
      compared: 50,
      beforeDay: null,
      differences: comparison().accountDays.differences,
    });
    expect(scoped.identical).toBe(false);
  });

  it('is identical for a koperasi whose books match even when another koperasi differs', () => {
    const scoped = scopeComparison(
      comparison(),
      ['k-third'],
      new Map([
        ['e-mine', 'k-mine'],
        ['e-other', 'k-other'],
      ]),
      100,
    );
    expect(scoped.identical).toBe(true);
  });

  it('leaves out an entry whose koperasi is not known rather than show it to anyone', () => {
    expect(scopeComparison(comparison(), ['k-mine'], new Map(), 100).entries.listed).toEqual([]);
  });
});
