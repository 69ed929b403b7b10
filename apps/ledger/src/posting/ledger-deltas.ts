import {
  SAVINGS_FIELD_BY_ACCOUNT,
  businessDateWib,
  type JournalEntry,
  type StartingAccountCode,
} from '../domain/index.js';

export interface AccountDelta {
  koperasiId: string;
  accountCode: string;
  debitRp: number;
  creditRp: number;
}

/** An account's movement on one WIB business day (account_day_balances). */
export interface AccountDayDelta extends AccountDelta {
  businessDate: string;
}

export interface SavingsDelta {
  koperasiId: string;
  memberId: string;
  pokokRp: number;
  wajibRp: number;
  sukarelaRp: number;
}

export interface CashDelta {
  koperasiId: string;
  tellerId: string;
  businessDate: string;
  debitRp: number;
  creditRp: number;
}

/** What a batch of entries adds to the running sums, one row per key, in key order. */
export interface LedgerDeltas {
  accounts: AccountDelta[];
  accountDays: AccountDayDelta[];
  savings: SavingsDelta[];
  cash: CashDelta[];
}

const KAS = '111000';

/**
 * Sums a batch per key first, so a hot row (the koperasi's Kas) is updated once per batch rather than once
 * per event. Rows come out sorted by key, so concurrent batches lock shared rows in the same order.
 */
export function ledgerDeltas(entries: readonly JournalEntry[]): LedgerDeltas {
  const accounts = new Map<string, AccountDelta>();
  const accountDays = new Map<string, AccountDayDelta>();
  const savings = new Map<string, SavingsDelta>();
  const cash = new Map<string, CashDelta>();
  for (const entry of entries) {
    const businessDate = businessDateWib(entry.occurredAt);
    for (const line of entry.lines) {
      const account = upsert(accounts, [entry.koperasiId, line.accountCode], () => ({
        koperasiId: entry.koperasiId,
        accountCode: line.accountCode,
        debitRp: 0,
        creditRp: 0,
      }));
      account.debitRp = add(account.debitRp, line.debitRp);
      account.creditRp = add(account.creditRp, line.creditRp);
      const day = upsert(accountDays, [entry.koperasiId, businessDate, line.accountCode], () => ({
        koperasiId: entry.koperasiId,
        businessDate,
        accountCode: line.accountCode,
        debitRp: 0,
        creditRp: 0,
      }));
      day.debitRp = add(day.debitRp, line.debitRp);
      day.creditRp = add(day.creditRp, line.creditRp);

      const savingsField = SAVINGS_FIELD_BY_ACCOUNT[line.accountCode as StartingAccountCode];
      if (savingsField && line.memberId) {
        const member = upsert(savings, [entry.koperasiId, line.memberId], () => ({
          koperasiId: entry.koperasiId,
          memberId: line.memberId!,
          pokokRp: 0,
          wajibRp: 0,
          sukarelaRp: 0,
        }));
        // Savings are owed to the member: a credit raises them, a debit (payout) lowers them.
        member[savingsField] = add(member[savingsField], line.creditRp - line.debitRp);
      }

      if (line.accountCode === KAS && line.tellerId) {
        const drawer = upsert(cash, [entry.koperasiId, businessDate, line.tellerId], () => ({
          koperasiId: entry.koperasiId,
          tellerId: line.tellerId!,
          businessDate,
          debitRp: 0,
          creditRp: 0,
        }));
        drawer.debitRp = add(drawer.debitRp, line.debitRp);
        drawer.creditRp = add(drawer.creditRp, line.creditRp);
      }
    }
  }
  return {
    accounts: sortedValues(accounts),
    accountDays: sortedValues(accountDays),
    savings: sortedValues(savings),
    cash: sortedValues(cash),
  };
}

function upsert<T>(rows: Map<string, T>, key: string[], create: () => T): T {
  const joined = key.join('\u0000');
  let row = rows.get(joined);
  if (!row) {
    row = create();
    rows.set(joined, row);
  }
  return row;
}

function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new Error(`Rupiah sum ${a} + ${b} is beyond exact integer range`);
  return sum;
}

function sortedValues<T>(rows: Map<string, T>): T[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
