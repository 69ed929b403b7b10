import type { DenominationCount, ExpectedCash, NewEvent } from '@koperasi/contracts';

interface DrawerData {
  drawerId: string;
  tellerId: string;
  /** The WIB business day the drawer belongs to, YYYY-MM-DD. */
  businessDate: string;
}

export interface CashDrawerOpenedData extends DrawerData {
  openingFloatRp: number;
  openedAt: string;
}

export interface CashDrawerCountedData extends DrawerData {
  countedRp: number;
  denominations: DenominationCount[];
  expected: ExpectedCash;
  differenceRp: number;
  countedAt: string;
}

/** The closing the ledger books: the counted cash back to the vault, the difference to selisih kas. */
export interface CashDrawerClosedData extends DrawerData {
  countedRp: number;
  expectedRp: number;
  /** counted − expected: below zero short, above zero over. */
  differenceRp: number;
  approvedBy: string;
  approverName: string;
  closedAt: string;
}

export interface CashDrawerOpened extends NewEvent<CashDrawerOpenedData> {
  type: 'CashDrawerOpened';
  schemaVersion: 1;
}

export interface CashDrawerCounted extends NewEvent<CashDrawerCountedData> {
  type: 'CashDrawerCounted';
  schemaVersion: 1;
}

export interface CashDrawerClosed extends NewEvent<CashDrawerClosedData> {
  type: 'CashDrawerClosed';
  schemaVersion: 1;
}

export type CashDrawerEvent = CashDrawerOpened | CashDrawerCounted | CashDrawerClosed;
