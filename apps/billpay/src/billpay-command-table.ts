import type { INestApplication } from '@nestjs/common';
import { BillpayCommandTopics } from '@koperasi/contracts';
import { commandByCommand, type CommandTableEntry } from '@koperasi/service-kit';
import { TopUpDepositHandler } from './deposit/top-up-deposit/top-up-deposit.handler.js';
import { PayBillHandler } from './payments/pay-bill/pay-bill.handler.js';
import { RefundPaymentHandler } from './payments/refund-payment/refund-payment.handler.js';

/** Every command topic of the service and its handler; each waits on the aggregator, so one at a time per key. */
export function billpayCommandTable(app: INestApplication): CommandTableEntry[] {
  const pay = app.get(PayBillHandler);
  const refund = app.get(RefundPaymentHandler);
  const topUp = app.get(TopUpDepositHandler);
  return [
    commandByCommand(BillpayCommandTopics.payBill, pay.execute.bind(pay)),
    commandByCommand(BillpayCommandTopics.refundPayment, refund.execute.bind(refund)),
    commandByCommand(BillpayCommandTopics.topUpDeposit, topUp.execute.bind(topUp)),
  ];
}
