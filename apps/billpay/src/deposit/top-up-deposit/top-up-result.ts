import type { DepositView } from '@koperasi/contracts';

export interface TopUpResult {
  topupId: string;
  amountRp: number;
  bankTransferRef: string;
  deposit: DepositView;
}
