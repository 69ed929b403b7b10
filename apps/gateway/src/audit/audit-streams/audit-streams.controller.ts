import { Controller, Get, HttpStatus, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiException } from '../../http/api-exception.js';
import { AuditQueries } from '../../queries/audit-queries.js';
import { AuditEventReader } from '../audit-event-reader.js';
import { AuditServiceQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import { AuditStreamResponse } from '../audit-events/audit-event.response.js';

const MAX_STREAM_PAGE = 10_000;

export class AuditStreamQuery extends AuditServiceQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'fromVersion must be a whole number, 1 or more' })
  @Min(1, { message: 'fromVersion must be a whole number, 1 or more' })
  fromVersion?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_STREAM_PAGE, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_STREAM_PAGE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_STREAM_PAGE}` })
  @Max(MAX_STREAM_PAGE, { message: `limit must be a whole number from 1 to ${MAX_STREAM_PAGE}` })
  limit?: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/streams')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditStreamsController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly reader: AuditEventReader,
  ) {}

  @Get(':streamId')
  @ApiOperation({
    summary: 'Every event of one stream in version order, with its hash chain',
    description:
      'The store is the one ?service= names, else the one the id prefix names (member-, koperasi-: members; ' +
      'payment-, deposit-: billpay; collection-, remittance-: loans), else every store is asked.',
  })
  @ApiOkResponse({ type: AuditStreamResponse })
  @ApiNotFoundResponse({ description: "no such stream in the caller's scope" })
  async stream(
    @InAuditScope() scope: AuditScope,
    @Param('streamId') streamId: string,
    @Query() query: AuditStreamQuery,
  ): Promise<AuditStreamResponse> {
    if (scope.koperasiIds.length > 0) {
      const stores = this.reader.storesOf(streamId, query.service ?? null);
      const pages = await Promise.all(
        stores.map(async (service) => {
          const page = await this.queries.stream(
            service,
            streamId,
            scope.koperasiIds,
            query.fromVersion ?? 1,
            query.limit ?? 1000,
          );
          return page === null ? null : { service, ...page };
        }),
      );
      const found = pages.find((page) => page !== null);
      if (found) return found;
    }
    throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `No stream ${streamId}`);
  }
}
