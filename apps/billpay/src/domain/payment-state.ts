import type { PaymentStatus } from '@koperasi/contracts';

/** What the payment decider needs of a payment; the payments row keeps it as the stream's snapshot. */
export interface PaymentState {
  status: 'NONE' | PaymentStatus;
  paymentId: string;
  refId: string;
  productCode: string;
  totalAmountRp: number;
  /** The price reserved from the deposit when the payment was requested. */
  quotedPriceRp: number;
  tellerId: string;
  refund: 'OWED' | 'PAID' | null;
}

export const noPayment: PaymentState = {
  status: 'NONE',
  paymentId: '',
  refId: '',
  productCode: '',
  totalAmountRp: 0,
  quotedPriceRp: 0,
  tellerId: '',
  refund: null,
};

/** The koperasi's deposit at the aggregator as we book it: reserved money is promised to unresolved payments. */
export interface DepositState {
  balanceRp: number;
  reservedRp: number;
}

export const emptyDeposit: DepositState = { balanceRp: 0, reservedRp: 0 };

export function availableRp(deposit: DepositState): number {
  return deposit.balanceRp - deposit.reservedRp;
}

export function isResolved(status: PaymentState['status']): boolean {
  return status === 'SUCCESS' || status === 'FAILED';
}
