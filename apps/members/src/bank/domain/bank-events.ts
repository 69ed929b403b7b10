import type { NewEvent } from '@koperasi/contracts';

/** Setor ke bank: vault cash deposited to the koperasi's bank account; the ledger moves kas brankas to the bank. */
export interface BankDepositRecordedData {
  depositId: string;
  slipRef: string;
  amountRp: number;
  /** The vault's balance the supervisor saw, kept to show the deposit did not exceed it. */
  vaultBalanceRp: number;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** The bank paid collection fees it owed for a month; the ledger moves the fee receivable to the bank. */
export interface BankFeesSettledData {
  settlementId: string;
  reference: string;
  period: string;
  amountRp: number;
  accruedRp: number;
  /** Settled for the period before this one. */
  settledBeforeRp: number;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** The RAT approved the year's SHU distribution: the reserve and the members' share leave SHU belum dibagi. */
export interface ShuDistributionBookedData {
  distributionId: string;
  year: number;
  ratDate: string;
  surplusRp: number;
  cadanganRp: number;
  membersRp: number;
  approvedBy: string;
  approvedByName: string;
  approvedAt: string;
}

export interface BankDepositRecorded extends NewEvent<BankDepositRecordedData> {
  type: 'BankDepositRecorded';
  schemaVersion: 1;
}

export interface BankFeesSettled extends NewEvent<BankFeesSettledData> {
  type: 'BankFeesSettled';
  schemaVersion: 1;
}

export interface ShuDistributionBooked extends NewEvent<ShuDistributionBookedData> {
  type: 'ShuDistributionBooked';
  schemaVersion: 1;
}

export type BankEvent = BankDepositRecorded | BankFeesSettled | ShuDistributionBooked;
