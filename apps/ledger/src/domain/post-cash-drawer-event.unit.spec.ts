import type { EventEnvelope } from '@koperasi/contracts';
import { balanceCheck } from './journal-entry.js';
import { postMemberEvent } from './post-member-event.js';

const envelope = (type: string, data: unknown): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  streamId: 'cash-drawer-d1',
  streamVersion: 1,
  koperasiId: 'kop-1',
  occurredAt: '2026-12-01T16:30:00+07:00',
  actor: 'spv-budi',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});
const drawer = { drawerId: 'd1', tellerId: 'teller-siti', businessDate: '2026-12-01' };
const closed = (countedRp: number, expectedRp: number) => ({
  ...drawer,
  countedRp,
  expectedRp,
  differenceRp: countedRp - expectedRp,
  approvedBy: 'spv-budi',
  approverName: 'Budi Santoso',
  closedAt: '2026-12-01T16:30:00+07:00',
});

function whenPosted(type: string, data: unknown) {
  const entry = postMemberEvent(envelope(type, data));
  if (!entry) throw new Error(`${type} posted nothing`);
  expect(balanceCheck(entry).ok).toBe(true);
  return entry;
}

describe('cash drawer postings', () => {
  it("given buka kasir, then Dr the teller's drawer / Cr the vault for the float", () => {
    const entry = whenPosted('CashDrawerOpened', {
      ...drawer,
      openingFloatRp: 500_000,
      openedAt: '2026-12-01T07:30:00+07:00',
    });
    expect(entry.lines).toEqual([
      { accountCode: '111000', debitRp: 500_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '111100', debitRp: 0, creditRp: 500_000 },
    ]);
    expect(entry.sourceEventId).toBe('evt-CashDrawerOpened');
  });

  it('given a closing short by Rp5.000, then the counted cash to the vault, the shortage to selisih kas, the drawer to zero', () => {
    const entry = whenPosted('CashDrawerClosed', closed(585_000, 590_000));
    expect(entry.lines).toEqual([
      { accountCode: '111100', debitRp: 585_000, creditRp: 0 },
      { accountCode: '111000', debitRp: 0, creditRp: 590_000, tellerId: 'teller-siti' },
      { accountCode: '530000', debitRp: 5_000, creditRp: 0 },
    ]);
    expect(entry.description).toBe(
      'Tutup kasir 2026-12-01: selisih kurang Rp5.000, disetujui Budi Santoso',
    );
  });

  it('given a closing over by Rp2.000, then selisih kas is credited', () => {
    const entry = whenPosted('CashDrawerClosed', closed(592_000, 590_000));
    expect(entry.lines).toContainEqual({ accountCode: '530000', debitRp: 0, creditRp: 2_000 });
    expect(entry.description).toContain('selisih lebih Rp2.000');
  });

  it('given an exact closing, then no selisih line', () => {
    const entry = whenPosted('CashDrawerClosed', closed(590_000, 590_000));
    expect(entry.lines.map((line) => line.accountCode)).toEqual(['111100', '111000']);
    expect(entry.description).toContain('tanpa selisih');
  });

  it('given a drawer that paid out more than it took, then the drawer is brought up to zero', () => {
    const entry = whenPosted('CashDrawerClosed', closed(0, -50_000));
    expect(entry.lines).toEqual([
      { accountCode: '111000', debitRp: 50_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '530000', debitRp: 0, creditRp: 50_000 },
    ]);
  });

  it('books nothing for a count, or for an empty drawer closed with nothing', () => {
    expect(postMemberEvent(envelope('CashDrawerCounted', { ...drawer, countedRp: 1 }))).toBeNull();
    expect(postMemberEvent(envelope('CashDrawerClosed', closed(0, 0)))).toBeNull();
  });

  it('refuses a closing whose difference is not counted − expected', () => {
    expect(() =>
      postMemberEvent(
        envelope('CashDrawerClosed', { ...closed(585_000, 590_000), differenceRp: 0 }),
      ),
    ).toThrow(/differenceRp/);
  });
});
