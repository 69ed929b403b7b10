import type { BankDepositRecorded, BankFeesSettled } from './bank-events.js';
import type { BankDepositState, BankFeeMonthState } from './bank-state.js';

export function evolveBankDeposit(
  _state: BankDepositState,
  _event: BankDepositRecorded,
): BankDepositState {
  return { recorded: true };
}

export function evolveBankFeeMonth(
  state: BankFeeMonthState,
  event: BankFeesSettled,
): BankFeeMonthState {
  return { settledRp: state.settledRp + event.data.amountRp };
}
