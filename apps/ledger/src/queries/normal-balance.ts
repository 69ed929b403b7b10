import type { BalanceSide } from '../domain/index.js';

/** An account's net in the direction that increases it; negative only for an account gone contra. */
export function balanceInNormalDirection(
  normalBalance: BalanceSide,
  debitRp: number,
  creditRp: number,
): number {
  return normalBalance === 'debit' ? debitRp - creditRp : creditRp - debitRp;
}

/**
 * How a trial balance shows an account: its net on its normal side, or on the other side when it has gone
 * contra, so the two columns still add up to the same total.
 */
export function trialBalanceSides(
  normalBalance: BalanceSide,
  debitRp: number,
  creditRp: number,
): { debit: number; credit: number } {
  const netRp = balanceInNormalDirection(normalBalance, debitRp, creditRp);
  const onNormalSide = netRp >= 0;
  const debitSide = (normalBalance === 'debit') === onNormalSide;
  return debitSide ? { debit: Math.abs(netRp), credit: 0 } : { debit: 0, credit: Math.abs(netRp) };
}
