import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  LoanCommands,
  type CloseRemittancePayload,
  type RemittanceView,
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
import { RemittanceResponse, presentRemittance } from '../loan.responses.js';
import { CloseRemittanceRequest } from './close-remittance.dto.js';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/remittances')
export class LoanRemittancesController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly loans: LoansQueries,
  ) {}

  @Post()
  @Roles('supervisor')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      'Close a batch of every collection the bank has acknowledged and that is not yet in a batch, and send it to the bank; ' +
      'follow it with GET until CONFIRMED or REJECTED. Collections still waiting for the bank go in a later batch.',
  })
  @ApiCreatedResponse({ type: RemittanceResponse })
  @ApiUnprocessableEntityResponse({
    description: 'nothing to remit (or only collections the bank has not acknowledged yet)',
  })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: CloseRemittanceRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    return this.commands.run<CloseRemittancePayload, RemittanceView>({
      user,
      write,
      body,
      command: LoanCommands.closeRemittance,
      koperasiId,
      // Spread over partitions: two closes may run at once, and the database's unique index settles the race.
      partitionKey: null,
      payload: body.upToDate === undefined ? {} : { upToDate: body.upToDate },
      successStatus: 201,
      present: presentRemittance,
    });
  }

  @Get(':id')
  @Roles('supervisor', 'teller', 'auditor')
  @ApiOperation({
    summary:
      "A batch: status, how many collections, what was collected, netted and sent, and the bank's reason if rejected",
  })
  @ApiOkResponse({ type: RemittanceResponse })
  @ApiNotFoundResponse({ description: "no such batch in the caller's koperasi" })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') remittanceId: string,
  ): Promise<RemittanceResponse> {
    return presentRemittance(await this.loans.remittance(koperasiOf(user), remittanceId));
  }
}
