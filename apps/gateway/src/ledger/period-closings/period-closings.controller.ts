import { Controller, Get, HttpStatus, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type ClosePeriodPayload,
  type PeriodClosingView,
} from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { ApiException } from '../../http/api-exception.js';
import { LedgerQueries, MembersQueries } from '../../queries/query-clients.js';

export class PeriodClosingResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ example: '2026-03', description: 'the month closed, YYYY-MM' }) month!: string;
  @ApiProperty({ description: 'the supervisor who closed it (user id)' }) closedBy!: string;
  @ApiProperty({ description: "the supervisor's full name" }) closedByName!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Tutup buku: a supervisor closes a month, in order and for good (a members command deciding PeriodClosed).
 * Closing December also closes the year's income and expenses into SHU belum dibagi (the ledger's entry).
 * From then on the supervisor's bookkeeping dated into it is refused (409 MONTH_CLOSED); a counter entry whose
 * event falls in a closed month but reaches the ledger after the closing counts in the next open month, with
 * the date it belongs to.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger/period-closings')
@Roles('supervisor', 'auditor')
export class PeriodClosingsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly members: MembersQueries,
    private readonly ledger: LedgerQueries,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The months closed so far, oldest first, with who closed them and when',
  })
  @ApiOkResponse({ type: [PeriodClosingResponse] })
  closings(@CurrentUser() user: AuthenticatedUser): Promise<PeriodClosingResponse[]> {
    return this.members.periodClosings(koperasiOf(user));
  }

  @Put(':month')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Close a month (YYYY-MM): the next one after the last closed, up to the current month; closing it again answers the same',
  })
  @ApiOkResponse({ type: PeriodClosingResponse })
  @ApiConflictResponse({
    description:
      'MONTH_OUT_OF_ORDER, MONTH_ALREADY_CLOSED (inside the closed books) or MONTH_NOT_BEGUN',
  })
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('month') month: string,
  ): Promise<unknown> {
    if (!MONTH.test(month))
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'month must be a month written YYYY-MM, e.g. 2026-03',
        [{ field: 'month', problems: ['must be YYYY-MM'] }],
      );
    const koperasiId = koperasiOf(user);
    const [closedByName, yearEnd] = await Promise.all([
      this.users.fullNameOf(user.id),
      // Closing December closes the year: the ledger's income and expenses go into equity with it.
      month.endsWith('-12') ? this.ledger.yearEndBalances(koperasiId, month.slice(0, 4)) : null,
    ]);
    return this.commands.run<ClosePeriodPayload, PeriodClosingView>({
      user,
      // Closing a month again answers that closing: the PUT needs no Idempotency-Key.
      write: null,
      body: { month },
      command: MemberCommands.closePeriod,
      koperasiId,
      partitionKey: `period-closing:${koperasiId}`,
      payload: { month, closedByName, ...(yearEnd && { yearEndAccounts: yearEnd.accounts }) },
      successStatus: 200,
      present: (view) => view,
    });
  }
}
