import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { SavingsResponse, presentSavings } from '../../members/member.responses.js';
import { LedgerQueries } from '../../queries/query-clients.js';
import { CashByTellerQuery, EntriesQuery, TrialBalanceQuery } from './ledger-reports.query.js';
import {
  AccountBalanceResponse,
  TellerCashResponse,
  TrialBalanceResponse,
  presentAccount,
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
  @ApiOperation({ summary: 'The chart of accounts with balances' })
  @ApiOkResponse({ type: [AccountBalanceResponse] })
  async accounts(@CurrentUser() user: AuthenticatedUser): Promise<AccountBalanceResponse[]> {
    return (await this.ledger.accounts(koperasiOf(user))).map(presentAccount);
  }

  @Get('ledger/trial-balance')
  @ApiOperation({ summary: 'Trial balance; total debit equals total credit' })
  @ApiOkResponse({ type: TrialBalanceResponse })
  async trialBalance(@CurrentUser() user: AuthenticatedUser, @Query() query: TrialBalanceQuery): Promise<TrialBalanceResponse> {
    return presentTrialBalance(await this.ledger.trialBalance(koperasiOf(user), query.asOf));
  }

  @Get('ledger/entries')
  @ApiOperation({ summary: 'Journal entries with their lines, e.g. the one posted from an event' })
  @ApiOkResponse({ description: 'journal entries with lines; amounts in rupiah' })
  async entries(@CurrentUser() user: AuthenticatedUser, @Query() query: EntriesQuery): Promise<unknown> {
    return withoutRupiahSuffix(await this.ledger.entries(koperasiOf(user), query.sourceEventId));
  }

  @Get('ledger/cash-by-teller')
  @ApiOperation({ summary: 'Cash taken in and paid out per teller on a day' })
  @ApiOkResponse({ type: [TellerCashResponse] })
  async cashByTeller(@CurrentUser() user: AuthenticatedUser, @Query() query: CashByTellerQuery): Promise<TellerCashResponse[]> {
    return (await this.ledger.cashByTeller(koperasiOf(user), query.date)).map(presentTellerCash);
  }

  @Get('members/:id/ledger-savings')
  @ApiOperation({ summary: "The member's savings as the ledger's sub-ledger holds them" })
  @ApiOkResponse({ type: SavingsResponse })
  async memberSavings(@CurrentUser() user: AuthenticatedUser, @Param('id') memberId: string): Promise<SavingsResponse> {
    return presentSavings(await this.ledger.memberSavings(koperasiOf(user), memberId));
  }
}
