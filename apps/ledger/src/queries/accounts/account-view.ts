import type { AccountKind } from '../../domain/index.js';

export interface AccountView {
  code: string;
  name: string;
  kind: AccountKind;
  /** In the account's normal direction: debit minus credit for assets, credit minus debit otherwise. */
  balanceRp: number;
}
