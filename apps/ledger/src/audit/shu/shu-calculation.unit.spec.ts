import { calculateShu, type ShuInput } from './shu-calculation.js';
import type { MemberShuBasis } from './shu-basis.js';

const input: ShuInput = {
  koperasiId: 'kop-1',
  year: 2025,
  shuRp: 1_000_001,
  jasaUsahaPercent: 25,
  jasaModalPercent: 20,
};

function member(
  memberNo: string,
  transactionsRp: number,
  savingsRp: number,
  eligible = true,
): MemberShuBasis {
  return {
    memberId: `m-${memberNo}`,
    memberNo,
    fullName: `Anggota ${memberNo}`,
    transactionsRp,
    savingsRp,
    eligible,
  };
}

describe('calculateShu', () => {
  it('given an SHU that does not split evenly, then pools and shares are whole rupiah adding up exactly', () => {
    const result = calculateShu(input, [
      member('0001', 100_000, 40_000),
      member('0002', 200_000, 40_000),
      member('0003', 0, 40_000),
    ]);

    expect(result.jasaUsahaPoolRp + result.jasaModalPoolRp + result.notForMembersRp).toBe(
      1_000_001,
    );
    expect(result.jasaUsahaPoolRp).toBe(250_000);
    expect(result.jasaModalPoolRp).toBe(200_000);
    expect(
      result.members.map((share) => [share.memberNo, share.jasaUsahaRp, share.jasaModalRp]),
    ).toEqual([
      ['0001', 83_333, 66_667],
      ['0002', 166_667, 66_667],
      ['0003', 0, 66_666],
    ]);
    expect(result.distributedRp).toBe(450_000);
    expect(result.members.reduce((sum, share) => sum + share.shareRp, 0)).toBe(
      result.distributedRp,
    );
    expect(result.undistributedRp).toBe(0);
  });

  it('given a member who is no longer a member, then they share nothing and their figures are out of the totals', () => {
    const result = calculateShu(input, [
      member('0001', 100_000, 40_000),
      member('0002', 900_000, 900_000, false),
    ]);

    expect(result.members.map((share) => share.memberNo)).toEqual(['0001']);
    expect(result.totalTransactionsRp).toBe(100_000);
    expect(result.members[0].shareRp).toBe(result.jasaUsahaPoolRp + result.jasaModalPoolRp);
  });

  it('given no member transactions in the year, then the jasa usaha pool stays undistributed and is reported so', () => {
    const result = calculateShu(input, [member('0001', 0, 40_000)]);
    expect(result.undistributedRp).toBe(result.jasaUsahaPoolRp);
    expect(result.distributedRp).toBe(result.jasaModalPoolRp);
  });

  it('given percentages over 100 together, or with three decimals, then it refuses', () => {
    expect(() =>
      calculateShu({ ...input, jasaUsahaPercent: 60, jasaModalPercent: 50 }, []),
    ).toThrow('more than 100');
    expect(() => calculateShu({ ...input, jasaUsahaPercent: 12.345 }, [])).toThrow(
      'at most two decimals',
    );
    expect(() => calculateShu({ ...input, shuRp: 0 }, [])).toThrow('positive whole rupiah');
  });
});
