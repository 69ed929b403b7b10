import type { Decision } from '@koperasi/domain';
import type { BookShuDistribution, RecordBankDeposit, SettleBankFees } from './bank-commands.js';
import type { BankErrorCode } from './bank-error-code.js';
import type { BankEvent } from './bank-events.js';
import {
  initialBankDepositState,
  initialBankFeeMonthState,
  type BankDepositState,
  type BankFeeMonthState,
} from './bank-state.js';
import { decideBankDeposit } from './decide-bank-deposit.js';
import { decideBankFeeSettlement } from './decide-bank-fee-settlement.js';
import { decideShuDistribution } from './decide-shu-distribution.js';
import { evolveBankDeposit, evolveBankFeeMonth } from './evolve-bank.js';
import type { ShuDistributionBooked } from './bank-events.js';

export type BankCommand = RecordBankDeposit | SettleBankFees | BookShuDistribution;

/**
 * The state of one bank stream (a slip, a month of fees, a year's SHU), folded from its events: each stream
 * holds one kind, so only its part moves.
 */
export interface BankState {
  deposit: BankDepositState;
  feeMonth: BankFeeMonthState;
  shuBooked: readonly ShuDistributionBooked[];
}

export const initialBankState: BankState = {
  deposit: initialBankDepositState,
  feeMonth: initialBankFeeMonthState,
  shuBooked: [],
};

export function decideBank(
  command: BankCommand,
  state: BankState,
): Decision<BankEvent, BankErrorCode> {
  switch (command.type) {
    case 'RecordBankDeposit':
      return decideBankDeposit(command, state.deposit);
    case 'SettleBankFees':
      return decideBankFeeSettlement(command, state.feeMonth);
    case 'BookShuDistribution':
      return decideShuDistribution(command, state.shuBooked);
  }
}

export function evolveBank(state: BankState, event: BankEvent): BankState {
  switch (event.type) {
    case 'BankDepositRecorded':
      return { ...state, deposit: evolveBankDeposit(state.deposit, event) };
    case 'BankFeesSettled':
      return { ...state, feeMonth: evolveBankFeeMonth(state.feeMonth, event) };
    case 'ShuDistributionBooked':
      return { ...state, shuBooked: [...state.shuBooked, event] };
  }
}
