import type { EventEnvelope } from '@koperasi/contracts';
import { postMemberEvent } from './post-member-event.js';

function periodClosed(data: Record<string, unknown>): EventEnvelope {
  return {
    eventId: 'e-closing',
    type: 'PeriodClosed',
    schemaVersion: 1,
    streamId: 'period-closing-kop-1',
    streamVersion: 12,
    koperasiId: 'kop-1',
    occurredAt: '2027-01-05T02:00:00.000Z',
    actor: 'spv-budi',
    correlationId: 'c-1',
    causationId: 'cmd-1',
    data: {
      closedBy: 'spv-budi',
      closedByName: 'Budi',
      closedAt: '2027-01-05T09:00:00+07:00',
      ...data,
    },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

describe('the year-end closing entry', () => {
  it('given December closed with a year of income and a loss, then each goes to zero against SHU belum dibagi, dated the last instant of the year', () => {
    const entry = postMemberEvent(
      periodClosed({
        month: '2026-12',
        yearEnd: {
          year: 2026,
          accounts: [
            { accountCode: '410000', netCreditRp: 2_500 },
            { accountCode: '510000', netCreditRp: -300 },
            { accountCode: '530000', netCreditRp: 0 },
          ],
        },
      }),
    );
    expect(entry).toMatchObject({
      sourceEventId: 'e-closing',
      occurredAt: '2026-12-31T16:59:59.999Z',
      lines: [
        { accountCode: '410000', debitRp: 2_500, creditRp: 0 },
        { accountCode: '510000', debitRp: 0, creditRp: 300 },
        { accountCode: '340000', debitRp: 0, creditRp: 2_200 },
      ],
    });
  });

  it('given a year that lost money, then SHU belum dibagi is debited', () => {
    const entry = postMemberEvent(
      periodClosed({
        month: '2026-12',
        yearEnd: { year: 2026, accounts: [{ accountCode: '530000', netCreditRp: -1_000 }] },
      }),
    );
    expect(entry?.lines).toEqual([
      { accountCode: '530000', debitRp: 0, creditRp: 1_000 },
      { accountCode: '340000', debitRp: 1_000, creditRp: 0 },
    ]);
  });

  it('given any other month, or a year with nothing to close, then no entry', () => {
    expect(postMemberEvent(periodClosed({ month: '2026-11' }))).toBeNull();
    expect(
      postMemberEvent(periodClosed({ month: '2026-12', yearEnd: { year: 2026, accounts: [] } })),
    ).toBeNull();
  });

  it('given an account that is not income or expense, then the event is refused as malformed', () => {
    expect(() =>
      postMemberEvent(
        periodClosed({
          month: '2026-12',
          yearEnd: { year: 2026, accounts: [{ accountCode: '111000', netCreditRp: 5 }] },
        }),
      ),
    ).toThrow('not an income or expense account');
  });
});
