import { evolveMember } from './evolve-member.js';
import type { MemberEvent } from './member-events.js';
import { initialMemberState } from './member-state.js';
import { wajibArrears } from './wajib-arrears.js';

const memberId = 'mem-1';
const history = (...events: MemberEvent[]) => events.reduce(evolveMember, initialMemberState);
const registered: MemberEvent = {
  type: 'MemberRegistered',
  schemaVersion: 1,
  data: {
    memberId,
    koperasiId: 'kop-1',
    memberNo: 'BK-0001',
    nik: '3375011705850003',
    sex: 'M',
    birthDate: '1985-05-17',
    fullName: 'Budi Santoso',
    birthPlace: null,
    address: 'Jl. Bendan No. 4',
    kelurahan: 'Bendan Kergon',
    phone: null,
    joinedAt: '2025-10-30T16:00:00+07:00',
    simpananPokokRp: 25_000,
    simpananWajibMonthlyRp: 15_000,
  },
};
const pokokPaid: MemberEvent = {
  type: 'SimpananPokokPaid',
  schemaVersion: 1,
  data: { memberId, amountRp: 25_000, tellerId: 't' },
};
const wajibPaid = (...periods: string[]): MemberEvent => ({
  type: 'SimpananWajibPaid',
  schemaVersion: 1,
  data: { memberId, periods, amountRp: periods.length * 15_000, tellerId: 't' },
});

describe('wajibArrears', () => {
  it('given nothing paid, lists every month from joining to now, both included, across the year end', () => {
    expect(wajibArrears(history(registered, pokokPaid), '2026-01', 15_000)).toEqual({
      months: ['2025-10', '2025-11', '2025-12', '2026-01'],
      amountRp: 60_000,
    });
  });

  it('given some months paid, skips them, including months paid ahead', () => {
    const state = history(
      registered,
      pokokPaid,
      wajibPaid('2025-11'),
      wajibPaid('2026-01', '2026-02'),
    );
    expect(wajibArrears(state, '2026-01', 15_000)).toEqual({
      months: ['2025-10', '2025-12'],
      amountRp: 30_000,
    });
  });

  it('prices the arrears at the rate it is given', () => {
    expect(wajibArrears(history(registered, pokokPaid), '2025-11', 20_000)).toEqual({
      months: ['2025-10', '2025-11'],
      amountRp: 40_000,
    });
  });

  it('given a member still waiting to pay pokok, counts from the joining month all the same', () => {
    expect(wajibArrears(history(registered), '2025-10', 15_000)).toEqual({
      months: ['2025-10'],
      amountRp: 15_000,
    });
  });

  it('given all months paid, or a month before joining, owes nothing', () => {
    expect(
      wajibArrears(history(registered, pokokPaid, wajibPaid('2025-10')), '2025-10', 15_000),
    ).toEqual({
      months: [],
      amountRp: 0,
    });
    expect(wajibArrears(history(registered, pokokPaid), '2025-09', 15_000)).toEqual({
      months: [],
      amountRp: 0,
    });
  });

  it('given no member or a resigned one, owes nothing', () => {
    const resigned: MemberEvent = {
      type: 'MemberResigned',
      schemaVersion: 1,
      data: {
        memberId,
        resignedAt: '2025-12-01T10:00:00+07:00',
        tellerId: 't',
        pokokPayoutRp: 25_000,
        wajibPayoutRp: 0,
        sukarelaPayoutRp: 0,
        amountRp: 25_000,
      },
    };
    expect(wajibArrears(initialMemberState, '2026-01', 15_000)).toEqual({
      months: [],
      amountRp: 0,
    });
    expect(wajibArrears(history(registered, pokokPaid, resigned), '2026-01', 15_000)).toEqual({
      months: [],
      amountRp: 0,
    });
  });

  it('throws on a malformed month or rate, which only a programming error can pass', () => {
    expect(() => wajibArrears(history(registered), '2026-1', 15_000)).toThrow(RangeError);
    expect(() => wajibArrears(history(registered), '2026-01', 0)).toThrow(RangeError);
  });
});
