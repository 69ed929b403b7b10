import type { BillpayEvent, PaymentEvent } from './billpay-events.js';
import type { DepositState, PaymentState } from './payment-state.js';

export function evolvePayment(state: PaymentState, event: PaymentEvent): PaymentState {
  switch (event.type) {
    case 'BillPaymentRequested':
      return {
        status: 'PROCESSING',
        paymentId: event.data.paymentId,
        refId: event.data.refId,
        productCode: event.data.productCode,
        totalAmountRp: event.data.totalAmountRp,
        quotedPriceRp: event.data.priceRp,
        tellerId: event.data.tellerId,
        refund: null,
      };
    case 'BillPaymentPending':
      return { ...state, status: 'PENDING' };
    case 'BillPaymentSucceeded':
      return { ...state, status: 'SUCCESS' };
    case 'BillPaymentFailed':
      return { ...state, status: 'FAILED', refund: 'OWED' };
    case 'BillPaymentRefunded':
      return { ...state, refund: 'PAID' };
  }
}

/**
 * How an event moves the deposit: a request reserves the quoted price, a success debits the price the
 * aggregator actually took and releases the reservation, a failure only releases it. `payment` is the
 * payment's state before the event.
 */
export function evolveDeposit(
  deposit: DepositState,
  payment: PaymentState,
  event: BillpayEvent,
): DepositState {
  switch (event.type) {
    case 'DepositToppedUp':
      return { ...deposit, balanceRp: deposit.balanceRp + event.data.amountRp };
    case 'BillPaymentRequested':
      return { ...deposit, reservedRp: deposit.reservedRp + event.data.priceRp };
    case 'BillPaymentSucceeded':
      return {
        balanceRp: deposit.balanceRp - event.data.priceRp,
        reservedRp: deposit.reservedRp - payment.quotedPriceRp,
      };
    case 'BillPaymentFailed':
      return { ...deposit, reservedRp: deposit.reservedRp - payment.quotedPriceRp };
    case 'BillPaymentPending':
    case 'BillPaymentRefunded':
      return deposit;
  }
}
