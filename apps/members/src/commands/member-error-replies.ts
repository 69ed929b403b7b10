import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { MemberErrorCode } from '../domain/index.js';

interface ErrorReply {
  status: CommandErrorStatus;
  /** The payload field at fault, for input errors the counter can correct. */
  field?: string;
}

/**
 * The HTTP status for every rule the member decider can refuse with: 400 for input that is malformed,
 * 404 for a member that is not there, 409 for a duplicate, 422 for well-formed input a rule refuses.
 * A Record, so a new MemberErrorCode does not compile until it is given a status here.
 */
const MEMBER_ERROR_REPLIES: Record<MemberErrorCode, ErrorReply> = {
  INVALID_REGISTRATION: { status: 400 },
  INVALID_NIK: { status: 400, field: 'nik' },
  INVALID_AMOUNT: { status: 400, field: 'amountRp' },
  WAJIB_NO_PERIODS: { status: 400, field: 'periods' },
  INVALID_WAJIB_PERIOD: { status: 400, field: 'periods' },
  WAJIB_DUPLICATE_PERIOD: { status: 400, field: 'periods' },
  TELLER_REQUIRED: { status: 400, field: 'actor.userId' },
  MEMBER_NOT_REGISTERED: { status: 404 },
  MEMBER_ALREADY_REGISTERED: { status: 409 },
  KELURAHAN_MISMATCH: { status: 422, field: 'kelurahan' },
  INVALID_SETTINGS: { status: 422 },
  MEMBER_NOT_ACTIVE: { status: 422 },
  MEMBER_RESIGNED: { status: 422 },
  POKOK_ALREADY_PAID: { status: 422 },
  POKOK_AMOUNT_MISMATCH: { status: 422, field: 'amountRp' },
  WAJIB_PERIOD_BEFORE_JOINING: { status: 422, field: 'periods' },
  WAJIB_PERIOD_ALREADY_PAID: { status: 422, field: 'periods' },
  WAJIB_AMOUNT_MISMATCH: { status: 422, field: 'amountRp' },
  INSUFFICIENT_SUKARELA: { status: 422, field: 'amountRp' },
  INVALID_RESIGNATION_DATE: { status: 422 },
};

export function memberErrorReply(error: {
  code: MemberErrorCode;
  message: string;
}): CommandReply<never> {
  const { status, field } = MEMBER_ERROR_REPLIES[error.code];
  return refused(
    status,
    error.code,
    error.message,
    field ? [{ field, message: error.message }] : undefined,
  );
}
