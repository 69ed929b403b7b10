import { nameBasedUuid } from '../../domain/name-based-uuid.js';

/** A slip or transfer reference as the bank means it: outer spaces and letter case do not make another one. */
export function normalizedReference(reference: string): string {
  return reference.trim().toUpperCase();
}

/** One stream per bank slip of a koperasi: recording the same slip twice finds the first. */
export function bankDepositIdOf(koperasiId: string, slipRef: string): string {
  return nameBasedUuid(`bank-deposit:${koperasiId}:${normalizedReference(slipRef)}`);
}

export function bankDepositStreamId(depositId: string): string {
  return `bank-deposit-${depositId}`;
}

/** One stream per koperasi and month of fees: settlements of a month are decided one after another. */
export function bankFeeMonthStreamId(koperasiId: string, period: string): string {
  return `bank-fees-${nameBasedUuid(`bank-fees:${koperasiId}:${period}`)}`;
}

/** One stream per koperasi and financial year: its SHU is distributed once. */
export function shuDistributionIdOf(koperasiId: string, year: number): string {
  return nameBasedUuid(`shu-distribution:${koperasiId}:${year}`);
}

export function shuDistributionStreamId(distributionId: string): string {
  return `shu-distribution-${distributionId}`;
}

export function bankFeeSettlementIdOf(koperasiId: string, reference: string): string {
  return nameBasedUuid(`bank-fee-settlement:${koperasiId}:${normalizedReference(reference)}`);
}
