import type { KoperasiSettings } from './koperasi-settings.js';
import type { MemberCommand, RegisterMember } from './member-commands.js';
import { decideMember } from './decide-member.js';
import { memberDecider } from './member-decider.js';
import {
  evolveMemberNumbering,
  numberedRegistration,
  type MemberNumbering,
} from './member-numbering.js';
import { initialMemberState } from './member-state.js';
import type { MemberErrorCode } from './member-error-code.js';
import type { MemberEvent, MemberRegistered } from './member-events.js';

const settings: KoperasiSettings = {
  koperasiId: 'kop-bendan-kergon',
  code: 'KKMP-3375-BK',
  name: 'KKMP Bendan Kergon',
  kelurahan: 'Bendan Kergon',
  kecamatan: 'Pekalongan Barat',
  kotaKabupaten: 'Kota Pekalongan',
  provinsi: 'Jawa Tengah',
  simpananPokokRp: 25_000,
  simpananWajibMonthlyRp: 15_000,
};

const memberId = 'mem-1';
const teller = 'teller-siti';

const register = (overrides: Partial<RegisterMember> = {}): RegisterMember => ({
  type: 'RegisterMember',
  memberId,
  memberNo: 'BK-0001',
  nik: '3375015705850003',
  fullName: 'Sri Wahyuni',
  birthPlace: 'Pekalongan',
  address: 'Jl. Bendan No. 3',
  kelurahan: 'Bendan Kergon',
  phone: '081234567890',
  joinedAt: '2025-07-21T09:15:00+07:00',
  settings,
  ...overrides,
});

const registered: MemberRegistered = {
  type: 'MemberRegistered',
  schemaVersion: 1,
  data: {
    memberId,
    koperasiId: 'kop-bendan-kergon',
    memberNo: 'BK-0001',
    nik: '3375015705850003',
    sex: 'F',
    birthDate: '1985-05-17',
    fullName: 'Sri Wahyuni',
    birthPlace: 'Pekalongan',
    address: 'Jl. Bendan No. 3',
    kelurahan: 'Bendan Kergon',
    phone: '081234567890',
    joinedAt: '2025-07-21T09:15:00+07:00',
    simpananPokokRp: 25_000,
    simpananWajibMonthlyRp: 15_000,
  },
};
const pokokPaid: MemberEvent = {
  type: 'SimpananPokokPaid',
  schemaVersion: 1,
  data: { memberId, amountRp: 25_000, tellerId: teller },
};
const wajibPaid = (...periods: string[]): MemberEvent => ({
  type: 'SimpananWajibPaid',
  schemaVersion: 1,
  data: { memberId, periods, amountRp: periods.length * 15_000, tellerId: teller },
});
const deposited = (amountRp: number): MemberEvent => ({
  type: 'SimpananSukarelaDeposited',
  schemaVersion: 1,
  data: { memberId, amountRp, tellerId: teller },
});
const withdrawn = (amountRp: number): MemberEvent => ({
  type: 'SimpananSukarelaWithdrawn',
  schemaVersion: 1,
  data: { memberId, amountRp, tellerId: teller },
});
const resigned: MemberEvent = {
  type: 'MemberResigned',
  schemaVersion: 1,
  data: {
    memberId,
    resignedAt: '2025-09-01T10:00:00+07:00',
    tellerId: teller,
    pokokPayoutRp: 25_000,
    wajibPayoutRp: 0,
    sukarelaPayoutRp: 0,
    amountRp: 25_000,
  },
};
const active = [registered, pokokPaid];

