import { randomUUID } from 'node:crypto';
import { EventStoreSchema1790000000000 } from '@koperasi/eventstore';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { writeHistory, type HistoryEvent } from '../../../../test/bench/history-generator.js';
import { computeShu, verifyStores } from '../../src/audit/index.js';

const KOPERASI = 'kop-gedawang';
const OTHER_KOPERASI = 'kop-tegalsari';
const TELLER = 'teller-1';

/** One member's stream, written with the times of a past year. */
class Member {
  readonly memberId = randomUUID();
  constructor(
    readonly memberNo: string,
    readonly fullName: string,
    private readonly koperasiId = KOPERASI,
  ) {}

  registered(at: string): HistoryEvent {
    return this.event('MemberRegistered', at, {
      memberId: this.memberId,
      koperasiId: this.koperasiId,
      memberNo: this.memberNo,
      fullName: this.fullName,
      simpananPokokRp: 25_000,
      simpananWajibMonthlyRp: 15_000,
    });
  }

  pokok(at: string, amountRp = 25_000): HistoryEvent {
    return this.event('SimpananPokokPaid', at, {
      memberId: this.memberId,
      amountRp,
      tellerId: TELLER,
    });
  }

  wajib(at: string, periods: string[]): HistoryEvent {
    return this.event('SimpananWajibPaid', at, {
      memberId: this.memberId,
      amountRp: 15_000 * periods.length,
      tellerId: TELLER,
      periods,
    });
  }

  sukarela(at: string, amountRp: number): HistoryEvent {
    return this.event('SimpananSukarelaDeposited', at, {
      memberId: this.memberId,
      amountRp,
      tellerId: TELLER,
    });
  }

  withdraw(at: string, amountRp: number): HistoryEvent {
    return this.event('SimpananSukarelaWithdrawn', at, {
      memberId: this.memberId,
      amountRp,
      tellerId: TELLER,
    });
  }

  resigned(at: string, pokokPayoutRp: number, wajibPayoutRp: number): HistoryEvent {
    return this.event('MemberResigned', at, {
      memberId: this.memberId,
      tellerId: TELLER,
      resignedAt: at,
      pokokPayoutRp,
      wajibPayoutRp,
      sukarelaPayoutRp: 0,
      amountRp: pokokPayoutRp + wajibPayoutRp,
    });
  }

  private event(type: string, at: string, data: unknown): HistoryEvent {
    return {
      service: 'members',
      streamId: `member-${this.memberId}`,
      type,
      data,
      koperasiId: this.koperasiId,
      actor: TELLER,
      occurredAt: new Date(at).toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
    };
  }
}

const months = (from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, index) => `2025-${String(from + index).padStart(2, '0')}`,
  );

