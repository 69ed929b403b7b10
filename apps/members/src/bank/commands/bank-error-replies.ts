import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { BankErrorCode } from '../domain/index.js';

/** A Record, so a new BankErrorCode does not compile until it is given a status here. */
const BANK_ERROR_REPLIES: Record<BankErrorCode, { status: CommandErrorStatus; field?: string }> = {
  INVALID_AMOUNT: { status: 400, field: 'amount' },
  INVALID_REFERENCE: { status: 400, field: 'reference' },
  INVALID_PERIOD: { status: 400, field: 'period' },
  SLIP_ALREADY_RECORDED: { status: 409, field: 'slipRef' },
  REFERENCE_ALREADY_RECORDED: { status: 409, field: 'reference' },
  MORE_THAN_VAULT: { status: 422, field: 'amount' },
  MORE_THAN_OWED: { status: 422, field: 'amount' },
  INVALID_SHU: { status: 422 },
  SHU_ALREADY_BOOKED: { status: 409, field: 'year' },
};

export function bankErrorReply(error: {
  code: BankErrorCode;
  message: string;
}): CommandReply<never> {
  const { status, field } = BANK_ERROR_REPLIES[error.code];
  return refused(
    status,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : undefined,
  );
}
