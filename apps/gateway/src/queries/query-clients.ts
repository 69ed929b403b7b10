import { Inject, Injectable } from '@nestjs/common';
import type {
  BankDepositView,
  BankFeeSettlementView,
  CashDrawerView,
  ExpectedCash,
  KoperasiView,
  MemberView,
  PeriodClosingView,
  SavingsMovementView,
  StatementLine,
  YearEndAccount,
} from '@koperasi/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { InternalHttpClient } from './internal-http.client.js';

const segment = encodeURIComponent;

/** The members service's read side, always scoped by koperasi. */
@Injectable()
export class MembersQueries {
  private readonly http: InternalHttpClient;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.http = new InternalHttpClient(
      'members',
      config.membersInternalUrl,
      config.internalApiToken,
    );
  }

  /** The months closed (tutup buku), oldest first. */
  periodClosings(koperasiId: string): Promise<PeriodClosingView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/period-closings`);
  }

  koperasi(koperasiId: string): Promise<KoperasiView> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}`);
  }

  allKoperasi(): Promise<KoperasiView[]> {
    return this.http.get('/internal/koperasi');
  }

  member(koperasiId: string, memberId: string): Promise<MemberView> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/members/${segment(memberId)}`);
  }

  searchMembers(koperasiId: string, query: { nik?: string; q?: string }): Promise<MemberView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/members`, query);
  }

  statement(koperasiId: string, memberId: string): Promise<StatementLine[]> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/members/${segment(memberId)}/statement`,
    );
  }

  /** Savings movements of one WIB day, oldest first; only one teller's when tellerId is given. */
  savingsMovements(
    koperasiId: string,
    query: { date: string; tellerId?: string },
  ): Promise<SavingsMovementView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/savings-movements`, query);
  }

  /** One savings movement by its event id (404 when it is another koperasi's). */
  savingsMovement(koperasiId: string, eventId: string): Promise<SavingsMovementView> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/savings-movements/${segment(eventId)}`,
    );
  }

  /** A teller's drawer of a WIB day (today without date); UNOPENED when never opened or counted. */
  cashDrawer(koperasiId: string, tellerId: string, date?: string): Promise<CashDrawerView> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/cash-drawers/${segment(tellerId)}`,
      { date },
    );
  }

  /** The drawers opened or counted on a WIB day. */
  cashDrawers(koperasiId: string, date: string): Promise<CashDrawerView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/cash-drawers`, { date });
  }

  /** The drawers opened or counted and not yet closed, of any day, oldest day first. */
  cashDrawersNotClosed(koperasiId: string): Promise<CashDrawerView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/cash-drawers/not-closed`);
  }

  cashDrawerById(koperasiId: string, drawerId: string): Promise<CashDrawerView> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/cash-drawers/by-id/${segment(drawerId)}`,
    );
  }

  /** Setor ke bank, newest first. */
  bankDeposits(koperasiId: string): Promise<BankDepositView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/bank/deposits`);
  }

  bankFeeSettlements(koperasiId: string): Promise<BankFeeSettlementView[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/bank/fee-settlements`);
  }

  /** What the bank has paid of each month's collection fees. */
  bankFeesSettled(koperasiId: string): Promise<{ period: string; settledRp: number }[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/bank/fee-settled`);
  }
}

export interface LedgerAccountBalance {
  code: string;
  name: string;
  kind: string;
  balanceRp: number;
}

export interface TrialBalance {
  asOf: string;
  lines: { code: string; name: string; debit: number; credit: number }[];
  totalDebit: number;
  totalCredit: number;
}

export interface TellerCash {
  tellerId: string;
  debitRp: number;
  creditRp: number;
  netRp: number;
}

export interface SavingsAmounts {
  pokokRp: number;
  wajibRp: number;
  sukarelaRp: number;
}

export interface LedgerSavingsStatement {
  memberId: string;
  asOf: string;
  balances: SavingsAmounts;
  lines: {
    entryId: string;
    sourceEventId: string;
    occurredAt: string;
    description: string;
    changes: SavingsAmounts;
    balances: SavingsAmounts;
  }[];
  truncated: boolean;
}

