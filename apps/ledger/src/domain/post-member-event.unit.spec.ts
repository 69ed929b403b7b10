import type { EventEnvelope } from '@koperasi/contracts';
import { balanceCheck } from './journal-entry.js';
import { postMemberEvent } from './post-member-event.js';

const envelope = (type: string, data: unknown, schemaVersion = 1): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion,
  streamId: 'member-mem-1',
  streamVersion: 2,
  koperasiId: 'kop-bendan-kergon',
  occurredAt: '2025-07-21T09:20:00+07:00',
  actor: 'teller-siti',
  correlationId: 'corr-1',
  causationId: null,
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});
const money = (amountRp: number) => ({ memberId: 'mem-1', amountRp, tellerId: 'teller-siti' });
const payout = (pokokPayoutRp: number, wajibPayoutRp: number, sukarelaPayoutRp: number) => ({
  memberId: 'mem-1',
  tellerId: 'teller-siti',
  resignedAt: '2025-09-01T10:00:00+07:00',
  pokokPayoutRp,
  wajibPayoutRp,
  sukarelaPayoutRp,
  amountRp: pokokPayoutRp + wajibPayoutRp + sukarelaPayoutRp,
});

function whenPosted(type: string, data: unknown) {
  const entry = postMemberEvent(envelope(type, data));
  if (!entry) throw new Error(`${type} posted nothing`);
  expect(balanceCheck(entry).ok).toBe(true);
  return entry;
}

describe('postMemberEvent', () => {
  it("given simpanan pokok paid, then Dr Kas in the teller's drawer / Cr simpanan pokok of the member", () => {
    expect(whenPosted('SimpananPokokPaid', money(25_000))).toEqual({
      sourceEventId: 'evt-SimpananPokokPaid',
      koperasiId: 'kop-bendan-kergon',
      occurredAt: '2025-07-21T09:20:00+07:00',
      description: 'Setoran simpanan pokok',
      lines: [
        { accountCode: '111000', debitRp: 25_000, creditRp: 0, tellerId: 'teller-siti' },
        { accountCode: '310000', debitRp: 0, creditRp: 25_000, memberId: 'mem-1' },
      ],
      trace: {
        service: 'members',
        eventType: 'SimpananPokokPaid',
        streamId: 'member-mem-1',
        streamVersion: 2,
        actor: 'teller-siti',
        correlationId: 'corr-1',
        causationId: null,
      },
    });
  });

  it('given simpanan wajib paid, then Dr Kas / Cr simpanan wajib, naming the months', () => {
    const entry = whenPosted('SimpananWajibPaid', {
      ...money(30_000),
      periods: ['2025-07', '2025-08'],
    });
    expect(entry.description).toBe('Setoran simpanan wajib 2025-07, 2025-08');
    expect(entry.lines).toEqual([
      { accountCode: '111000', debitRp: 30_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '320000', debitRp: 0, creditRp: 30_000, memberId: 'mem-1' },
    ]);
  });

  it('given a sukarela deposit, then Dr Kas / Cr simpanan sukarela', () => {
    expect(whenPosted('SimpananSukarelaDeposited', money(50_000)).lines).toEqual([
      { accountCode: '111000', debitRp: 50_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '211000', debitRp: 0, creditRp: 50_000, memberId: 'mem-1' },
    ]);
  });

  it('given a sukarela withdrawal, then Dr simpanan sukarela / Cr Kas', () => {
    expect(whenPosted('SimpananSukarelaWithdrawn', money(40_000)).lines).toEqual([
      { accountCode: '211000', debitRp: 40_000, creditRp: 0, memberId: 'mem-1' },
      { accountCode: '111000', debitRp: 0, creditRp: 40_000, tellerId: 'teller-siti' },
    ]);
  });

  it('given a resignation, then each savings account is debited and Kas credited with the whole payout', () => {
    const entry = whenPosted('MemberResigned', payout(25_000, 30_000, 40_000));
    expect(entry.description).toBe('Pengembalian simpanan anggota keluar');
    expect(entry.lines).toEqual([
      { accountCode: '310000', debitRp: 25_000, creditRp: 0, memberId: 'mem-1' },
      { accountCode: '320000', debitRp: 30_000, creditRp: 0, memberId: 'mem-1' },
      { accountCode: '211000', debitRp: 40_000, creditRp: 0, memberId: 'mem-1' },
      { accountCode: '111000', debitRp: 0, creditRp: 95_000, tellerId: 'teller-siti' },
    ]);
  });

  it('given a resignation with only pokok to return, then only the accounts with money get a line', () => {
    expect(whenPosted('MemberResigned', payout(25_000, 0, 0)).lines).toEqual([
      { accountCode: '310000', debitRp: 25_000, creditRp: 0, memberId: 'mem-1' },
      { accountCode: '111000', debitRp: 0, creditRp: 25_000, tellerId: 'teller-siti' },
    ]);
  });

  it('given a resignation with nothing to pay out, then nothing is posted', () => {
    expect(postMemberEvent(envelope('MemberResigned', payout(0, 0, 0)))).toBeNull();
  });

  it.each(['MemberRegistered', 'SomethingNew'])(
    'given %s, which moves no money, then nothing is posted',
    (type) => {
      expect(postMemberEvent(envelope(type, { memberId: 'mem-1' }))).toBeNull();
    },
  );

  describe('given a money event that does not hold together, then it throws for the dead-letter topic', () => {
    it.each([
      ['a fractional amount', 'SimpananSukarelaDeposited', money(10.5), /amountRp 10.5/],
      ['a zero amount', 'SimpananPokokPaid', money(0), /amountRp 0/],
      [
        'an amount as text',
        'SimpananPokokPaid',
        { ...money(1), amountRp: '25000' },
        /amountRp 25000/,
      ],
      [
        'no teller',
        'SimpananSukarelaWithdrawn',
        { memberId: 'mem-1', amountRp: 5 },
        /tellerId is missing/,
      ],
      [
        'no member',
        'SimpananSukarelaDeposited',
        { amountRp: 5, tellerId: 't' },
        /memberId is missing/,
      ],
      ['no wajib months', 'SimpananWajibPaid', money(15_000), /periods/],
      ['a negative payout', 'MemberResigned', payout(25_000, -5, 5), /wajibPayoutRp -5/],
      [
        'a total that is not the sum',
        'MemberResigned',
        { ...payout(25_000, 0, 0), amountRp: 20_000 },
        /not the sum/,
      ],
      ['no data', 'SimpananPokokPaid', null, /data is not an object/],
    ])('%s', (_, type, data, message) => {
      expect(() => postMemberEvent(envelope(type, data))).toThrow(message);
    });

    it('an unknown schema version', () => {
      expect(() => postMemberEvent(envelope('SimpananPokokPaid', money(25_000), 2))).toThrow(
        /schema version 2/,
      );
    });
  });
});
