import type { MemberShuBasis } from '../audit/shu/shu-basis.js';
import { distributeShu } from './distribute-shu.js';
import { parseShuAllocation, type ShuAllocation } from './shu-allocation.js';

const allocation: ShuAllocation = {
  cadanganPercent: 25,
  jasaModalPercent: 20,
  jasaUsahaPercent: 30,
  others: [
    { name: 'Dana pengurus', percent: 10 },
    { name: 'Dana pendidikan', percent: 7.5 },
    { name: 'Dana sosial', percent: 7.5 },
  ],
};

function member(memberNo: string, transactionsRp: number, savingsRp: number): MemberShuBasis {
  return {
    memberId: `m-${memberNo}`,
    memberNo,
    fullName: `Anggota ${memberNo}`,
    transactionsRp,
    savingsRp,
    eligible: true,
  };
}

describe('parseShuAllocation', () => {
  it('given percentages that add up to 100, then it takes them', () => {
    expect(parseShuAllocation(allocation)).toEqual({ ok: true, allocation });
  });

  it('given percentages that do not add up to 100, a third decimal or a nameless pos, then it says each in words', () => {
    const parsed = parseShuAllocation({
      cadanganPercent: 25,
      jasaModalPercent: 20.125,
      jasaUsahaPercent: 30,
      others: [{ name: ' ', percent: 5 }],
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'jasaModalPercent harus persen 0 sampai 100 dengan paling banyak dua angka desimal',
      'others[0].name harus diisi, paling panjang 60 huruf',
    ]);
    const short = parseShuAllocation({ ...allocation, cadanganPercent: 24 });
    expect(short.ok ? [] : short.problems).toEqual(['jumlah persentase harus tepat 100, bukan 99']);
  });
});

describe('distributeShu', () => {
  it('given a surplus that does not divide evenly, then the pools and the members add up to it to the rupiah', () => {
    const result = distributeShu('kop-1', 2026, 1_000_003, allocation, [
      member('0001', 100_000, 40_000),
      member('0002', 200_000, 40_000),
      member('0003', 1, 40_001),
    ]);
    expect(result.pools.reduce((sum, pool) => sum + pool.amountRp, 0)).toBe(1_000_003);
    expect(result.pools.map((pool) => [pool.name, pool.amountRp])).toEqual([
      ['Jasa usaha anggota', 300_001],
      ['Jasa modal anggota', 200_001],
      ['Cadangan', 250_001],
      ['Dana pengurus', 100_000],
      ['Dana pendidikan', 75_000],
      ['Dana sosial', 75_000],
    ]);
    expect(result.members.reduce((sum, share) => sum + share.jasaUsahaRp, 0)).toBe(300_001);
    expect(result.members.reduce((sum, share) => sum + share.jasaModalRp, 0)).toBe(200_001);
    expect(result.distributedRp).toBe(500_002);
  });
});
