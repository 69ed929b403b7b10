import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { CollectionListResponse, presentCollectionList } from '../loan.responses.js';
import { CollectionsQuery } from './collections.query.js';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/collections')
@Roles('supervisor', 'teller', 'auditor')
export class LoanCollectionsController {
  constructor(private readonly loans: LoansQueries) {}

  @Get()
  @ApiOperation({
    summary: "A day's collections with their totals, optionally only those in one remittance state",
  })
  @ApiOkResponse({ type: CollectionListResponse })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CollectionsQuery,
  ): Promise<CollectionListResponse> {
    return presentCollectionList(
      await this.loans.collections(koperasiOf(user), { date: query.date, status: query.status }),
    );
  }
}
