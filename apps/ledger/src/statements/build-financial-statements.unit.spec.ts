import { startingChartOfAccounts } from '../domain/index.js';
import {
  buildFinancialStatements,
  type AccountSums,
  type StatementSums,
} from './build-financial-statements.js';

const period = { from: '2026-03-01', to: '2026-03-31' };

function sums(rows: [string, number, number][]): AccountSums[] {
  return rows.map(([accountCode, debitRp, creditRp]) => ({ accountCode, debitRp, creditRp }));
}

// February: a member pays simpanan pokok 25 000 in cash, the koperasi tops up the PPOB deposit 1 000 000 from the bank.
// March: a PLN payment of 52 500 (price 50 000, fee 2 500) in cash, the vault hands a float of 100 000 to a drawer,
// a drawer is 1 000 short at closing, and the member pays simpanan wajib 15 000.
const books: StatementSums = {
  before: sums([
    ['111000', 25_000, 0],
    ['112100', 0, 1_000_000],
    ['113100', 1_000_000, 0],
    ['310000', 0, 25_000],
  ]),
  during: sums([
    ['111000', 52_500 + 100_000 + 15_000, 1_000],
    ['111100', 0, 100_000],
    ['113100', 0, 50_000],
    ['410000', 0, 2_500],
    ['530000', 1_000, 0],
    ['320000', 0, 15_000],
  ]),
  cashCounterparts: sums([
    ['113100', 0, 50_000],
    ['410000', 0, 2_500],
    ['530000', 1_000, 0],
    ['320000', 0, 15_000],
  ]),
  yearEndClosings: [],
};

