import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { LoanErrorCode } from '../domain/index.js';

interface ErrorReply {
  status: CommandErrorStatus;
  /** The request field at fault, for input the counter can correct. */
  field?: string;
}

/**
 * 400 for malformed input, 409 when the bank's figures must be read again, 422 for well-formed input a rule
 * refuses. A Record, so a new LoanErrorCode does not compile until it has a status here.
 */
const LOAN_ERROR_REPLIES: Record<LoanErrorCode, ErrorReply> = {
  INVALID_AMOUNT: { status: 400, field: 'amount' },
  TELLER_REQUIRED: { status: 400, field: 'actor.userId' },
  LOAN_VIEW_MISMATCH: { status: 400, field: 'loanNo' },
  INVALID_AGREEMENT: { status: 400 },
  LOAN_VIEW_STALE: { status: 409 },
  LOAN_CLOSED: { status: 422, field: 'loanNo' },
  OVERPAYMENT: { status: 422, field: 'amount' },
  PARTIAL_NOT_ALLOWED: { status: 422, field: 'amount' },
  NOTHING_TO_REMIT: { status: 422 },
  REMITTANCE_NOT_OPEN: { status: 409 },
  COLLECTION_NOT_REFUSED: { status: 409 },
  ALREADY_PAID_BACK: { status: 409 },
};

export function loanErrorReply(error: {
  code: LoanErrorCode;
  message: string;
}): CommandReply<never> {
  const { status, field } = LOAN_ERROR_REPLIES[error.code];
  return refused(
    status,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : undefined,
  );
}
