import {
  SAVINGS_FIELD_BY_ACCOUNT,
  type Account,
  type StartingAccountCode,
} from '../domain/index.js';
import { balanceInNormalDirection } from '../queries/normal-balance.js';
import type {
  CashFlowActivity,
  CashFlowLine,
  CashFlowSection,
  FinancialStatementsView,
  StatementLine,
  StatementPeriod,
  StatementSection,
} from './statement-views.js';

export interface AccountSums {
  accountCode: string;
  debitRp: number;
  creditRp: number;
}

export interface StatementSums {
  /** Per account, the entries whose event occurred before the period. */
  before: readonly AccountSums[];
  /** Per account, the entries of the period. */
  during: readonly AccountSums[];
  /** Per account, the year-end closing entries of the period (within `during`): income and expenses into equity. */
  yearEndClosings: readonly AccountSums[];
  /** Per non-cash account, its lines in the period's entries that moved cash: the other side of each cash movement. */
  cashCounterparts: readonly AccountSums[];
}

/**
 * Kas dan setara kas, by the SIMKOPDES coding: 111xxx cash (the drawers' Kas, the vault) and 112xxx banks. The
 * PPOB deposit (113xxx) and what the bank owes (114xxx) are receivables, not cash the koperasi can pay with.
 */
export function isCashAccount(code: string): boolean {
  return code.startsWith('111') || code.startsWith('112');
}

/**
 * Where a cash movement goes in the arus kas, by the account on its other side: members' capital and savings
 * are how the koperasi is funded (financing); non-current assets (12xxxx and up) are investing; the rest is
 * the business of the counter (operating).
 */
export function cashFlowActivityOf(account: Account): CashFlowActivity {
  if (
    account.kind === 'equity' ||
    SAVINGS_FIELD_BY_ACCOUNT[account.code as StartingAccountCode] !== undefined
  )
    return 'financing';
  if (account.kind === 'asset' && !account.code.startsWith('11')) return 'investing';
  return 'operating';
}

const ACTIVITIES: readonly CashFlowActivity[] = ['operating', 'investing', 'financing'];

/**
 * The four statements of the period from the journal's sums alone. The position shows the surplus not yet
 * closed into equity (income less expenses as they stand), so it balances as of any day: assets = liabilities
 * + equity accounts + surplus before the period + the period's surplus not closed. The hasil usaha leaves the
 * year-end closing entries out, else a period holding 31 December would show a surplus of zero; the closing
 * moves that surplus into SHU belum dibagi, so the equity changes are the surplus and nothing else.
 */
