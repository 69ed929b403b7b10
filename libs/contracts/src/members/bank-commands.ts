/**
 * The koperasi's money with its bank, owned by the members service next to the vault: setor ke bank (vault cash
 * deposited to the koperasi's account) and the bank paying the collection fees it owes. Topics are listed with
 * MemberCommands.
 */

/** Setor ke bank; vaultBalanceRp is the ledger's kas brankas balance when the supervisor sent it. */
export interface RecordBankDepositPayload {
  slipRef: string;
  amountRp: number;
  vaultBalanceRp: number;
  recordedByName: string;
}

export interface BankDepositView {
  depositId: string;
  /** The bank's slip reference as written; unique per koperasi, compared without case and outer spaces. */
  slipRef: string;
  amountRp: number;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** The bank pays collection fees of a month; accruedRp is what the ledger shows the bank owing for that month. */
export interface SettleBankFeesPayload {
  reference: string;
  /** The month the fees were earned, YYYY-MM. */
  period: string;
  amountRp: number;
  accruedRp: number;
  recordedByName: string;
}

export interface BankFeeSettlementView {
  settlementId: string;
  reference: string;
  period: string;
  amountRp: number;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}