function given(...history: MemberEvent[]) {
  const state = history.reduce(memberDecider.evolve, memberDecider.initialState());
  return {
    when(command: MemberCommand) {
      const result = memberDecider.decide(command, state);
      return {
        then(expected: MemberEvent[]): void {
          expect(result).toEqual({ ok: true, events: expected });
        },
        thenRefused(code: MemberErrorCode, message?: RegExp): void {
          expect(result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
          if (message && !result.ok) expect(result.error.message).toMatch(message);
        },
      };
    },
  };
}

describe('member decider', () => {
  describe('RegisterMember', () => {
    it("registers a member whose KTP kelurahan is the koperasi's, taking birth date and sex from the NIK", () => {
      given().when(register()).then([registered]);
    });

    it('trims text and records missing optional fields as null', () => {
      given()
        .when(register({ fullName: '  Sri Wahyuni ', birthPlace: undefined, phone: '  ' }))
        .then([{ ...registered, data: { ...registered.data, birthPlace: null, phone: null } }]);
    });

    it('compares kelurahan ignoring case and whitespace', () => {
      given()
        .when(register({ kelurahan: '  BENDAN   kergon ' }))
        .then([{ ...registered, data: { ...registered.data, kelurahan: 'BENDAN   kergon' } }]);
    });

    it('refuses a KTP from another kelurahan', () => {
      given()
        .when(register({ kelurahan: 'Podosugih' }))
        .thenRefused(
          'KELURAHAN_MISMATCH',
          /KTP kelurahan is Podosugih but KKMP Bendan Kergon serves kelurahan Bendan Kergon/,
        );
    });

    it.each([
      ['15 digits', '337501570585003', /15 digits/],
      ['a 31 February birth date', '3375013102990003', /not a real calendar date/],
      ['a zero serial', '3375015705850000', /serial/],
    ])('refuses an NIK with %s', (_, nik, message) => {
      given().when(register({ nik })).thenRefused('INVALID_NIK', message);
    });

    it('resolves the NIK century against the joining date', () => {
      given()
        .when(register({ nik: '3375012207250003', joinedAt: '2025-07-21T09:15:00+07:00' }))
        .then([
          {
            ...registered,
            data: {
              ...registered.data,
              nik: '3375012207250003',
              sex: 'M',
              birthDate: '1925-07-22',
            },
          },
        ]);
    });

    it.each(['memberId', 'memberNo', 'fullName', 'address', 'kelurahan'] as const)(
      'refuses a blank %s',
      (field) => {
        given()
          .when(register({ [field]: ' ' }))
          .thenRefused('INVALID_REGISTRATION', new RegExp(`${field} is required`));
      },
    );

    it.each(['2025-07-21', '2025-07-21T09:15:00', 'today'])(
      'refuses joinedAt %s without a time and offset',
      (joinedAt) => {
        given()
          .when(register({ joinedAt }))
          .thenRefused('INVALID_REGISTRATION', /joinedAt/);
      },
    );

    it.each([0, -25_000, 25_000.5])(
      'refuses settings with a simpanan pokok of %s',
      (simpananPokokRp) => {
        given()
          .when(register({ settings: { ...settings, simpananPokokRp } }))
          .thenRefused('INVALID_SETTINGS');
      },
    );

    it('refuses settings without a valid simpanan wajib', () => {
      given()
        .when(register({ settings: { ...settings, simpananWajibMonthlyRp: 0 } }))
        .thenRefused('INVALID_SETTINGS');
    });

    it('refuses registering the same member twice', () => {
      given(registered).when(register()).thenRefused('MEMBER_ALREADY_REGISTERED');
    });
  });

  describe('PaySimpananPokok', () => {
    const payPokok = (amountRp = 25_000, tellerId = teller): MemberCommand => ({
      type: 'PaySimpananPokok',
      amountRp,
      tellerId,
    });

    it('takes the exact simpanan pokok from a pending member', () => {
      given(registered).when(payPokok()).then([pokokPaid]);
    });

    it('refuses an amount other than the setting', () => {
      given(registered)
        .when(payPokok(20_000))
        .thenRefused('POKOK_AMOUNT_MISMATCH', /Rp25\.000, got Rp20\.000/);
      given(registered).when(payPokok(30_000)).thenRefused('POKOK_AMOUNT_MISMATCH');
    });

    it('refuses paying it a second time', () => {
      given(...active)
        .when(payPokok())
        .thenRefused('POKOK_ALREADY_PAID');
    });

    it('refuses a member who is not registered', () => {
      given().when(payPokok()).thenRefused('MEMBER_NOT_REGISTERED');
    });

    it.each([0, -1, 2.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
      'refuses an amount of %s',
      (amountRp) => {
        given(registered).when(payPokok(amountRp)).thenRefused('INVALID_AMOUNT');
      },
    );

    it('refuses a payment without a teller', () => {
      given(registered).when(payPokok(25_000, '')).thenRefused('TELLER_REQUIRED');
    });
  });

  describe('PaySimpananWajib', () => {
    const payWajib = (periods: string[], amountRp = periods.length * 15_000): MemberCommand => ({
      type: 'PaySimpananWajib',
      periods,
      amountRp,
      tellerId: teller,
    });

    it('takes several months at once, recorded in order', () => {
      given(...active)
        .when(payWajib(['2025-09', '2025-07', '2025-08']))
        .then([wajibPaid('2025-07', '2025-08', '2025-09')]);
    });

    it('takes months ahead of time', () => {
      given(...active)
        .when(payWajib(['2026-12']))
        .then([wajibPaid('2026-12')]);
    });

    it('refuses a member who has not paid simpanan pokok', () => {
      given(registered)
        .when(payWajib(['2025-07']))
        .thenRefused('MEMBER_NOT_ACTIVE');
    });

    it('refuses a month already paid', () => {
      given(...active, wajibPaid('2025-07'))
        .when(payWajib(['2025-08', '2025-07']))
        .thenRefused('WAJIB_PERIOD_ALREADY_PAID', /2025-07/);
    });

    it('refuses a month before the joining month', () => {
      given(...active)
        .when(payWajib(['2025-06', '2025-07']))
        .thenRefused('WAJIB_PERIOD_BEFORE_JOINING', /2025-06/);
    });

    it('refuses a month named twice', () => {
      given(...active)
        .when(payWajib(['2025-07', '2025-07']))
        .thenRefused('WAJIB_DUPLICATE_PERIOD');
    });

    it('refuses no months', () => {
      given(...active)
        .when(payWajib([], 15_000))
        .thenRefused('WAJIB_NO_PERIODS');
    });

    it.each(['2025-7', '2025-13', '07-2025', undefined as unknown as string])(
      'refuses the malformed month %s',
      (period) => {
        given(...active)
          .when(payWajib([period]))
          .thenRefused('INVALID_WAJIB_PERIOD');
      },
    );

    it('refuses a total that is not months x the monthly amount', () => {
      given(...active)
        .when(payWajib(['2025-07', '2025-08'], 15_000))
        .thenRefused('WAJIB_AMOUNT_MISMATCH', /Rp30\.000 \(2 x Rp15\.000\), got Rp15\.000/);
    });

    it('checks the amount against the rate the member joined with', () => {
      const joinedAtLowerRate: MemberRegistered = {
        ...registered,
        data: { ...registered.data, simpananWajibMonthlyRp: 10_000 },
      };
      given(joinedAtLowerRate, pokokPaid)
        .when(payWajib(['2025-07'], 10_000))
        .then([
          {
            type: 'SimpananWajibPaid',
            schemaVersion: 1,
            data: { memberId, periods: ['2025-07'], amountRp: 10_000, tellerId: teller },
          },
        ]);
    });
  });

  describe('DepositSukarela', () => {
    const deposit = (amountRp: number): MemberCommand => ({
      type: 'DepositSukarela',
      amountRp,
      tellerId: teller,
    });

    it('takes any positive amount from an active member', () => {
      given(...active)
        .when(deposit(50_000))
        .then([deposited(50_000)]);
    });

    it('refuses a member who has not paid simpanan pokok', () => {
      given(registered).when(deposit(50_000)).thenRefused('MEMBER_NOT_ACTIVE');
    });

    it('refuses a zero amount', () => {
      given(...active)
        .when(deposit(0))
        .thenRefused('INVALID_AMOUNT');
    });
  });

  describe('WithdrawSukarela', () => {
    const withdraw = (amountRp: number): MemberCommand => ({
      type: 'WithdrawSukarela',
      amountRp,
      tellerId: teller,
    });

    it('pays out up to the whole balance', () => {
      given(...active, deposited(50_000), deposited(20_000), withdrawn(30_000))
        .when(withdraw(40_000))
        .then([withdrawn(40_000)]);
    });

    it('refuses an overdraft', () => {
      given(...active, deposited(50_000), withdrawn(30_000))
        .when(withdraw(20_001))
        .thenRefused('INSUFFICIENT_SUKARELA', /balance is Rp20\.000, cannot withdraw Rp20\.001/);
    });

    it('refuses a withdrawal with no savings at all', () => {
      given(...active)
        .when(withdraw(1))
        .thenRefused('INSUFFICIENT_SUKARELA');
    });

    it('refuses a negative amount rather than treating it as a deposit', () => {
      given(...active, deposited(50_000))
        .when(withdraw(-10_000))
        .thenRefused('INVALID_AMOUNT');
    });
  });

  describe('Resign', () => {
    const resign = (at = '2025-09-01T10:00:00+07:00', tellerId = teller): MemberCommand => ({
      type: 'Resign',
      tellerId,
      at,
    });

    it('pays out pokok, wajib and sukarela balances in one event', () => {
      given(...active, wajibPaid('2025-07', '2025-08'), deposited(50_000), withdrawn(10_000))
        .when(resign())
        .then([
          {
            type: 'MemberResigned',
            schemaVersion: 1,
            data: {
              memberId,
              resignedAt: '2025-09-01T10:00:00+07:00',
              tellerId: teller,
              pokokPayoutRp: 25_000,
              wajibPayoutRp: 30_000,
              sukarelaPayoutRp: 40_000,
              amountRp: 95_000,
            },
          },
        ]);
    });

    it('lets a member who never paid pokok resign with nothing to pay out', () => {
      given(registered)
        .when(resign())
        .then([
          {
            type: 'MemberResigned',
            schemaVersion: 1,
            data: {
              memberId,
              resignedAt: '2025-09-01T10:00:00+07:00',
              tellerId: teller,
              pokokPayoutRp: 0,
              wajibPayoutRp: 0,
              sukarelaPayoutRp: 0,
              amountRp: 0,
            },
          },
        ]);
    });

    it('refuses a resignation before the member joined', () => {
      given(...active)
        .when(resign('2025-07-21T09:14:00+07:00'))
        .thenRefused('INVALID_RESIGNATION_DATE');
    });

    it('refuses a resignation time without an offset', () => {
      given(...active)
        .when(resign('2025-09-01T10:00:00'))
        .thenRefused('INVALID_RESIGNATION_DATE');
    });

    it('refuses a resignation without a teller', () => {
      given(...active)
        .when(resign(undefined, ' '))
        .thenRefused('TELLER_REQUIRED');
    });

    it('refuses a member who is not registered', () => {
      given().when(resign()).thenRefused('MEMBER_NOT_REGISTERED');
    });
  });

  describe('after resignation', () => {
    it.each<MemberCommand>([
      register(),
      { type: 'PaySimpananPokok', amountRp: 25_000, tellerId: teller },
      { type: 'PaySimpananWajib', periods: ['2025-09'], amountRp: 15_000, tellerId: teller },
      { type: 'DepositSukarela', amountRp: 10_000, tellerId: teller },
      { type: 'WithdrawSukarela', amountRp: 10_000, tellerId: teller },
      { type: 'Resign', tellerId: teller, at: '2025-10-01T10:00:00+07:00' },
    ])('refuses $type', (command) => {
      given(...active, resigned)
        .when(command)
        .thenRefused('MEMBER_RESIGNED');
    });
  });

  describe('evolve', () => {
    it('builds the balances and status the decisions rely on', () => {
      const state = [
        ...active,
        wajibPaid('2025-08'),
        wajibPaid('2025-07'),
        deposited(50_000),
        withdrawn(5_000),
      ].reduce(memberDecider.evolve, memberDecider.initialState());
      expect(state).toEqual({
        status: 'ACTIVE',
        memberId,
        koperasiId: 'kop-bendan-kergon',
        joinedAt: '2025-07-21T09:15:00+07:00',
        joinedMonth: '2025-07',
        rates: { simpananPokokRp: 25_000, simpananWajibMonthlyRp: 15_000 },
        pokokBalanceRp: 25_000,
        wajibBalanceRp: 30_000,
        wajibPaidMonths: ['2025-07', '2025-08'],
        sukarelaBalanceRp: 45_000,
      });
    });

    it('empties the balances on resignation', () => {
      const state = [...active, deposited(50_000), resigned].reduce(
        memberDecider.evolve,
        memberDecider.initialState(),
      );
      expect(state).toMatchObject({
        status: 'RESIGNED',
        pokokBalanceRp: 0,
        wajibBalanceRp: 0,
        sukarelaBalanceRp: 0,
      });
    });

    it('throws on a stream that does not start with a registration, which only corruption produces', () => {
      expect(() => memberDecider.evolve(memberDecider.initialState(), pokokPaid)).toThrow(
        /before MemberRegistered/,
      );
    });
  });

  it('given a koperasi at number 41, when two members register in turn, then they get 000041 and 000042', () => {
    let numbering: MemberNumbering = { settings, nextSeq: 41 };
    const numbers: string[] = [];
    for (const [id, nik] of [
      ['mem-1', '3375015705850003'],
      ['mem-2', '3375015705850004'],
    ]) {
      const {
        memberNo: _memberNo,
        settings: _settings,
        ...order
      } = register({ memberId: id, nik });
      const decision = decideMember(
        numberedRegistration(order, settings, numbering),
        initialMemberState,
      );
      if (!decision.ok) throw new Error(decision.error.message);
      const [event] = decision.events;
      numbers.push(event.type === 'MemberRegistered' ? event.data.memberNo : '');
      numbering = decision.events.reduce(evolveMemberNumbering, numbering);
    }
    expect(numbers).toEqual(['KKMP-3375-BK-000041', 'KKMP-3375-BK-000042']);
    expect(numbering.nextSeq).toBe(43);
  });
});
