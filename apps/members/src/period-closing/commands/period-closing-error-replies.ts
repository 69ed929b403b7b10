import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { PeriodClosingErrorCode } from '../domain/index.js';

/** A Record, so a new PeriodClosingErrorCode does not compile until it is given a status here. */
const PERIOD_CLOSING_ERROR_REPLIES: Record<PeriodClosingErrorCode, CommandErrorStatus> = {
  INVALID_MONTH: 400,
  MONTH_NOT_BEGUN: 409,
  MONTH_ALREADY_CLOSED: 409,
  MONTH_OUT_OF_ORDER: 409,
};

export function periodClosingErrorReply(error: {
  code: PeriodClosingErrorCode;
  message: string;
}): CommandReply<never> {
  return refused(PERIOD_CLOSING_ERROR_REPLIES[error.code], error.code, error.message, [
    { field: 'month', message: error.message },
  ]);
}
