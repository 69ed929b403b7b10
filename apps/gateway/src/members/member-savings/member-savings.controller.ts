import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
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
  type MemberMoneyPayload,
  type PaySimpananWajibPayload,
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
import { PaySimpananWajibRequest, SavingsAmountRequest } from './member-savings.dto.js';

/** Money in and out of a member's savings at the counter; 200 with the movement and the savings after it. */
@ApiTags('members')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@Controller('members/:id')
export class MemberSavingsController {
  constructor(private readonly commands: CommandRunner) {}

  @Post('simpanan-pokok')
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Simpanan pokok, once, exactly the koperasi's amount; makes the member ACTIVE",
  })
  @ApiOkResponse({ type: SavingsMovementResponse })
  @ApiUnprocessableEntityResponse({ description: 'already paid or not the set amount' })
  paySimpananPokok(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') memberId: string,
    @Body() body: SavingsAmountRequest,
  ): Promise<unknown> {
    return this.move(user, write, body, MemberCommands.paySimpananPokok, {
      memberId,
      amountRp: body.amount,
    });
  }

  @Post('simpanan-wajib')
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Simpanan wajib for one or more months; a month is never paid twice' })
  @ApiOkResponse({ type: SavingsMovementResponse })
  @ApiUnprocessableEntityResponse({
    description: 'a month already paid or before joining, or the total is not months x rate',
  })
  paySimpananWajib(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') memberId: string,
    @Body() body: PaySimpananWajibRequest,
  ): Promise<unknown> {
    const payload: PaySimpananWajibPayload = {
      memberId,
      amountRp: body.amount,
      periods: body.periods,
    };
    return this.move(user, write, body, MemberCommands.paySimpananWajib, payload);
  }

  @Post('simpanan-sukarela/deposits')
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deposit into simpanan sukarela' })
  @ApiOkResponse({ type: SavingsMovementResponse })
  depositSukarela(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') memberId: string,
    @Body() body: SavingsAmountRequest,
  ): Promise<unknown> {
    return this.move(user, write, body, MemberCommands.depositSukarela, {
      memberId,
      amountRp: body.amount,
    });
  }

  @Post('simpanan-sukarela/withdrawals')
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw from simpanan sukarela; never below zero' })
  @ApiOkResponse({ type: SavingsMovementResponse })
  @ApiUnprocessableEntityResponse({
    description: 'the withdrawal would overdraw simpanan sukarela',
  })
  withdrawSukarela(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('id') memberId: string,
    @Body() body: SavingsAmountRequest,
  ): Promise<unknown> {
    return this.move(user, write, body, MemberCommands.withdrawSukarela, {
      memberId,
      amountRp: body.amount,
    });
  }

  private move<TPayload extends MemberMoneyPayload>(
    user: AuthenticatedUser,
    write: IdempotentWrite,
    body: object,
    command: string,
    payload: TPayload,
  ): Promise<unknown> {
    if (!Number.isSafeInteger(payload.amountRp))
      throw new Error(`amountRp ${payload.amountRp} passed validation unchecked`);
    return this.commands.run<TPayload, SavingsMovementResult>({
      user,
      write,
      body,
      command,
      koperasiId: koperasiOf(user),
      partitionKey: payload.memberId,
      payload,
      successStatus: 200,
      movesDrawerCash: true,
      present: presentMovement,
    });
  }
}
