import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type ResignMemberPayload,
  type SavingsMovementResult,
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
import { SavingsMovementResponse, presentMovement } from '../member.responses.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members/:id')
export class ResignMemberController {
  constructor(private readonly commands: CommandRunner) {}

  /** Pays out everything and closes the member: a supervisor's decision, not a teller's. */
  @Post('resignation')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Resign a member: pays out pokok, wajib and sukarela and closes the member (supervisor)',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({
    type: SavingsMovementResponse,
    description: 'amount is the total paid out; savings are all zero after it',
  })
  @ApiUnprocessableEntityResponse({
    description: 'something is still pending or the member already resigned',
  })
  resign(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') memberId: string,
  ): Promise<unknown> {
    return this.commands.run<ResignMemberPayload, SavingsMovementResult>({
      user,
      write,
      body: {},
      command: MemberCommands.resignMember,
      koperasiId: koperasiOf(user),
      partitionKey: memberId,
      payload: { memberId },
      successStatus: 200,
      movesDrawerCash: true,
      present: presentMovement,
    });
  }
}
