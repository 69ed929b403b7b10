import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';

/** The bank's loan account numbers are 15 digits. */
export const LOAN_NO_PATTERN = /^\d{15}$/;

export function checkLoanNo(loanNo: string): string {
  if (LOAN_NO_PATTERN.test(loanNo)) return loanNo;
  throw new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    'loanNo must be the 15-digit loan account number',
    [{ field: 'loanNo', problems: ['must be exactly 15 digits'] }],
  );
}
