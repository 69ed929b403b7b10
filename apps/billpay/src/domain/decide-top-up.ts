import { isPositiveRupiah } from '@koperasi/domain';
import { refuse, type BillpayDecision } from './billpay-decision.js';
import type { DepositToppedUp } from './billpay-events.js';

export interface TopUpDeposit {
  type: 'TopUpDeposit';
  topupId: string;
  amountRp: number;
  bankTransferRef: string;
  supervisorId: string;
}

const TRANSFER_REF = /^[\x21-\x7e]{1,100}$/;

/** The supervisor records money sent from the koperasi's bank account to its deposit at the aggregator. */
export function decideTopUp(command: TopUpDeposit): BillpayDecision<DepositToppedUp> {
  if (command.supervisorId.trim() === '')
    return refuse('SUPERVISOR_REQUIRED', 'A top-up names the supervisor who recorded it');
  if (!isPositiveRupiah(command.amountRp))
    return refuse('INVALID_AMOUNT', 'amountRp must be a whole number of rupiah above 0');
  if (typeof command.bankTransferRef !== 'string' || !TRANSFER_REF.test(command.bankTransferRef)) {
    return refuse(
      'INVALID_TRANSFER_REF',
      'bankTransferRef must be 1-100 visible characters, as printed on the bank transfer',
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'DepositToppedUp',
        schemaVersion: 1,
        data: {
          topupId: command.topupId,
          amountRp: command.amountRp,
          bankTransferRef: command.bankTransferRef,
          supervisorId: command.supervisorId,
        },
      },
    ],
  };
}
