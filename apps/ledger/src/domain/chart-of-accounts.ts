export type AccountKind = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export type BalanceSide = 'debit' | 'credit';
/**
 * Whose business earned an income account's income, for the laporan hasil usaha (partisipasi anggota apart
 * from non-anggota). Decided per account from what its postings can show: an account is `member` only when
 * every entry into it is caused by a member's own transaction (its events name the member); income whose
 * events carry no member (PPOB bills and loan installments are paid at the counter by whoever brings them,
 * and neither the billpay nor the loans events name a member) is `non-member`.
 */
export type IncomeParticipation = 'member' | 'non-member';

export interface Account {
  code: string;
  name: string;
  kind: AccountKind;
  /** The side that increases the account; a trial balance shows each account on this side. */
  normalBalance: BalanceSide;
  /** On income accounts only: whose business it is (see IncomeParticipation). */
  participation?: IncomeParticipation;
}

/**
 * The chart every koperasi starts with, coded in the style of the ministry's SIMKOPDES chart:
 * 1xxxxx assets, 2xxxxx liabilities, 3xxxxx equity, 4xxxxx income, 5xxxxx expenses.
 */
export const startingChartOfAccounts = [
  { code: '111000', name: 'Kas', kind: 'asset', normalBalance: 'debit' },
  // Cash kept in the koperasi's vault (brankas): opening floats leave it, drawers come back to it at closing.
  { code: '111100', name: 'Kas brankas', kind: 'asset', normalBalance: 'debit' },
  { code: '112100', name: 'Bank BRI', kind: 'asset', normalBalance: 'debit' },
  { code: '113100', name: 'Deposit PPOB at the aggregator', kind: 'asset', normalBalance: 'debit' },
  { code: '114100', name: 'Fee receivable from the bank', kind: 'asset', normalBalance: 'debit' },
  { code: '211000', name: 'Simpanan sukarela', kind: 'liability', normalBalance: 'credit' },
  {
    code: '212000',
    name: 'Installments collected, owed to the bank',
    kind: 'liability',
    normalBalance: 'credit',
  },
  {
    code: '213000',
    name: 'PPOB payments pending (suspense)',
    kind: 'liability',
    normalBalance: 'credit',
  },
  { code: '214000', name: 'Refunds owed to customers', kind: 'liability', normalBalance: 'credit' },
  // Installments the bank refused for good: the cash is the customer's again until a supervisor pays it out.
  {
    code: '215000',
    name: 'Angsuran ditolak bank, dikembalikan',
    kind: 'liability',
    normalBalance: 'credit',
  },
  // The members' SHU the RAT distributed, owed to them until each takes it.
  {
    code: '216000',
    name: 'SHU anggota belum dibayar',
    kind: 'liability',
    normalBalance: 'credit',
  },
  { code: '310000', name: 'Simpanan pokok', kind: 'equity', normalBalance: 'credit' },
  { code: '320000', name: 'Simpanan wajib', kind: 'equity', normalBalance: 'credit' },
  // The reserve the AD/ART sets aside from each year's SHU; not shared out, it stays with the koperasi.
  { code: '330000', name: 'Cadangan', kind: 'equity', normalBalance: 'credit' },
  // The year's surplus once the books are closed, until the RAT's distribution is booked out of it.
  { code: '340000', name: 'SHU belum dibagi', kind: 'equity', normalBalance: 'credit' },
  {
    code: '410000',
    name: 'Fee income, PPOB',
    kind: 'income',
    normalBalance: 'credit',
    participation: 'non-member',
  },
  {
    code: '420000',
    name: 'Fee income, installment collection',
    kind: 'income',
    normalBalance: 'credit',
    participation: 'non-member',
  },
  // The aggregator may debit more than the customer paid (a price change after the quote): a real loss.
  {
    code: '510000',
    name: 'PPOB loss, price above amount collected',
    kind: 'expense',
    normalBalance: 'debit',
  },
  // Over and short of the tellers' drawers at closing (selisih kas): short is a debit, over a credit.
  { code: '530000', name: 'Selisih kas', kind: 'expense', normalBalance: 'debit' },
] as const satisfies readonly Account[];

/** A code of the starting chart; postings use it so a mistyped account fails to compile. */
export type StartingAccountCode = (typeof startingChartOfAccounts)[number]['code'];
