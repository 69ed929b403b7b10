import type { StartingAccountCode } from './chart-of-accounts.js';
import type { JournalLine } from './journal-entry.js';

export function debit(accountCode: StartingAccountCode, amountRp: number): JournalLine {
  return { accountCode, debitRp: amountRp, creditRp: 0 };
}

export function credit(accountCode: StartingAccountCode, amountRp: number): JournalLine {
  return { accountCode, debitRp: 0, creditRp: amountRp };
}
