/** A bank slip's stream: recorded once. */
export interface BankDepositState {
  recorded: boolean;
}

export const initialBankDepositState: BankDepositState = { recorded: false };

/** A month of fees: what the bank has paid of it so far. */
export interface BankFeeMonthState {
  settledRp: number;
}

export const initialBankFeeMonthState: BankFeeMonthState = { settledRp: 0 };
