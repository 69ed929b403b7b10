import type { INestApplication } from '@nestjs/common';
import { LoanCommandTopics } from '@koperasi/contracts';
import { commandByCommand, type CommandTableEntry } from '@koperasi/service-kit';
import { CloseRemittanceHandler } from './commands/close-remittance/close-remittance.handler.js';
import { CollectInstallmentHandler } from './commands/collect-installment/collect-installment.handler.js';
import { PayBackRefusedHandler } from './commands/pay-back-refused/pay-back-refused.handler.js';

/** Every command topic of the service and its handler; collections still meet in CollectionWriter's group commit. */
export function loansCommandTable(app: INestApplication): CommandTableEntry[] {
  const collect = app.get(CollectInstallmentHandler);
  const close = app.get(CloseRemittanceHandler);
  const payBack = app.get(PayBackRefusedHandler);
  return [
    commandByCommand(LoanCommandTopics.collectInstallment, collect.execute.bind(collect)),
    commandByCommand(LoanCommandTopics.closeRemittance, close.execute.bind(close)),
    commandByCommand(LoanCommandTopics.payBackRefusedCollection, payBack.execute.bind(payBack)),
  ];
}
