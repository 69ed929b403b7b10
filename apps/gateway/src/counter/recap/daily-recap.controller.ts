import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { sendStatement, type FileResponse } from '../../ledger/statements/send-statement.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { recapReceiptId, recapScopeOf } from './daily-recap-scope.js';
import { dailyRecapTable } from './daily-recap-table.js';
import { DailyRecapExportQuery, DailyRecapQuery } from './daily-recap.query.js';
import { DailyRecapResponse, presentRecap } from './daily-recap.responses.js';
import { DailyRecapService } from './daily-recap.service.js';

/** Rekap harian: a supervisor sees every teller and the koperasi's total, a teller their own day. */
@ApiTags('counter')
@ApiBearerAuth()
@Controller('counter/recap')
@Roles('teller', 'supervisor')
export class DailyRecapController {
  constructor(
    private readonly recaps: DailyRecapService,
    private readonly members: MembersQueries,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The daily recap of a WIB day (today by default): count and rupiah per product and kind, fees and refunds, per teller and (a supervisor) for the koperasi',
    description:
      'Printed on the 58 mm roll with POST /receipts/rekap/{receiptId}/prints; on A4 or as CSV from /counter/recap/export.',
  })
  @ApiOkResponse({ type: DailyRecapResponse })
  @ApiBadRequestResponse({ description: 'date is not a real calendar date written YYYY-MM-DD' })
  async recap(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DailyRecapQuery,
  ): Promise<DailyRecapResponse> {
    const koperasiId = koperasiOf(user);
    const date = query.date ?? nowInWib().slice(0, 10);
    const scope = recapScopeOf(user);
    const recap = await this.recaps.recap(koperasiId, date, scope);
    return { ...presentRecap(recap), receiptId: recapReceiptId(date, koperasiId, scope) };
  }

  @Get('export')
  @ApiOperation({ summary: 'The daily recap as CSV or as an A4 page to print or save as PDF' })
  @ApiProduces('text/csv', 'text/html')
  @ApiOkResponse({ description: 'the recap as a CSV file or a printable A4 page' })
  @ApiBadRequestResponse({
    description: 'date is not a real calendar date, or format not csv/html',
  })
  async exportRecap(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DailyRecapExportQuery,
    @Res({ passthrough: true }) response: FileResponse,
  ): Promise<string> {
    const koperasiId = koperasiOf(user);
    const date = query.date ?? nowInWib().slice(0, 10);
    const recap = await this.recaps.recap(koperasiId, date, recapScopeOf(user));
    return sendStatement(
      this.members,
      koperasiId,
      dailyRecapTable(recap),
      { name: `rekap-harian-${date}`, format: query.format },
      response,
    );
  }
}
