import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type BankDepositView,
  type BankFeeSettlementView,
  type RecordBankDepositPayload,
  type SettleBankFeesPayload,
} from '@koperasi/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { koperasiOf } from '../auth/koperasi-of.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CommandRunner } from '../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../idempotency/idempotent-write.decorator.js';
import { LedgerQueries, MembersQueries } from '../queries/query-clients.js';
import { BankDepositRequest, BankFeeSettlementRequest } from './bank.dto.js';
import {
  BankDepositResponse,
  BankDepositsResponse,
  BankFeeSettlementResponse,
  BankFeesResponse,
  bankFeeMonths,
  presentBankDeposit,
  presentBankFeeSettlement,
} from './bank.responses.js';

const VAULT_ACCOUNT = '111100';

/** The koperasi's money with its bank: setor ke bank from the vault, and the bank paying the collection fees it owes. */
@ApiTags('bank')
@ApiBearerAuth()
@Controller('bank')
export class BankController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly members: MembersQueries,
    private readonly ledger: LedgerQueries,
    private readonly users: UsersRepository,
  ) {}

  @Get('deposits')
  @Roles('supervisor', 'auditor')
  @ApiOperation({
    summary: 'Setor ke bank: the vault balance now and the deposits recorded, newest first',
  })
  @ApiOkResponse({ type: BankDepositsResponse })
  async deposits(@CurrentUser() user: AuthenticatedUser): Promise<BankDepositsResponse> {
    const koperasiId = koperasiOf(user);
    const [vaultBalance, deposits] = await Promise.all([
      this.vaultBalanceRp(koperasiId),
      this.members.bankDeposits(koperasiId),
    ]);
    return { vaultBalance, deposits: deposits.map(presentBankDeposit) };
  }

  @Post('deposits')
  @Roles('supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      "Setor ke bank: cash from the vault (kas brankas) deposited to the koperasi's bank account, with the bank's slip",
  })
  @ApiCreatedResponse({ type: BankDepositResponse })
  @ApiConflictResponse({
    description:
      'SLIP_ALREADY_RECORDED: this koperasi already recorded the slip; MONTH_CLOSED: the current month is closed (tutup buku)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'MORE_THAN_VAULT: the vault holds less than the amount',
  })
  async recordDeposit(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: BankDepositRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const [vaultBalanceRp, recordedByName] = await Promise.all([
      this.vaultBalanceRp(koperasiId),
      this.users.fullNameOf(user.id),
    ]);
    return this.commands.run<RecordBankDepositPayload, BankDepositView>({
      user,
      write,
      body,
      command: MemberCommands.recordBankDeposit,
      koperasiId,
      partitionKey: `bank:${koperasiId}`,
      payload: { slipRef: body.slipRef, amountRp: body.amount, vaultBalanceRp, recordedByName },
      successStatus: 201,
      present: presentBankDeposit,
    });
  }

  @Get('fees')
  @Roles('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Collection fees the bank owes (114100) by month: accrued, settled and still owed; the settlements recorded',
  })
  @ApiOkResponse({ type: BankFeesResponse })
  async fees(@CurrentUser() user: AuthenticatedUser): Promise<BankFeesResponse> {
    const koperasiId = koperasiOf(user);
    const [accrued, settled, settlements] = await Promise.all([
      this.ledger.bankFeesAccrued(koperasiId),
      this.members.bankFeesSettled(koperasiId),
      this.members.bankFeeSettlements(koperasiId),
    ]);
    const months = bankFeeMonths(accrued, settled);
    return {
      months,
      totalOwed: months.reduce((sum, month) => sum + month.owed, 0),
      settlements: settlements.map(presentBankFeeSettlement),
    };
  }

  @Post('fee-settlements')
  @Roles('supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      'The bank paid collection fees of a month into the bank account: the fee receivable goes down, the bank account up',
  })
  @ApiCreatedResponse({ type: BankFeeSettlementResponse })
  @ApiConflictResponse({
    description:
      'REFERENCE_ALREADY_RECORDED: this koperasi already recorded the reference; MONTH_CLOSED: the current month is closed (tutup buku)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'MORE_THAN_OWED: the bank owes less than the amount for that month',
  })
  async settleFees(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: BankFeeSettlementRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const [accrued, recordedByName] = await Promise.all([
      this.ledger.bankFeesAccrued(koperasiId),
      this.users.fullNameOf(user.id),
    ]);
    return this.commands.run<SettleBankFeesPayload, BankFeeSettlementView>({
      user,
      write,
      body,
      command: MemberCommands.settleBankFees,
      koperasiId,
      partitionKey: `bank:${koperasiId}`,
      payload: {
        reference: body.reference,
        period: body.period,
        amountRp: body.amount,
        accruedRp: accrued.find((month) => month.period === body.period)?.accruedRp ?? 0,
        recordedByName,
      },
      successStatus: 201,
      present: presentBankFeeSettlement,
    });
  }

  private async vaultBalanceRp(koperasiId: string): Promise<number> {
    const accounts = await this.ledger.accounts(koperasiId);
    return accounts.find((account) => account.code === VAULT_ACCOUNT)?.balanceRp ?? 0;
  }
}
