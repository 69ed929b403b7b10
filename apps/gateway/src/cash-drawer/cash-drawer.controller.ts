import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type CashDrawerView,
  type CountCashDrawerPayload,
  type OpenCashDrawerPayload,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { koperasiOf } from '../auth/koperasi-of.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CommandRunner } from '../commands/command-runner.js';
import { ApiException } from '../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../idempotency/idempotent-write.decorator.js';
import { LedgerQueries, MembersQueries } from '../queries/query-clients.js';
import { CashDrawerGate } from './cash-drawer-gate.js';
import { CashDrawerResponse, presentDrawer } from './cash-drawer.responses.js';
import { CloseCashDrawerRequest, OpenCashDrawerRequest } from './cash-drawer.dto.js';

/** The caller's own drawer of today (WIB): buka kasir, what it should hold, tutup kasir. */
@ApiTags('cash')
@ApiBearerAuth()
@Controller('cash-drawer')
export class CashDrawerController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly members: MembersQueries,
    private readonly ledger: LedgerQueries,
    private readonly users: UsersRepository,
    private readonly gate: CashDrawerGate,
  ) {}

  @Get()
  @Roles('teller', 'supervisor')
  @ApiOperation({
    summary:
      "The caller's drawer today: status, opening float, the expected cash by kind, the count and the difference",
  })
  @ApiOkResponse({ type: CashDrawerResponse })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<CashDrawerResponse> {
    const koperasiId = koperasiOf(user);
    const today = nowInWib().slice(0, 10);
    const [view, expected, tellerName] = await Promise.all([
      this.members.cashDrawer(koperasiId, user.id, today),
      this.ledger.drawerCash(koperasiId, user.id, today),
      this.users.fullNameOf(user.id),
    ]);
    return presentDrawer(view, expected, tellerName);
  }

  @Post('open')
  @Roles('teller', 'supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      "Buka kasir: the opening float moves from the vault (kas brankas) into the caller's drawer",
  })
  @ApiOkResponse({ type: CashDrawerResponse })
  @ApiConflictResponse({
    description: 'DRAWER_ALREADY_OPEN, or DRAWER_CLOSED: the drawer was counted or closed today',
  })
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: OpenCashDrawerRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const tellerName = await this.users.fullNameOf(user.id);
    return this.commands.run<OpenCashDrawerPayload, CashDrawerView>({
      user,
      write,
      body,
      command: MemberCommands.openCashDrawer,
      koperasiId,
      partitionKey: `cash-drawer:${user.id}`,
      payload: { openingFloatRp: body.openingFloat },
      successStatus: 200,
      // The float is booked in the ledger a moment later; the drawer's own figures are enough here.
      present: (view) =>
        presentDrawer(
          view,
          {
            lines: [{ kind: 'opening-float', count: 1, inRp: view.openingFloatRp, outRp: 0 }],
            expectedRp: view.openingFloatRp,
          },
          tellerName,
        ),
    });
  }

  @Post('close')
  @Roles('teller', 'supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      'Tutup kasir: the counted cash (optionally by note and coin) against the expected; the drawer takes no more cash today',
    description:
      'A supervisor then approves the closing (POST /cash-drawers/{date}/{tellerId}/approve). A recount before the approval replaces the count.',
  })
  @ApiOkResponse({ type: CashDrawerResponse })
  @ApiBadRequestResponse({
    description: 'INVALID_DENOMINATIONS: the notes and coins do not add up to counted',
  })
  @ApiConflictResponse({ description: 'DRAWER_CLOSED: the closing was already approved' })
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: CloseCashDrawerRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const today = nowInWib().slice(0, 10);
    const [before, expected, tellerName] = await Promise.all([
      this.members.cashDrawer(koperasiId, user.id, today),
      this.ledger.drawerCash(koperasiId, user.id, today),
      this.users.fullNameOf(user.id),
    ]);
    // Closed to new cash before the count is sent, so nothing is taken between the count and its approval.
    await this.gate.markClosed(koperasiId, user.id, today);
    const payload: CountCashDrawerPayload = {
      countedRp: body.counted,
      denominations: (body.denominations ?? []).map((line) => ({
        valueRp: line.value,
        count: line.count,
      })),
      expected,
    };
    try {
      return await this.commands.run<CountCashDrawerPayload, CashDrawerView>({
        user,
        write,
        body,
        command: MemberCommands.countCashDrawer,
        koperasiId,
        partitionKey: `cash-drawer:${user.id}`,
        payload,
        successStatus: 200,
        present: (view) => presentDrawer(view, expected, tellerName),
      });
    } catch (error) {
      // A refused first count leaves the drawer taking cash; an unknown outcome keeps it closed, to be safe.
      const refusedCount =
        error instanceof ApiException &&
        error.getStatus() < 500 &&
        error.body.error !== 'DRAWER_CLOSED';
      if (refusedCount && (before.status === 'UNOPENED' || before.status === 'OPEN'))
        await this.gate.unmark(koperasiId, user.id, today);
      throw error;
    }
  }
}
