import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  LoanCommands,
  type CollectionView,
  type PayBackRefusedCollectionPayload,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { CashDrawerGate } from '../../cash-drawer/cash-drawer-gate.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { ApiException } from '../../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { CollectionResponse, presentCollection } from '../loan.responses.js';
import { PayBackRequest } from './pay-back.dto.js';

/** Whose drawer may pay cash out. */
const COUNTER_ROLES: readonly string[] = ['teller', 'supervisor'];

/** Installments the bank refused for good (its 422): the cash is owed back to the customer until a supervisor pays it. */
@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/refused-collections')
export class RefusedCollectionsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly loans: LoansQueries,
    private readonly users: UsersRepository,
    private readonly drawers: CashDrawerGate,
  ) {}

  @Get()
  @Roles('supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Collections the bank refused, with its reason: those still owed back to the customer first',
  })
  @ApiOkResponse({ type: [CollectionResponse] })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<CollectionResponse[]> {
    return (await this.loans.refusedCollections(koperasiOf(user))).map(presentCollection);
  }

  @Post(':collectionId/pay-back')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiParam({ name: 'collectionId', format: 'uuid' })
  @ApiOperation({
    summary:
      "Pay a refused collection back to the customer in cash from a teller's drawer (the supervisor's own without tellerId)",
    description:
      "The drawer's expected cash goes down by the amount (kind refund); the liability 215000 is cleared.",
  })
  @ApiOkResponse({ type: CollectionResponse })
  @ApiNotFoundResponse({ description: 'no such collection in this koperasi' })
  @ApiConflictResponse({
    description:
      'COLLECTION_NOT_REFUSED, ALREADY_PAID_BACK, or CASH_DRAWER_CLOSED: that drawer is closed today',
  })
  async payBack(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('collectionId') collectionId: string,
    @Body() body: PayBackRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const tellerId = body.tellerId ?? user.id;
    const teller = tellerId === user.id ? null : await this.users.findById(tellerId);
    if (
      tellerId !== user.id &&
      (teller?.koperasiId !== koperasiId || !COUNTER_ROLES.includes(teller.role))
    ) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'tellerId must be a teller or supervisor of this koperasi',
        [{ field: 'tellerId', problems: ['is not a counter user of this koperasi'] }],
      );
    }
    await this.drawers.assertTakesCash(koperasiId, tellerId, nowInWib().slice(0, 10));
    const paidByName = await this.users.fullNameOf(user.id);
    return this.commands.run<PayBackRefusedCollectionPayload, CollectionView>({
      user,
      write,
      body: { collectionId, ...body },
      command: LoanCommands.payBackRefusedCollection,
      koperasiId,
      partitionKey: `collection:${collectionId}`,
      payload: { collectionId, tellerId, paidByName },
      successStatus: 200,
      present: presentCollection,
    });
  }
}
