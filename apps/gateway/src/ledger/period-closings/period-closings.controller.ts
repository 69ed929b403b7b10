import { Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { ApiException } from '../../http/api-exception.js';
import { LedgerQueries } from '../../queries/query-clients.js';

export class PeriodClosingResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ example: '2026-03', description: 'the month closed, YYYY-MM' }) month!: string;
  @ApiProperty({ description: 'the supervisor who closed it' }) closedBy!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Tutup buku: a supervisor closes a month, in order and for good. An entry whose event falls in a closed month
 * but reaches the ledger after the closing is counted in the next open month, with the date it belongs to.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger/period-closings')
@Roles('supervisor', 'auditor')
export class PeriodClosingsController {
  constructor(private readonly ledger: LedgerQueries) {}

  @Get()
  @ApiOperation({
    summary: 'The months closed so far, oldest first, with who closed them and when',
  })
  @ApiOkResponse({ type: [PeriodClosingResponse] })
  async closings(@CurrentUser() user: AuthenticatedUser): Promise<PeriodClosingResponse[]> {
    return (await this.ledger.periodClosings(koperasiOf(user))) as PeriodClosingResponse[];
  }

  @Put(':month')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Close a month (YYYY-MM): the next one after the last closed, up to the current month; closing it again answers the same',
  })
  @ApiOkResponse({ type: PeriodClosingResponse })
  @ApiConflictResponse({
    description: 'a month out of order, already inside the closed books, or not begun yet',
  })
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('month') month: string,
  ): Promise<PeriodClosingResponse> {
    if (!MONTH.test(month))
      throw new ApiException(
        400,
        'VALIDATION_FAILED',
        'month must be a month written YYYY-MM, e.g. 2026-03',
        [{ field: 'month', problems: ['must be YYYY-MM'] }],
      );
    return (await this.ledger.closePeriod(
      koperasiOf(user),
      month,
      user.id,
    )) as PeriodClosingResponse;
  }
}
