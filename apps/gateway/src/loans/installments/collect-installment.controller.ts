import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  LoanCommands,
  type CollectInstallmentPayload,
  type CollectInstallmentResult,
} from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { CollectInstallmentResponse, presentCollected } from '../loan.responses.js';
import { CollectInstallmentRequest } from './collect-installment.dto.js';

/**
 * Takes a loan installment in cash for the bank. The gateway reads the bank's current view of the loan first
 * (through the loans service) and sends it with the command, so the loans service decides without waiting on
 * the bank while it holds a Kafka partition; it refuses a view older than a minute.
 */
@ApiTags('loans')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@Controller('loans/installments')
export class CollectInstallmentController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly loans: LoansQueries,
  ) {}

  @Post()
  @Roles('supervisor', 'teller')
  @ApiOperation({
    summary:
      'Collect an installment; the money is owed to the bank from now on, and the bank is told in the background',
  })
  @ApiCreatedResponse({ type: CollectInstallmentResponse })
  @ApiNotFoundResponse({ description: 'the bank has no such loan' })
  @ApiUnprocessableEntityResponse({
    description:
      'loan closed, more than the bank accepts, or a partial payment where none is agreed',
  })
  @ApiServiceUnavailableResponse({
    description: 'the bank cannot be reached to check the loan; nothing was recorded',
  })
  async collect(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: CollectInstallmentRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const loan = await this.loans.loan(koperasiId, body.loanNo);
    return this.commands.run<CollectInstallmentPayload, CollectInstallmentResult>({
      user,
      write,
      body,
      command: LoanCommands.collectInstallment,
      koperasiId,
      // One loan's payments in order on one partition.
      partitionKey: body.loanNo,
      payload: { loanNo: body.loanNo, amountRp: body.amount, loan },
      successStatus: 201,
      movesDrawerCash: true,
      present: presentCollected,
    });
  }
}
