export interface RecordBankDeposit {
  type: 'RecordBankDeposit';
  depositId: string;
  slipRef: string;
  amountRp: number;
  vaultBalanceRp: number;
  recordedBy: string;
  recordedByName: string;
  now: string;
}

export interface BookShuDistribution {
  type: 'BookShuDistribution';
  distributionId: string;
  year: number;
  ratDate: string;
  surplusRp: number;
  cadanganRp: number;
  membersRp: number;
  approvedBy: string;
  approvedByName: string;
  now: string;
}

export interface SettleBankFees {
  type: 'SettleBankFees';
  settlementId: string;
  reference: string;
  period: string;
  amountRp: number;
  /** What the bank owes for the period as the ledger booked it, before any settlement. */
  accruedRp: number;
  recordedBy: string;
  recordedByName: string;
  now: string;
}
