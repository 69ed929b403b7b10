import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type ApproveCashDrawerPayload,
  type CashDrawerView,
} from '@koperasi/contracts';
import { isCalendarDay } from '@koperasi/domain';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { koperasiOf } from '../auth/koperasi-of.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CommandRunner } from '../commands/command-runner.js';
import { CounterTodayQuery } from '../counter/today/counter-today.query.js';
import { ApiException } from '../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../idempotency/idempotent-write.decorator.js';
import { LedgerQueries, MembersQueries } from '../queries/query-clients.js';
import { CashDrawerResponse, CashDrawersResponse, presentDrawer } from './cash-drawer.responses.js';

/** A koperasi has a handful of tellers; the list is bounded all the same. */
const MAX_DRAWERS = 100;

/** The supervisor's side of the tellers' drawers: today's (or a day's) drawers, who has not closed, approving a closing. */
@ApiTags('cash')
@ApiBearerAuth()
@Controller('cash-drawers')
export class CashDrawersController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly members: MembersQueries,
    private readonly ledger: LedgerQueries,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({
    summary:
      "The koperasi's drawers of a WIB day (today by default): every teller who opened one or moved cash, with who has not closed",
  })
  @ApiOkResponse({ type: CashDrawersResponse })
  @ApiBadRequestResponse({ description: 'date is not a real calendar date written YYYY-MM-DD' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CounterTodayQuery,
  ): Promise<CashDrawersResponse> {
    const koperasiId = koperasiOf(user);
    const date = query.date ?? nowInWib().slice(0, 10);
    const [drawers, cash] = await Promise.all([
      this.members.cashDrawers(koperasiId, date),
      this.ledger.cashByTeller(koperasiId, date),
    ]);
    const byTeller = new Map(drawers.map((drawer) => [drawer.tellerId, drawer]));
    // A teller who took cash without opening a drawer still has one to close.
    const tellerIds = [
      ...new Set([...drawers.map((drawer) => drawer.tellerId), ...cash.map((row) => row.tellerId)]),
    ].slice(0, MAX_DRAWERS);
    const names = await this.users.fullNames(tellerIds);
    const rows = await Promise.all(
      tellerIds.map(async (tellerId) => {
        const [view, expected] = await Promise.all([
          byTeller.get(tellerId) ?? this.members.cashDrawer(koperasiId, tellerId, date),
          this.ledger.drawerCash(koperasiId, tellerId, date),
        ]);
        return presentDrawer(view, expected, names.get(tellerId) ?? tellerId);
      }),
    );
    rows.sort(
      (a, b) =>
        Number(a.status === 'CLOSED') - Number(b.status === 'CLOSED') ||
        a.tellerName.localeCompare(b.tellerName),
    );
    return { date, drawers: rows, notClosed: rows.filter((row) => row.status !== 'CLOSED').length };
  }

  @Post(':date/:tellerId/approve')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiParam({ name: 'date', description: 'the WIB day of the drawer, YYYY-MM-DD' })
  @ApiParam({ name: 'tellerId', format: 'uuid' })
  @ApiOperation({
    summary:
      "Approve a counted drawer's closing: the counted cash goes back to the vault and the difference to selisih kas, naming the approver",
  })
  @ApiOkResponse({ type: CashDrawerResponse })
  @ApiConflictResponse({
    description:
      'DRAWER_NOT_COUNTED: the teller has not done tutup kasir; DRAWER_CLOSED: already approved; MONTH_CLOSED: the current month is closed (tutup buku)',
  })
  @ApiForbiddenResponse({
    description: 'SELF_APPROVAL: a supervisor does not approve their own drawer',
  })
  async approve(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('date') date: string,
    @Param('tellerId') tellerId: string,
  ): Promise<unknown> {
    if (!isCalendarDay(date)) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'date must be a day that exists, written YYYY-MM-DD',
        [{ field: 'date', problems: ['must be YYYY-MM-DD'] }],
      );
    }
    const koperasiId = koperasiOf(user);
    const [expected, approverName, tellerName] = await Promise.all([
      this.ledger.drawerCash(koperasiId, tellerId, date),
      this.users.fullNameOf(user.id),
      this.users.fullNameOf(tellerId),
    ]);
    return this.commands.run<ApproveCashDrawerPayload, CashDrawerView>({
      user,
      write,
      body: { date, tellerId },
      command: MemberCommands.approveCashDrawer,
      koperasiId,
      partitionKey: `cash-drawer:${tellerId}`,
      payload: { tellerId, businessDate: date, expectedRp: expected.expectedRp, approverName },
      successStatus: 200,
      present: (view) => presentDrawer(view, expected, tellerName),
    });
  }
}
