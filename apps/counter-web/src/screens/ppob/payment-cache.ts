import type { Payment } from './product-kinds';

/**
 * The payment as the pay request answered, handed to the payment screen so it shows at once; the screen still
 * follows it through the API. Only this page's own payments are kept, and only until they are shown.
 */
const justPaid = new Map<string, Payment>();

export function handOver(payment: Payment): void {
  justPaid.set(payment.paymentId, payment);
}

export function takeOver(paymentId: string): Payment | null {
  const payment = justPaid.get(paymentId) ?? null;
  justPaid.delete(paymentId);
  return payment;
}
