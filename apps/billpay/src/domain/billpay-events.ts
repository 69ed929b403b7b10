import type {
  BillPaymentFailedData,
  BillPaymentPendingData,
  BillPaymentRefundedData,
  BillPaymentRequestedData,
  BillPaymentSucceededData,
  DepositToppedUpData,
  NewEvent,
} from '@koperasi/contracts';

export interface DepositToppedUp extends NewEvent<DepositToppedUpData> {
  type: 'DepositToppedUp';
  schemaVersion: 1;
}

export interface BillPaymentRequested extends NewEvent<BillPaymentRequestedData> {
  type: 'BillPaymentRequested';
  schemaVersion: 1;
}

export interface BillPaymentPending extends NewEvent<BillPaymentPendingData> {
  type: 'BillPaymentPending';
  schemaVersion: 1;
}

export interface BillPaymentSucceeded extends NewEvent<BillPaymentSucceededData> {
  type: 'BillPaymentSucceeded';
  schemaVersion: 1;
}

export interface BillPaymentFailed extends NewEvent<BillPaymentFailedData> {
  type: 'BillPaymentFailed';
  schemaVersion: 1;
}

export interface BillPaymentRefunded extends NewEvent<BillPaymentRefundedData> {
  type: 'BillPaymentRefunded';
  schemaVersion: 1;
}

export type PaymentEvent =
  | BillPaymentRequested
  | BillPaymentPending
  | BillPaymentSucceeded
  | BillPaymentFailed
  | BillPaymentRefunded;

export type BillpayEvent = DepositToppedUp | PaymentEvent;

export function paymentStreamId(paymentId: string): string {
  return `payment-${paymentId}`;
}

export function depositStreamId(koperasiId: string): string {
  return `deposit-${koperasiId}`;
}