describe('audit SHU: the surplus shared by transactions and savings, from the members history', () => {
  let store: TestDatabase;
  const ani = new Member('0001', 'Ani Lestari');
  const budi = new Member('0002', 'Budi Santoso');
  const citra = new Member('0003', 'Citra Wahyuni');
  const dodi = new Member('0004', 'Dodi Prasetyo');
  const eka = new Member('0005', 'Eka Kurniawan');
  const fajar = new Member('0006', 'Fajar Setiawan');
  const outsider = new Member('0001', 'Gita of another koperasi', OTHER_KOPERASI);

  beforeAll(async () => {
    store = await createTestDatabase('audit_shu', [EventStoreSchema1790000000000]);
    await writeHistory({ members: store.url }, [
      // Ani joined the year before: her pokok is savings at year end, but not a 2025 transaction.
      ani.registered('2024-12-15T10:00:00+07:00'),
      ani.pokok('2024-12-15T10:05:00+07:00'),
      ani.wajib('2025-01-15T09:00:00+07:00', months(1, 12)),
      ani.sukarela('2025-05-10T11:00:00+07:00', 400_000),
      // The last millisecond of 2025 in WIB counts; the first instant of 2026 in WIB does not.
      ani.sukarela('2025-12-31T23:59:59.999+07:00', 100_000),
      ani.sukarela('2026-01-01T00:00:00+07:00', 300_000),
      budi.registered('2025-03-02T08:30:00+07:00'),
      budi.pokok('2025-03-02T08:31:00+07:00'),
      budi.wajib('2025-03-02T08:32:00+07:00', months(3, 12)),
      citra.registered('2025-06-01T10:00:00+07:00'),
      citra.pokok('2025-06-01T10:01:00+07:00'),
      citra.wajib('2025-06-01T10:02:00+07:00', months(6, 8)),
      citra.sukarela('2025-07-01T10:00:00+07:00', 1_000_000),
      // A withdrawal is not business with the koperasi: Citra's transactions stay at her deposits.
      citra.withdraw('2025-09-01T10:00:00+07:00', 400_000),
      // Dodi resigned in November: no longer a member at year end.
      dodi.registered('2025-02-01T10:00:00+07:00'),
      dodi.pokok('2025-02-01T10:01:00+07:00'),
      dodi.wajib('2025-03-01T10:00:00+07:00', months(2, 5)),
      dodi.resigned('2025-11-01T10:00:00+07:00', 25_000, 60_000),
      // Eka registered and paid at 00:30 WIB on 1 January 2026, still 31 December in UTC.
      eka.registered('2026-01-01T00:30:00+07:00'),
      eka.pokok('2026-01-01T00:31:00+07:00'),
      // Fajar registered but never paid pokok: not yet a member.
      fajar.registered('2025-12-20T10:00:00+07:00'),
      outsider.registered('2025-01-01T10:00:00+07:00'),
      outsider.pokok('2025-01-01T10:01:00+07:00', 5_000_000),
    ]);
  });

  afterAll(async () => {
    await store?.drop();
  });

  it('given a small year worked out by hand, when the SHU is computed, then every share matches to the rupiah and they add up to what is distributed', async () => {
    // Pages of 4 events: the read goes past positions 9 and 10, where an order by text would go wrong.
    const result = await computeShu({
      membersDatabaseUrl: store.url,
      koperasiId: KOPERASI,
      year: 2025,
      shuRp: 10_000_000,
      jasaUsahaPercent: 40,
      jasaModalPercent: 30,
      pageSize: 4,
    });

    // Transactions: Ani 180,000 + 400,000 + 100,000; Budi 25,000 + 150,000; Citra 25,000 + 45,000 + 1,000,000.
    // Savings (pokok + wajib at year end): Ani 205,000; Budi 175,000; Citra 70,000.
    expect(
      result.members.map(({ memberNo, transactionsRp, savingsRp }) => ({
        memberNo,
        transactionsRp,
        savingsRp,
      })),
    ).toEqual([
      { memberNo: '0001', transactionsRp: 680_000, savingsRp: 205_000 },
      { memberNo: '0002', transactionsRp: 175_000, savingsRp: 175_000 },
      { memberNo: '0003', transactionsRp: 1_070_000, savingsRp: 70_000 },
    ]);
    expect(result.jasaUsahaPoolRp).toBe(4_000_000);
    expect(result.jasaModalPoolRp).toBe(3_000_000);
    expect(result.notForMembersRp).toBe(3_000_000);
    // Jasa usaha, 4,000,000 x t / 1,925,000: 1,412,987.01 / 363,636.36 / 2,223,376.62; the one rupiah left goes to
    // Citra's .62. Jasa modal, 3,000,000 x s / 450,000: all three end in .67; the two rupiah left go to the
    // lowest member numbers, Ani and Budi.
    expect(
      result.members.map(({ memberNo, jasaUsahaRp, jasaModalRp, shareRp }) => ({
        memberNo,
        jasaUsahaRp,
        jasaModalRp,
        shareRp,
      })),
    ).toEqual([
      { memberNo: '0001', jasaUsahaRp: 1_412_987, jasaModalRp: 1_366_667, shareRp: 2_779_654 },
      { memberNo: '0002', jasaUsahaRp: 363_636, jasaModalRp: 1_166_667, shareRp: 1_530_303 },
      { memberNo: '0003', jasaUsahaRp: 2_223_377, jasaModalRp: 466_666, shareRp: 2_690_043 },
    ]);
    expect(result.distributedRp).toBe(7_000_000);
    expect(result.members.reduce((sum, share) => sum + share.shareRp, 0)).toBe(7_000_000);
    expect(result.undistributedRp).toBe(0);
    expect(result.members[0].fullName).toBe('Ani Lestari');
  });

  it("given the next year, then Eka (joined 00:30 WIB on 1 January) is a member and Ani's New Year deposit is her only transaction", async () => {
    const result = await computeShu({
      membersDatabaseUrl: store.url,
      koperasiId: KOPERASI,
      year: 2026,
      shuRp: 1_000,
      jasaUsahaPercent: 50,
      jasaModalPercent: 50,
    });

    const byNo = Object.fromEntries(result.members.map((share) => [share.memberNo, share]));
    expect(Object.keys(byNo)).toEqual(['0001', '0002', '0003', '0005']);
    expect(byNo['0001'].transactionsRp).toBe(300_000);
    expect(byNo['0005'].transactionsRp).toBe(25_000);
    expect(result.distributedRp).toBe(1_000);
  });

  it('given the members history the SHU was computed from, then its hash chains verify', async () => {
    const result = await verifyStores({
      stores: [{ service: 'members', databaseUrl: store.url, topic: '' }],
    });
    expect(result.ok).toBe(true);
  });
});