describe('buildFinancialStatements', () => {
  const statements = buildFinancialStatements('kop-1', period, startingChartOfAccounts, books);

  it('given a month of the counter, then the position balances: assets = liabilities + equity with the surplus', () => {
    const position = statements.financialPosition;
    expect(position.assets.lines.map((line) => [line.code, line.amountRp])).toEqual([
      ['111000', 25_000 + 166_500], // 191 500
      ['111100', -100_000],
      ['112100', -1_000_000],
      ['113100', 950_000],
    ]);
    expect(position.assets.totalRp).toBe(41_500);
    expect(position.liabilitiesAndEquityRp).toBe(position.assets.totalRp);
    expect(position.equity.lines).toContainEqual({
      code: null,
      name: 'SHU periode berjalan',
      amountRp: 1_500,
    });
  });

  it('given fee income from the public and a cash shortage, then the hasil usaha puts it under non-members and the surplus is income less expenses', () => {
    const result = statements.operatingResult;
    expect(result.memberIncome).toEqual({ lines: [], totalRp: 0 });
    expect(result.nonMemberIncome).toEqual({
      lines: [{ code: '410000', name: 'Fee income, PPOB', amountRp: 2_500 }],
      totalRp: 2_500,
    });
    expect(result.expenses.totalRp).toBe(1_000);
    expect(result.surplusRp).toBe(1_500);
  });

  it('given members paying in capital, then the change in equity is the surplus plus that capital', () => {
    const changes = statements.equityChanges;
    expect(changes.openingRp).toBe(25_000);
    expect(changes.surplusRp).toBe(statements.operatingResult.surplusRp);
    expect(changes.otherChangesRp).toBe(15_000);
    expect(changes.closingRp).toBe(statements.financialPosition.equity.totalRp);
    expect(changes.rows.find((row) => row.code === '320000')).toEqual({
      code: '320000',
      name: 'Simpanan wajib',
      openingRp: 0,
      changeRp: 15_000,
      closingRp: 15_000,
    });
  });

  it('given a float moved from the vault to a drawer, then the arus kas leaves it out and still equals the change in cash', () => {
    const flows = statements.cashFlows;
    expect(flows.openingCashRp).toBe(25_000 - 1_000_000);
    expect(flows.closingCashRp - flows.openingCashRp).toBe(flows.netChangeRp);
    expect(flows.netChangeRp).toBe(52_500 + 15_000 - 1_000);
    const [operating, investing, financing] = flows.activities;
    expect(operating.lines.map((line) => [line.code, line.receiptsRp, line.paymentsRp])).toEqual([
      ['113100', 50_000, 0],
      ['410000', 2_500, 0],
      ['530000', 0, 1_000],
    ]);
    expect(investing.lines).toEqual([]);
    expect(financing).toEqual({
      activity: 'financing',
      lines: [{ code: '320000', name: 'Simpanan wajib', receiptsRp: 15_000, paymentsRp: 0 }],
      netRp: 15_000,
    });
  });

  it('given a line on an account the chart does not have, then it fails loudly rather than leave it out of a total', () => {
    expect(() =>
      buildFinancialStatements('kop-1', period, startingChartOfAccounts, {
        ...books,
        during: sums([['999999', 1, 0]]),
      }),
    ).toThrow('Account 999999 is in the journal but not in the chart');
  });

  it('given fee income before the period and none in it, then the next period shows no income and a zero surplus, and the earlier surplus in equity', async () => {
    const next = buildFinancialStatements(
      'kop-1',
      { from: '2026-04-01', to: '2026-04-30' },
      startingChartOfAccounts,
      {
        before: sums([
          ['111000', 25_000 + 2_500, 0],
          ['112100', 0, 1_000_000],
          ['113100', 1_000_000, 0],
          ['310000', 0, 25_000],
          ['410000', 0, 2_500],
        ]),
        during: sums([
          ['111000', 10_000, 0],
          ['211000', 0, 10_000],
        ]),
        cashCounterparts: sums([['211000', 0, 10_000]]),
        yearEndClosings: [],
      },
    );
    expect(next.operatingResult).toMatchObject({
      nonMemberIncome: { lines: [], totalRp: 0 },
      surplusRp: 0,
    });
    expect(next.financialPosition.equity.lines).toContainEqual({
      code: null,
      name: 'SHU periode lalu belum ditutup',
      amountRp: 2_500,
    });
    expect(next.financialPosition.assets.totalRp).toBe(
      next.financialPosition.liabilitiesAndEquityRp,
    );
    expect(next.cashFlows.netChangeRp).toBe(
      next.cashFlows.closingCashRp - next.cashFlows.openingCashRp,
    );
  });

  it('given December holding the year-end closing entry, then the hasil usaha still shows the year, SHU belum dibagi holds it, nothing is left unclosed and the position balances', () => {
    const closing = sums([
      ['410000', 2_500, 0],
      ['530000', 0, 1_000],
      ['340000', 0, 1_500],
    ]);
    const december = buildFinancialStatements(
      'kop-1',
      { from: '2026-12-01', to: '2026-12-31' },
      startingChartOfAccounts,
      {
        ...books,
        during: sums([
          ['111000', 52_500 + 100_000 + 15_000, 1_000],
          ['111100', 0, 100_000],
          ['113100', 0, 50_000],
          ['410000', 2_500, 2_500],
          ['530000', 1_000, 1_000],
          ['320000', 0, 15_000],
          ['340000', 0, 1_500],
        ]),
        yearEndClosings: closing,
      },
    );
    expect(december.operatingResult).toEqual({
      ...statements.operatingResult,
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(december.operatingResult.surplusRp).toBe(1_500);
    expect(december.financialPosition.equity.lines).toEqual(
      expect.arrayContaining([
        { code: '340000', name: 'SHU belum dibagi', amountRp: 1_500 },
        { code: null, name: 'SHU periode berjalan', amountRp: 0 },
      ]),
    );
    expect(december.financialPosition.liabilitiesAndEquityRp).toBe(
      december.financialPosition.assets.totalRp,
    );
    expect(december.equityChanges).toMatchObject({ surplusRp: 1_500, otherChangesRp: 15_000 });
    expect(december.equityChanges.closingRp).toBe(statements.equityChanges.closingRp);
  });
});
