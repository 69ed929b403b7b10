import type {
  CollectionNoticeAcknowledgedData,
  CollectionRefusedByBankData,
  RefusedCollectionPaidBackData,
  InstallmentCollectedData,
  NewEvent,
  RemittanceClosedData,
  RemittanceConfirmedData,
  RemittanceRejectedData,
} from '@koperasi/contracts';

export interface InstallmentCollected extends NewEvent<InstallmentCollectedData> {
  type: 'InstallmentCollected';
  schemaVersion: 1;
}

export interface CollectionNoticeAcknowledged extends NewEvent<CollectionNoticeAcknowledgedData> {
  type: 'CollectionNoticeAcknowledged';
  schemaVersion: 1;
}

export interface CollectionRefusedByBank extends NewEvent<CollectionRefusedByBankData> {
  type: 'CollectionRefusedByBank';
  schemaVersion: 1;
}

export interface RefusedCollectionPaidBack extends NewEvent<RefusedCollectionPaidBackData> {
  type: 'RefusedCollectionPaidBack';
  schemaVersion: 1;
}

export interface RemittanceClosed extends NewEvent<RemittanceClosedData> {
  type: 'RemittanceClosed';
  schemaVersion: 1;
}

export interface RemittanceConfirmed extends NewEvent<RemittanceConfirmedData> {
  type: 'RemittanceConfirmed';
  schemaVersion: 1;
}

export interface RemittanceRejected extends NewEvent<RemittanceRejectedData> {
  type: 'RemittanceRejected';
  schemaVersion: 1;
}

export type CollectionEvent =
  | InstallmentCollected
  | CollectionNoticeAcknowledged
  | CollectionRefusedByBank
  | RefusedCollectionPaidBack;
export type RemittanceEvent = RemittanceClosed | RemittanceConfirmed | RemittanceRejected;
