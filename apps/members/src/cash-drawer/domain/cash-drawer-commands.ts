import type { DenominationCount, ExpectedCash } from '@koperasi/contracts';

export interface OpenCashDrawer {
  type: 'OpenCashDrawer';
  drawerId: string;
  tellerId: string;
  businessDate: string;
  openingFloatRp: number;
  now: string;
}

export interface CountCashDrawer {
  type: 'CountCashDrawer';
  drawerId: string;
  tellerId: string;
  businessDate: string;
  countedRp: number;
  denominations: DenominationCount[];
  expected: ExpectedCash;
  now: string;
}

export interface ApproveCashDrawer {
  type: 'ApproveCashDrawer';
  drawerId: string;
  tellerId: string;
  businessDate: string;
  expectedRp: number;
  approvedBy: string;
  approverName: string;
  now: string;
}

export type CashDrawerCommand = OpenCashDrawer | CountCashDrawer | ApproveCashDrawer;
