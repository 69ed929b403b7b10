import { allocateByLargestRemainder } from './largest-remainder.js';
import type { MemberShuBasis } from './shu-basis.js';

export interface ShuInput {
  koperasiId: string;
  year: number;
  /** The surplus the members' meeting decided to share from, in whole rupiah. */
  shuRp: number;
  /** Percent of the SHU shared by members' transactions; up to two decimals. */
  jasaUsahaPercent: number;
  /** Percent of the SHU shared by members' savings; up to two decimals. */
  jasaModalPercent: number;
}

export interface MemberShare {
  memberId: string;
  memberNo: string;
  fullName: string;
  transactionsRp: number;
  savingsRp: number;
  jasaUsahaRp: number;
  jasaModalRp: number;
  shareRp: number;
}

export interface ShuCalculation extends ShuInput {
  /** The SHU split into the two pools and what stays with the koperasi (reserves and other uses). */
  jasaUsahaPoolRp: number;
  jasaModalPoolRp: number;
  notForMembersRp: number;
  totalTransactionsRp: number;
  totalSavingsRp: number;
  /** The sum of every member's share: the two pools, unless a pool had nobody to go to. */
  distributedRp: number;
  /** A pool with no transactions or no savings among members to share it by. */
  undistributedRp: number;
  members: MemberShare[];
  definitions: Record<'transactions' | 'savings' | 'members' | 'rounding', string>;
}

export const SHU_DEFINITIONS: ShuCalculation['definitions'] = {
  transactions:
    "the rupiah the member paid in at the counter during the financial year (simpanan pokok, wajib and sukarela deposits), from the members events; PPOB payments and loan installments are taken from the public and carry no member, so they are not a member's business",
  savings:
    "simpanan pokok + simpanan wajib held at the end of the financial year (the member's capital); sukarela is a withdrawable deposit, not capital",
  members:
    'members at the end of the financial year: registered, simpanan pokok paid, not resigned; only their transactions and savings make up the totals',
  rounding:
    'each pool (and the SHU into pools) is split in whole rupiah by largest remainder: everyone takes the floor of their exact share and the rupiah left over go one each to the largest remainders, ties to the lower member number, so the shares add up exactly to the pool',
};

const BASIS_POINTS_PER_WHOLE = 10_000;

/** An SHU input that cannot be right (percentages over 100 together, a zero amount): a 400, or exit 2 on the CLI. */
export class ShuInputError extends Error {
  override readonly name = 'ShuInputError';
}

/**
 * SHU per member (DOMAIN.md): transactions / all transactions x jasa usaha % x SHU + savings / all savings x
 * jasa modal % x SHU, in whole rupiah that add up exactly to what is distributed.
 */
export function calculateShu(input: ShuInput, bases: readonly MemberShuBasis[]): ShuCalculation {
  const usahaBp = basisPoints('jasaUsahaPercent', input.jasaUsahaPercent);
  const modalBp = basisPoints('jasaModalPercent', input.jasaModalPercent);
  if (usahaBp + modalBp > BASIS_POINTS_PER_WHOLE)
    throw new ShuInputError('jasaUsahaPercent + jasaModalPercent is more than 100');
  if (!Number.isSafeInteger(input.shuRp) || input.shuRp <= 0)
    throw new ShuInputError(`shuRp ${input.shuRp} is not a positive whole rupiah amount`);

  const pools = allocateByLargestRemainder(input.shuRp, [
    { key: 'usaha', weight: usahaBp, rank: '1' },
    { key: 'modal', weight: modalBp, rank: '2' },
    { key: 'koperasi', weight: BASIS_POINTS_PER_WHOLE - usahaBp - modalBp, rank: '3' },
  ]);
  const jasaUsahaPoolRp = pools.get('usaha')!;
  const jasaModalPoolRp = pools.get('modal')!;
  const members = bases
    .filter((basis) => basis.eligible)
    .sort((a, b) =>
      a.memberNo < b.memberNo ? -1 : a.memberNo > b.memberNo ? 1 : a.memberId < b.memberId ? -1 : 1,
    );
  const rank = (basis: MemberShuBasis) => `${basis.memberNo}\u0000${basis.memberId}`;
  const usaha = allocateByLargestRemainder(
    jasaUsahaPoolRp,
    members.map((basis) => ({
      key: basis.memberId,
      weight: basis.transactionsRp,
      rank: rank(basis),
    })),
  );
  const modal = allocateByLargestRemainder(
    jasaModalPoolRp,
    members.map((basis) => ({ key: basis.memberId, weight: basis.savingsRp, rank: rank(basis) })),
  );
  const shares = members.map((basis): MemberShare => {
    const jasaUsahaRp = usaha.get(basis.memberId)!;
    const jasaModalRp = modal.get(basis.memberId)!;
    return { ...pick(basis), jasaUsahaRp, jasaModalRp, shareRp: jasaUsahaRp + jasaModalRp };
  });
  const totalTransactionsRp = members.reduce((sum, basis) => sum + basis.transactionsRp, 0);
  const totalSavingsRp = members.reduce((sum, basis) => sum + basis.savingsRp, 0);
  const distributedRp = shares.reduce((sum, share) => sum + share.shareRp, 0);
  return {
    ...input,
    jasaUsahaPoolRp,
    jasaModalPoolRp,
    notForMembersRp: pools.get('koperasi')!,
    totalTransactionsRp,
    totalSavingsRp,
    distributedRp,
    undistributedRp: jasaUsahaPoolRp + jasaModalPoolRp - distributedRp,
    members: shares,
    definitions: SHU_DEFINITIONS,
  };
}

function pick(
  basis: MemberShuBasis,
): Pick<MemberShare, 'memberId' | 'memberNo' | 'fullName' | 'transactionsRp' | 'savingsRp'> {
  return {
    memberId: basis.memberId,
    memberNo: basis.memberNo,
    fullName: basis.fullName,
    transactionsRp: basis.transactionsRp,
    savingsRp: basis.savingsRp,
  };
}

/** 12.5 -> 1250; a percentage with more than two decimals is refused rather than rounded. */
function basisPoints(field: string, percent: number): number {
  const points = Math.round(percent * 100);
  if (
    !Number.isFinite(percent) ||
    percent < 0 ||
    percent > 100 ||
    Math.abs(points - percent * 100) > 1e-6
  ) {
    throw new ShuInputError(
      `${field} ${percent} is not a percentage from 0 to 100 with at most two decimals`,
    );
  }
  return points;
}
