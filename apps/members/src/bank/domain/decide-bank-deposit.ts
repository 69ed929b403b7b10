import type { Decision } from '@koperasi/domain';
import type { RecordBankDeposit } from './bank-commands.js';
import type { BankErrorCode } from './bank-error-code.js';
import type { BankDepositRecorded } from './bank-events.js';
import type { BankDepositState } from './bank-state.js';
import { refuseBank } from './refuse-bank.js';

export const MAX_REFERENCE_LENGTH = 40;

/** Setor ke bank: a slip is recorded once, for whole rupiah above zero, and no more than the vault holds. */
export function decideBankDeposit(
  command: RecordBankDeposit,
  state: BankDepositState,
): Decision<BankDepositRecorded, BankErrorCode> {
  if (state.recorded)
    return refuseBank(
      'SLIP_ALREADY_RECORDED',
      `Slip ${command.slipRef.trim()} is already recorded`,
    );
  const referenceProblem = checkReference(command.slipRef);
  if (referenceProblem) return refuseBank('INVALID_REFERENCE', referenceProblem);
  if (!Number.isSafeInteger(command.amountRp) || command.amountRp <= 0) {
    return refuseBank('INVALID_AMOUNT', 'The amount must be a whole number of rupiah above zero');
  }
  if (command.amountRp > command.vaultBalanceRp) {
    return refuseBank(
      'MORE_THAN_VAULT',
      `The vault holds Rp${Math.max(command.vaultBalanceRp, 0)}, less than the Rp${command.amountRp} to deposit`,
    );
  }
  const { depositId, amountRp, vaultBalanceRp, recordedBy, recordedByName, now } = command;
  return {
    ok: true,
    events: [
      {
        type: 'BankDepositRecorded',
        schemaVersion: 1,
        data: {
          depositId,
          slipRef: command.slipRef.trim(),
          amountRp,
          vaultBalanceRp,
          recordedBy,
          recordedByName,
          recordedAt: now,
        },
      },
    ],
  };
}

/** Letters, digits and a few separators, as bank slips and transfer references are printed. */
export function checkReference(reference: string): string | null {
  const trimmed = reference.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_REFERENCE_LENGTH)
    return `The reference must be 1 to ${MAX_REFERENCE_LENGTH} characters`;
  return /^[A-Za-z0-9][A-Za-z0-9 ./_-]*$/.test(trimmed)
    ? null
    : 'The reference may hold letters, digits, spaces and . / _ - only';
}
