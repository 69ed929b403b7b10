import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { SavingsResponse, presentSavings } from '../../members/member.responses.js';
import { LedgerQueries } from '../../queries/query-clients.js';
import {
  AsOfQuery,
  CashByTellerQuery,
  EntriesQuery,
  FeeIncomeQuery,
  SavingsStatementQuery,
} from './ledger-reports.query.js';
import {
  AccountBalanceResponse,
  FeeIncomeResponse,
  SavingsStatementResponse,
  TellerCashResponse,
  TrialBalanceResponse,
  presentAccount,
  presentFeeIncome,
  presentSavingsStatement,
  presentTellerCash,
  presentTrialBalance,
  withoutRupiahSuffix,
} from './ledger.responses.js';

/** The books of the caller's koperasi, as the ledger projected them. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
@Roles('supervisor', 'teller', 'auditor')
export class LedgerReportsController {
  constructor(private readonly ledger: LedgerQueries) {}

  @Get('ledger/accounts')
  @ApiOperation({ summary: 'The chart of accounts with balances, now or as of a past instant' })
  @ApiOkResponse({ type: [AccountBalanceResponse] })
  async accounts(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AsOfQuery,
  ): Promise<AccountBalanceResponse[]> {
    return (await this.ledger.accounts(koperasiOf(user), query.asOf)).map(presentAccount);
  }

  @Get('ledger/trial-balance')
  @ApiOperation({
    summary: 'Trial balance, now or as of a past instant; total debit equals total credit',
  })
  @ApiOkResponse({ type: TrialBalanceResponse })
  async trialBalance(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AsOfQuery,
  ): Promise<TrialBalanceResponse> {
    return presentTrialBalance(await this.ledger.trialBalance(koperasiOf(user), query.asOf));
  }

  @Get('ledger/entries')
  @ApiOperation({ summary: 'Journal entries with their lines, e.g. the one posted from an event' })
  @ApiOkResponse({ description: 'journal entries with lines; amounts in rupiah' })
  async entries(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: EntriesQuery,
  ): Promise<unknown> {
    return withoutRupiahSuffix(await this.ledger.entries(koperasiOf(user), query.sourceEventId));
  }

  @Get('ledger/cash-by-teller')
  @ApiOperation({ summary: 'Cash taken in and paid out per teller on a day' })
  @ApiOkResponse({ type: [TellerCashResponse] })
  async cashByTeller(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CashByTellerQuery,
  ): Promise<TellerCashResponse[]> {
    return (await this.ledger.cashByTeller(koperasiOf(user), query.date)).map(presentTellerCash);
  }

  @Get('ledger/fee-income')
  @Roles('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Fee income from PPOB and installment collection, by product or by day, over WIB business days',
  })
  @ApiOkResponse({ type: FeeIncomeResponse })
  async feeIncome(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: FeeIncomeQuery,
  ): Promise<FeeIncomeResponse> {
    return presentFeeIncome(
      await this.ledger.feeIncome(koperasiOf(user), {
        from: query.from,
        to: query.to,
        groupBy: query.groupBy,
      }),
    );
  }

  @Get('members/:id/ledger-savings')
  @ApiOperation({
    summary:
      "The member's savings as the ledger's sub-ledger holds them, now or as of a past instant",
  })
  @ApiOkResponse({ type: SavingsResponse })
  async memberSavings(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') memberId: string,
    @Query() query: AsOfQuery,
  ): Promise<SavingsResponse> {
    return presentSavings(await this.ledger.memberSavings(koperasiOf(user), memberId, query.asOf));
  }

  @Get('members/:id/ledger-statement')
  @ApiOperation({
    summary:
      "The member's savings statement from the journal, with balances after each entry, up to asOf",
  })
  @ApiOkResponse({ type: SavingsStatementResponse })
  async memberStatement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') memberId: string,
    @Query() query: SavingsStatementQuery,
  ): Promise<SavingsStatementResponse> {
    return presentSavingsStatement(
      await this.ledger.memberSavingsStatement(koperasiOf(user), memberId, query),
    );
  }
}
