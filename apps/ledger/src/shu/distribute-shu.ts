import { allocateByLargestRemainder } from '../audit/shu/largest-remainder.js';
import type { MemberShuBasis } from '../audit/shu/shu-basis.js';
import { calculateShu, type MemberShare } from '../audit/shu/shu-calculation.js';
import { basisPointsOf, type ShuAllocation } from './shu-allocation.js';

export interface ShuPool {
  key: 'cadangan' | 'jasaModal' | 'jasaUsaha' | 'other';
  name: string;
  percent: number;
  amountRp: number;
}

export interface ShuDistribution {
  koperasiId: string;
  year: number;
  /** The year's surplus from the laporan hasil usaha: what is divided. */
  surplusRp: number;
  allocation: ShuAllocation;
  pools: ShuPool[];
  members: MemberShare[];
  totalTransactionsRp: number;
  totalSavingsRp: number;
  /** The sum of every member's share. */
  distributedRp: number;
  /** A members' pool with no transactions or no savings among members to share it by; stays with the koperasi. */
  undistributedRp: number;
  definitions: Record<string, string>;
}

/**
 * The year's surplus divided as the AD/ART says: the members' two pools shared by transactions and by savings
 * (calculateShu), and what stays with the koperasi split between the reserve and the other uses, each in whole
 * rupiah by largest remainder so every figure adds up exactly to the surplus.
 */
export function distributeShu(
  koperasiId: string,
  year: number,
  surplusRp: number,
  allocation: ShuAllocation,
  bases: readonly MemberShuBasis[],
): ShuDistribution {
  const shares = calculateShu(
    {
      koperasiId,
      year,
      shuRp: surplusRp,
      jasaUsahaPercent: allocation.jasaUsahaPercent,
      jasaModalPercent: allocation.jasaModalPercent,
    },
    bases,
  );
  const koperasiUses = [
    { key: 'cadangan' as const, name: 'Cadangan', percent: allocation.cadanganPercent },
    ...allocation.others.map((other) => ({
      key: 'other' as const,
      name: other.name,
      percent: other.percent,
    })),
  ];
  const split = allocateByLargestRemainder(
    shares.notForMembersRp,
    koperasiUses.map((use, index) => ({
      key: index,
      weight: basisPointsOf(use.percent)!,
      rank: String(index).padStart(2, '0'),
    })),
  );
  return {
    koperasiId,
    year,
    surplusRp,
    allocation,
    pools: [
      {
        key: 'jasaUsaha',
        name: 'Jasa usaha anggota',
        percent: allocation.jasaUsahaPercent,
        amountRp: shares.jasaUsahaPoolRp,
      },
      {
        key: 'jasaModal',
        name: 'Jasa modal anggota',
        percent: allocation.jasaModalPercent,
        amountRp: shares.jasaModalPoolRp,
      },
      ...koperasiUses.map((use, index) => ({ ...use, amountRp: split.get(index)! })),
    ],
    members: shares.members,
    totalTransactionsRp: shares.totalTransactionsRp,
    totalSavingsRp: shares.totalSavingsRp,
    distributedRp: shares.distributedRp,
    undistributedRp: shares.undistributedRp,
    definitions: shares.definitions,
  };
}
