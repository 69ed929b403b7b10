import { randomUUID } from 'node:crypto';
import { BillpayCommands, type PayBillPayload } from '@koperasi/contracts';
import { badField, isUuid, refused, type CommandRoute } from '@koperasi/service-kit';
import type { PayBillOrder } from './pay-bill-order.js';

/** billpay.cmd.pay-bill: the payment id is fixed here, once, so every attempt at the command writes the same payment. */
export const PAY_BILL_ROUTES: Record<string, CommandRoute<PayBillOrder>> = {
  [BillpayCommands.payBill]: {
    check: (payload: { inquiryId?: unknown; productCode?: unknown; customerNo?: unknown }) => {
      if (payload.inquiryId !== undefined) {
        if (payload.productCode !== undefined || payload.customerNo !== undefined) {
          return refused(
            400,
            'VALIDATION_FAILED',
            'Send either inquiryId, or productCode and customerNo, not both',
          );
        }
        return isUuid(payload.inquiryId)
          ? null
          : badField('inquiryId', 'must be the id of an inquiry (a UUID)');
      }
      if (
        typeof payload.productCode !== 'string' ||
        !/^[A-Z0-9]{2,20}$/.test(payload.productCode)
      ) {
        return badField('productCode', 'is required (e.g. PLN20) unless an inquiryId is given');
      }
      if (typeof payload.customerNo !== 'string' || payload.customerNo === '')
        return badField('customerNo', 'is required');
      return null;
    },
    toCommand: (payload: PayBillPayload, actor) => ({
      paymentId: randomUUID(),
      tellerId: actor.userId,
      payload,
    }),
  },
};
