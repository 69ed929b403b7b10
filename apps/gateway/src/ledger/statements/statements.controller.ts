import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { ApiException } from '../../http/api-exception.js';
import { LedgerQueries, MembersQueries } from '../../queries/query-clients.js';
import { withoutRupiahSuffix } from '../ledger-reports/ledger.responses.js';
import { sendStatement, type FileResponse } from './send-statement.js';
import { generalLedgerTable, statementTable } from './statement-table.js';
import {
  STATEMENT_NAMES,
  StatementExportQuery,
  StatementPeriodQuery,
  type StatementName,
} from './statements.query.js';
import { FinancialStatementsResponse, GeneralLedgerResponse } from './statements.responses.js';

const ACCOUNT_CODE = /^\d{6}$/;

/** The koperasi's financial statements for the RAT (SAK EP) and its buku besar, from the journal alone. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
@Roles('supervisor', 'auditor')
export class StatementsController {
  constructor(
    private readonly ledger: LedgerQueries,
    private readonly members: MembersQueries,
  ) {}

  @Get('statements')
  @ApiOperation({
    summary:
      'Posisi keuangan (at the end of `to`), hasil usaha, perubahan ekuitas and arus kas over WIB days',
  })
  @ApiOkResponse({ type: FinancialStatementsResponse })
  async statements(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: StatementPeriodQuery,
  ): Promise<FinancialStatementsResponse> {
    return withoutRupiahSuffix(
      await this.ledger.statements(koperasiOf(user), { from: query.from, to: query.to }),
    ) as FinancialStatementsResponse;
  }

  @Get('statements/:statement/export')
  @ApiOperation({ summary: 'One statement as CSV or as an A4 page to print or save as PDF' })
  @ApiParam({ name: 'statement', enum: STATEMENT_NAMES })
  @ApiProduces('text/csv', 'text/html')
  @ApiOkResponse({ description: 'the statement as a CSV file or a printable A4 page' })
  async exportStatement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('statement') statement: string,
    @Query() query: StatementExportQuery,
    @Res({ passthrough: true }) response: FileResponse,
  ): Promise<string> {
    if (!(STATEMENT_NAMES as readonly string[]).includes(statement)) {
      throw new ApiException(
        404,
        'NOT_FOUND',
        `Laporan ${statement} tidak ada; pilih ${STATEMENT_NAMES.join(', ')}`,
      );
    }
    const statements = await this.statements(user, query);
    return sendStatement(
      this.members,
      koperasiOf(user),
      statementTable(statement as StatementName, statements),
      { name: `${statement}-${query.from}-${query.to}`, format: query.format },
      response,
    );
  }

  @Get('general-ledger/:code')
  @ApiOperation({
    summary:
      'Buku besar of one account: opening balance, every entry of the period with its source event, closing balance',
  })
  @ApiOkResponse({ type: GeneralLedgerResponse })
  @ApiNotFoundResponse({ description: 'no such account in the chart' })
  async generalLedger(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Query() query: StatementPeriodQuery,
  ): Promise<GeneralLedgerResponse> {
    if (!ACCOUNT_CODE.test(code))
      throw new ApiException(
        404,
        'NOT_FOUND',
        `Akun ${code} tidak ada; kode akun terdiri dari 6 angka`,
      );
    return withoutRupiahSuffix(
      await this.ledger.generalLedger(koperasiOf(user), code, { from: query.from, to: query.to }),
    ) as GeneralLedgerResponse;
  }

  @Get('general-ledger/:code/export')
  @ApiOperation({
    summary: 'Buku besar of one account as CSV or as an A4 page to print or save as PDF',
  })
  @ApiProduces('text/csv', 'text/html')
  @ApiOkResponse({ description: 'the buku besar as a CSV file or a printable A4 page' })
  async exportGeneralLedger(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Query() query: StatementExportQuery,
    @Res({ passthrough: true }) response: FileResponse,
  ): Promise<string> {
    const ledger = await this.generalLedger(user, code, query);
    return sendStatement(
      this.members,
      koperasiOf(user),
      generalLedgerTable(ledger),
      { name: `buku-besar-${code}-${query.from}-${query.to}`, format: query.format },
      response,
    );
  }
}
