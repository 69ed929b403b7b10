import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiException } from '../../http/api-exception.js';
import { AuditQueries } from '../../queries/audit-queries.js';
import { EntriesQuery } from '../../ledger/ledger-reports/ledger-reports.query.js';
import { AuditEntryResponse, presentAuditEntry } from '../audit-entry.response.js';
import { AuditPageQuery, AuditTimeRangeQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import { timeRangeOf } from '../audit-time-range.js';

const DEFAULT_PAGE = 100;
const ENTRY_CURSOR = /^\d{1,18}$/;

export class AuditEntriesQuery extends IntersectionType(
  AuditTimeRangeQuery,
  AuditPageQuery,
  EntriesQuery,
) {
  @ApiPropertyOptional({
    example: '111000',
    description: "only entries with a line on this account (the account's buku besar)",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'accountCode must be an account code of six digits' })
  accountCode?: string;
}

export class AuditEntryPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) entries!: AuditEntryResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as ?cursor= for the next page; null at the end',
  })
  nextCursor!: string | null;
}

/** The journal of the scope in entry order, paged by entry id (never by offset), with each entry's trace. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/entries')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditEntriesController {
  constructor(private readonly queries: AuditQueries) {}

  @Get()
  @ApiOperation({
    summary:
      'Journal entries of the scope, oldest first, paged; by date range (from/to as in GET /audit/events), account, or the event that posted one',
    description:
      'Entries are ordered by entry id, the order the ledger posted them; the cursor is where the page ended.',
  })
  @ApiOkResponse({ type: AuditEntryPageResponse })
  async list(
    @InAuditScope() scope: AuditScope,
    @Query() query: AuditEntriesQuery,
  ): Promise<AuditEntryPageResponse> {
    if (query.cursor !== undefined && !ENTRY_CURSOR.test(query.cursor)) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'Invalid request: cursor is not one this API gave out',
        [{ field: 'cursor', problems: ['pass nextCursor from the previous page unchanged'] }],
      );
    }
    const range = timeRangeOf(query.from, query.to);
    if (scope.koperasiIds.length === 0) return { entries: [], nextCursor: null };
    const page = await this.queries.entries({
      koperasiIds: scope.koperasiIds,
      from: range.from,
      to: range.to,
      accountCode: query.accountCode ?? null,
      sourceEventId: query.sourceEventId ?? null,
      after: query.cursor ?? null,
      limit: query.limit ?? DEFAULT_PAGE,
    });
    return { entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor };
  }
}
