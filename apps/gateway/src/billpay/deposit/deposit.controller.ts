import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BillpayCommands, type TopUpDepositPayload } from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { BillpayQueries, type TopUpResult } from '../../queries/billpay-queries.js';
import {
  DepositResponse,
  ReconciliationResponse,
  TopUpResponse,
  presentDeposit,
  presentReconciliation,
  presentTopUp,
} from '../billpay.responses.js';
import { ReconciliationQuery, TopUpRequest } from './top-up.dto.js';

/** The koperasi's deposit at the PPOB aggregator: its balance, the supervisor's top-ups, the daily reconciliation. */
@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay')
export class BillpayDepositController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly billpay: BillpayQueries,
  ) {}

  @Get('deposit')
  @Roles('supervisor', 'teller', 'auditor')
  @ApiOperation({
    summary: 'The deposit as booked: balance, reserved for unresolved payments, available',
  })
  @ApiOkResponse({ type: DepositResponse })
  async deposit(@CurrentUser() user: AuthenticatedUser): Promise<DepositResponse> {
    return presentDeposit(await this.billpay.deposit(koperasiOf(user)));
  }

  @Post('deposit/topups')
  @Roles('supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      'Record a transfer from the koperasi bank account into the aggregator deposit (supervisor)',
  })
  @ApiCreatedResponse({ type: TopUpResponse })
  @ApiConflictResponse({
    description: 'DUPLICATE_TRANSFER_REF: this bank transfer was already recorded',
  })
  topUp(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: TopUpRequest,
  ): Promise<unknown> {
    return this.commands.run<TopUpDepositPayload, TopUpResult>({
      user,
      write,
      body,
      command: BillpayCommands.topUpDeposit,
      koperasiId: koperasiOf(user),
      partitionKey: koperasiOf(user),
      payload: { amountRp: body.amount, bankTransferRef: body.bankTransferRef },
      successStatus: 201,
      present: presentTopUp,
    });
  }

  @Get('reconciliation')
  @Roles('supervisor', 'auditor')
  @ApiOperation({
    summary:
      "Our deposit movements of a WIB date against the aggregator's statement: each difference, and both closing balances",
  })
  @ApiOkResponse({ type: ReconciliationResponse })
  async reconciliation(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReconciliationQuery,
  ): Promise<ReconciliationResponse> {
    return presentReconciliation(await this.billpay.reconciliation(koperasiOf(user), query.date));
  }
}
