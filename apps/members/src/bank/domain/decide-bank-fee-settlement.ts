import { isYearMonth, type Decision } from '@koperasi/domain';
import type { SettleBankFees } from './bank-commands.js';
import type { BankErrorCode } from './bank-error-code.js';
import type { BankFeesSettled } from './bank-events.js';
import type { BankFeeMonthState } from './bank-state.js';
import { checkReference } from './decide-bank-deposit.js';
import { refuseBank } from './refuse-bank.js';

/** The bank pays fees of a month: never more than it still owes for that month. */
export function decideBankFeeSettlement(
  command: SettleBankFees,
  state: BankFeeMonthState,
): Decision<BankFeesSettled, BankErrorCode> {
  const referenceProblem = checkReference(command.reference);
  if (referenceProblem) return refuseBank('INVALID_REFERENCE', referenceProblem);
  if (!isYearMonth(command.period) || command.period > command.now.slice(0, 7)) {
    return refuseBank('INVALID_PERIOD', 'The period must be a month YYYY-MM, not after this one');
  }
  if (!Number.isSafeInteger(command.amountRp) || command.amountRp <= 0) {
    return refuseBank('INVALID_AMOUNT', 'The amount must be a whole number of rupiah above zero');
  }
  const owedRp = Math.max(command.accruedRp - state.settledRp, 0);
  if (command.amountRp > owedRp) {
    return refuseBank(
      'MORE_THAN_OWED',
      `The bank owes Rp${owedRp} of fees for ${command.period}, less than the Rp${command.amountRp} recorded`,
    );
  }
  const { settlementId, period, amountRp, accruedRp, recordedBy, recordedByName, now } = command;
  return {
    ok: true,
    events: [
      {
        type: 'BankFeesSettled',
        schemaVersion: 1,
        data: {
          settlementId,
          reference: command.reference.trim(),
          period,
          amountRp,
          accruedRp,
          settledBeforeRp: state.settledRp,
          recordedBy,
          recordedByName,
          recordedAt: now,
        },
      },
    ],
  };
}
