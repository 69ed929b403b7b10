import type { LoanProduct } from '@koperasi/contracts';
import { formatRupiah, isPositiveRupiah, type DomainError } from '@koperasi/domain';
import type { LoanErrorCode } from './loan-error-code.js';

export type FeeMode = 'BANK_PAYS' | 'NETTED';

/** A fixed rupiah amount per installment, or a share of the amount in basis points (1 bp = 0.01%). */
export type FeeRule = { kind: 'FIXED'; feeRp: number } | { kind: 'PERCENT'; basisPoints: number };

/** What a koperasi agreed with the bank for one product. */
export interface CollectionAgreement {
  product: LoanProduct;
  fee: FeeRule;
  partialAllowed: boolean;
  feeMode: FeeMode;
}

export const LOAN_PRODUCTS: readonly LoanProduct[] = ['KUR', 'KUPEDES'];

/**
 * Our defaults for a koperasi that has set nothing: KUR pays a flat Rp2.500 per installment, the bank pays it
 * and only whole installments are taken; Kupedes pays 0.50% of the amount, netted from the remittance, and
 * partial payments are taken.
 */
export const DEFAULT_AGREEMENTS: Record<LoanProduct, CollectionAgreement> = {
  KUR: {
    product: 'KUR',
    fee: { kind: 'FIXED', feeRp: 2_500 },
    partialAllowed: false,
    feeMode: 'BANK_PAYS',
  },
  KUPEDES: {
    product: 'KUPEDES',
    fee: { kind: 'PERCENT', basisPoints: 50 },
    partialAllowed: true,
    feeMode: 'NETTED',
  },
};

/** 100% would hand the whole installment to the koperasi; a tenth of it is already far above any real agreement. */
export const MAX_FEE_BASIS_POINTS = 1_000;
export const MAX_FIXED_FEE_RP = 1_000_000;

const BASIS_POINTS_PER_WHOLE = 10_000n;

/**
 * The koperasi's fee on an amount collected. A percentage is rounded half up to whole rupiah (Rp0,50 and above
 * rounds up). Never more than the amount itself, so a netted remittance never goes below zero.
 */
export function feeFor(fee: FeeRule, amountRp: number): number {
  const raw =
    fee.kind === 'FIXED'
      ? fee.feeRp
      : // In bigint: amount x basis points passes 2^53 for amounts a benchmark loan allows.
        Number(
          (BigInt(amountRp) * BigInt(fee.basisPoints) * 2n + BASIS_POINTS_PER_WHOLE) /
            (BASIS_POINTS_PER_WHOLE * 2n),
        );
  return Math.min(raw, amountRp);
}

/** Refuses an agreement a supervisor could not have meant; null when it is acceptable. */
export function checkAgreement(agreement: CollectionAgreement): DomainError<LoanErrorCode> | null {
  const invalid = (message: string) => ({ code: 'INVALID_AGREEMENT' as const, message });
  if (!LOAN_PRODUCTS.includes(agreement.product))
    return invalid(`product must be one of ${LOAN_PRODUCTS.join(', ')}`);
  if (agreement.feeMode !== 'BANK_PAYS' && agreement.feeMode !== 'NETTED')
    return invalid('feeMode must be BANK_PAYS or NETTED');
  if (typeof agreement.partialAllowed !== 'boolean')
    return invalid('partialAllowed must be true or false');
  const { fee } = agreement;
  if (fee.kind === 'FIXED') {
    if (!(fee.feeRp === 0 || isPositiveRupiah(fee.feeRp)) || fee.feeRp > MAX_FIXED_FEE_RP) {
      return invalid(`a fixed fee is whole rupiah from 0 to ${formatRupiah(MAX_FIXED_FEE_RP)}`);
    }
    return null;
  }
  if (fee.kind === 'PERCENT') {
    if (
      !Number.isInteger(fee.basisPoints) ||
      fee.basisPoints < 0 ||
      fee.basisPoints > MAX_FEE_BASIS_POINTS
    ) {
      return invalid(
        `a percentage fee is whole basis points from 0 to ${MAX_FEE_BASIS_POINTS} (0.01% each)`,
      );
    }
    return null;
  }
  return invalid('fee kind must be FIXED or PERCENT');
}

/** `Rp2.500 per installment` or `0.50% (half up to whole rupiah)`, for receipts and answers. */
export function describeFee(fee: FeeRule): string {
  if (fee.kind === 'FIXED') return `${formatRupiah(fee.feeRp)} per installment`;
  const percent = `${Math.floor(fee.basisPoints / 100)}.${String(fee.basisPoints % 100).padStart(2, '0')}%`;
  return `${percent} of the amount, rounded half up to whole rupiah`;
}
