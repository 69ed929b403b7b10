import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { BillpayErrorCode } from '../domain/index.js';

interface ErrorReply {
  status: CommandErrorStatus;
  field?: string;
}

/** The HTTP status of every rule the billpay deciders refuse with; a new code does not compile without one. */
const BILLPAY_ERROR_REPLIES: Record<BillpayErrorCode, ErrorReply> = {
  TELLER_REQUIRED: { status: 400, field: 'actor.userId' },
  SUPERVISOR_REQUIRED: { status: 400, field: 'actor.userId' },
  INVALID_AMOUNT: { status: 400, field: 'amountRp' },
  INVALID_TRANSFER_REF: { status: 400, field: 'bankTransferRef' },
  INQUIRY_EXPIRED: { status: 422, field: 'inquiryId' },
  INQUIRY_ALREADY_USED: { status: 409, field: 'inquiryId' },
  PRICE_UNKNOWN: { status: 422, field: 'productCode' },
  DEPOSIT_TOO_LOW: { status: 422 },
  PAYMENT_EXISTS: { status: 409 },
  PAYMENT_NOT_FOUND: { status: 404 },
  PAYMENT_NOT_FAILED: { status: 422 },
  REFUND_ALREADY_PAID: { status: 409 },
};

export function billpayErrorReply(error: {
  code: BillpayErrorCode;
  message: string;
}): CommandReply<never> {
  const { status, field } = BILLPAY_ERROR_REPLIES[error.code];
  return refused(
    status,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : undefined,
  );
}
