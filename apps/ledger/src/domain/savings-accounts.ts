import type { StartingAccountCode } from './chart-of-accounts.js';

export type SavingsField = 'pokokRp' | 'wajibRp' | 'sukarelaRp';

/** The accounts that hold members' savings, with the member sub-ledger field each one feeds. */
export const SAVINGS_FIELD_BY_ACCOUNT: Readonly<
  Partial<Record<StartingAccountCode, SavingsField>>
> = {
  '310000': 'pokokRp',
  '320000': 'wajibRp',
  '211000': 'sukarelaRp',
};