export function buildFinancialStatements(
  koperasiId: string,
  period: StatementPeriod,
  chart: readonly Account[],
  sums: StatementSums,
): FinancialStatementsView {
  const accountOf = chartLookup(chart);
  const opening = netByAccount(sums.before, accountOf);
  const movement = netByAccount(sums.during, accountOf);
  const closedAtYearEnd = netByAccount(sums.yearEndClosings, accountOf);
  /** The period's movement before the year-end closings: what the koperasi earned and spent. */
  const earned = new Map(
    [...movement].map(([code, amountRp]) => [
      code,
      add(amountRp, -(closedAtYearEnd.get(code) ?? 0)),
    ]),
  );
  const closing = new Map(
    chart.map((account) => [
      account.code,
      add(opening.get(account.code) ?? 0, movement.get(account.code) ?? 0),
    ]),
  );

  const usedDuring = (code: string) => movement.has(code);
  const used = (code: string) => opening.has(code) || usedDuring(code);
  /** The accounts with a balance at the end (a position), or with movement in the period (income and expenses). */
  const section = (
    accounts: readonly Account[],
    figures: Map<string, number>,
    shown: (code: string) => boolean,
  ): StatementSection => {
    const lines = accounts
      .filter((account) => shown(account.code))
      .map((account) => ({
        code: account.code,
        name: account.name,
        amountRp: figures.get(account.code) ?? 0,
      }));
    return { lines, totalRp: total(lines) };
  };
  const ofKind = (kind: Account['kind']) => chart.filter((account) => account.kind === kind);
  const surplusOf = (net: Map<string, number>) =>
    add(
      total(ofKind('income').map((account) => ({ amountRp: net.get(account.code) ?? 0 }))),
      -total(ofKind('expense').map((account) => ({ amountRp: net.get(account.code) ?? 0 }))),
    );

  const surplusBeforeRp = surplusOf(opening);
  const surplusRp = surplusOf(earned);
  const unclosedSurplusRp = surplusOf(movement);
  const surplusLines = (before: number, during: number): StatementLine[] => [
    { code: null, name: 'SHU periode lalu belum ditutup', amountRp: before },
    { code: null, name: 'SHU periode berjalan', amountRp: during },
  ];

  const assets = section(ofKind('asset'), closing, used);
  const liabilities = section(ofKind('liability'), closing, used);
  const equityAccounts = section(ofKind('equity'), closing, used);
  const equityLines = [
    ...equityAccounts.lines,
    ...surplusLines(surplusBeforeRp, unclosedSurplusRp),
  ];
  const equity = { lines: equityLines, totalRp: total(equityLines) };

  const income = ofKind('income');
  const memberIncome = section(
    income.filter((account) => account.participation === 'member'),
    earned,
    usedDuring,
  );
  const nonMemberIncome = section(
    income.filter((account) => account.participation !== 'member'),
    earned,
    usedDuring,
  );
  const expenses = section(ofKind('expense'), earned, usedDuring);

  const equityRows = [
    ...ofKind('equity')
      .filter((account) => used(account.code))
      .map((account) => ({
        code: account.code,
        name: account.name,
        openingRp: opening.get(account.code) ?? 0,
        changeRp: movement.get(account.code) ?? 0,
        closingRp: closing.get(account.code) ?? 0,
      })),
    {
      code: null,
      name: 'Sisa hasil usaha belum ditutup',
      openingRp: surplusBeforeRp,
      changeRp: unclosedSurplusRp,
      closingRp: add(surplusBeforeRp, unclosedSurplusRp),
    },
  ];
  const equityOpeningRp = total(equityRows.map((row) => ({ amountRp: row.openingRp })));
  const equityClosingRp = total(equityRows.map((row) => ({ amountRp: row.closingRp })));

  const cashAccounts = chart
    .filter((account) => isCashAccount(account.code) && used(account.code))
    .map((account) => ({
      code: account.code,
      name: account.name,
      openingRp: opening.get(account.code) ?? 0,
      closingRp: closing.get(account.code) ?? 0,
    }));
  const openingCashRp = total(cashAccounts.map((account) => ({ amountRp: account.openingRp })));
  const closingCashRp = total(cashAccounts.map((account) => ({ amountRp: account.closingRp })));
  const activities = ACTIVITIES.map((activity): CashFlowSection => {
    const lines: CashFlowLine[] = sums.cashCounterparts
      .map((row) => ({ row, account: accountOf(row.accountCode) }))
      .filter(
        ({ account }) => !isCashAccount(account.code) && cashFlowActivityOf(account) === activity,
      )
      .sort((a, b) => (a.account.code < b.account.code ? -1 : 1))
      // A credit on the other side of a cash movement is cash coming in; a debit, cash going out.
      .map(({ row, account }) => ({
        code: account.code,
        name: account.name,
        receiptsRp: row.creditRp,
        paymentsRp: row.debitRp,
      }));
    return {
      activity,
      lines,
      netRp: lines.reduce((sum, line) => add(sum, line.receiptsRp - line.paymentsRp), 0),
    };
  });

  return {
    koperasiId,
    ...period,
    financialPosition: {
      ...period,
      assets,
      liabilities,
      equity,
      liabilitiesAndEquityRp: add(liabilities.totalRp, equity.totalRp),
    },
    operatingResult: {
      ...period,
      memberIncome,
      nonMemberIncome,
      totalIncomeRp: add(memberIncome.totalRp, nonMemberIncome.totalRp),
      expenses,
      surplusRp,
    },
    equityChanges: {
      ...period,
      rows: equityRows,
      openingRp: equityOpeningRp,
      surplusRp,
      otherChangesRp: add(equityClosingRp, -add(equityOpeningRp, surplusRp)),
      closingRp: equityClosingRp,
    },
    cashFlows: {
      ...period,
      cashAccounts,
      openingCashRp,
      activities,
      netChangeRp: activities.reduce((sum, activity) => add(sum, activity.netRp), 0),
      closingCashRp,
    },
  };
}

export function chartLookup(chart: readonly Account[]): (code: string) => Account {
  const byCode = new Map(chart.map((account) => [account.code, account]));
  return (code) => {
    const account = byCode.get(code);
    // The journal's lines reference the chart table: an account missing here is a chart out of step with the code.
    if (!account)
      throw new Error(`Account ${code} is in the journal but not in the chart of accounts`);
    return account;
  };
}

function netByAccount(
  rows: readonly AccountSums[],
  accountOf: (code: string) => Account,
): Map<string, number> {
  return new Map(
    rows.map((row) => [
      row.accountCode,
      balanceInNormalDirection(accountOf(row.accountCode).normalBalance, row.debitRp, row.creditRp),
    ]),
  );
}

function total(lines: readonly { amountRp: number }[]): number {
  return lines.reduce((sum, line) => add(sum, line.amountRp), 0);
}

/** Sums past 2^53 would round and hide a difference: a statement that cannot add up exactly is refused. */
function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new Error('A statement total is beyond exact integer range');
  return sum;
}
