import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { CashDrawerErrorCode } from '../domain/index.js';

/** A Record, so a new CashDrawerErrorCode does not compile until it is given a status here. */
const CASH_DRAWER_ERROR_REPLIES: Record<
  CashDrawerErrorCode,
  { status: CommandErrorStatus; field?: string }
> = {
  INVALID_AMOUNT: { status: 400 },
  INVALID_DENOMINATIONS: { status: 400, field: 'denominations' },
  DRAWER_ALREADY_OPEN: { status: 409 },
  DRAWER_CLOSED: { status: 409 },
  DRAWER_NOT_COUNTED: { status: 409 },
  SELF_APPROVAL: { status: 403 },
};

export function cashDrawerErrorReply(error: {
  code: CashDrawerErrorCode;
  message: string;
}): CommandReply<never> {
  const { status, field } = CASH_DRAWER_ERROR_REPLIES[error.code];
  return refused(
    status,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : undefined,
  );
}
