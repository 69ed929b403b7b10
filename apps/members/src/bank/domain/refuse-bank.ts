import type { DomainError } from '@koperasi/domain';
import type { BankErrorCode } from './bank-error-code.js';

export function refuseBank(
  code: BankErrorCode,
  message: string,
): { ok: false; error: DomainError<BankErrorCode> } {
  return { ok: false, error: { code, message } };
}