export interface FeeIncomeReport {
  from: string;
  to: string;
  groupBy: 'product' | 'day';
  rows: {
    source: 'PPOB' | 'LOANS';
    product?: string;
    day?: string;
    amountRp: number;
    count: number;
  }[];
  totals: { source: 'PPOB' | 'LOANS'; amountRp: number; count: number }[];
  totalRp: number;
}

/** The ledger service's read side, always scoped by koperasi. */
@Injectable()
export class LedgerQueries {
  private readonly http: InternalHttpClient;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.http = new InternalHttpClient('ledger', config.ledgerInternalUrl, config.internalApiToken);
  }

  accounts(koperasiId: string, asOf?: string): Promise<LedgerAccountBalance[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/accounts`, { asOf });
  }

  trialBalance(koperasiId: string, asOf: string | undefined): Promise<TrialBalance> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/trial-balance`, { asOf });
  }

  entries(koperasiId: string, sourceEventId: string | undefined): Promise<unknown[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/entries`, { sourceEventId });
  }

  memberSavings(koperasiId: string, memberId: string, asOf?: string): Promise<SavingsAmounts> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/members/${segment(memberId)}/savings`,
      { asOf },
    );
  }

  memberSavingsStatement(
    koperasiId: string,
    memberId: string,
    query: { asOf?: string; limit?: number },
  ): Promise<LedgerSavingsStatement> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/members/${segment(memberId)}/savings/statement`,
      {
        asOf: query.asOf,
        limit: query.limit === undefined ? undefined : String(query.limit),
      },
    );
  }

  cashByTeller(koperasiId: string, date: string | undefined): Promise<TellerCash[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/cash-by-teller`, { date });
  }

  /** What one teller's drawer should hold on a WIB day, by kind, as booked. */
  drawerCash(koperasiId: string, tellerId: string, date: string): Promise<ExpectedCash> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/cash-by-teller/${segment(tellerId)}`,
      { date },
    );
  }

  /** The collection fees the bank came to owe, by the month they were earned. */
  bankFeesAccrued(koperasiId: string): Promise<{ period: string; accruedRp: number }[]> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/bank-fees/accrued`);
  }

  feeIncome(
    koperasiId: string,
    query: { from: string; to: string; groupBy?: string },
  ): Promise<FeeIncomeReport> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/fee-income`, query);
  }

  /** The four financial statements over WIB days; amounts keep the ledger's `Rp` names. */
  statements(koperasiId: string, period: { from: string; to: string }): Promise<unknown> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/statements`, period);
  }

  /** The koperasi's SHU percentages (AD/ART) as last set; 404 when never set. */
  shuAllocation(koperasiId: string): Promise<unknown> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/shu-allocation`);
  }

  /** Records new SHU percentages; 400 in words when they do not add up to 100. */
  setShuAllocation(koperasiId: string, allocation: unknown, setBy: string): Promise<unknown> {
    return this.http.put(`/internal/koperasi/${segment(koperasiId)}/shu-allocation`, {
      allocation,
      setBy,
    });
  }

  /** The year's SHU divided by the percentages; 422 when the year has no surplus to divide. */
  shu(koperasiId: string, year: string): Promise<unknown> {
    return this.http.get(`/internal/koperasi/${segment(koperasiId)}/shu/${segment(year)}`);
  }

  /** The year's income and expense balances at its end in WIB, which closing December closes into equity. */
  yearEndBalances(
    koperasiId: string,
    year: string,
  ): Promise<{ year: number; accounts: YearEndAccount[] }> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/year-end-balances/${segment(year)}`,
    );
  }

  /** Buku besar of one account over WIB days; 404 for a code not in the chart. */
  generalLedger(
    koperasiId: string,
    accountCode: string,
    period: { from: string; to: string },
  ): Promise<unknown> {
    return this.http.get(
      `/internal/koperasi/${segment(koperasiId)}/general-ledger/${segment(accountCode)}`,
      period,
    );
  }
}
