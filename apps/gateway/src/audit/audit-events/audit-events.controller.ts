import { Controller, Get, HttpStatus, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiException } from '../../http/api-exception.js';
import { AuditEventReader } from '../audit-event-reader.js';
import { AuditEventFilterQuery, AuditPageQuery, AuditServiceQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import { timeRangeOf } from '../audit-time-range.js';
import { decodeCursor, encodeCursor, type ServiceEvent } from '../merged-events.js';
import { AuditEventPageResponse, AuditEventResponse } from './audit-event.response.js';

export class AuditEventsQuery extends IntersectionType(AuditEventFilterQuery, AuditPageQuery) {}

const DEFAULT_PAGE = 100;

/** The events of every store, as stored (hash-verifiable), for the auditor's scope. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/events')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditEventsController {
  constructor(private readonly reader: AuditEventReader) {}

  @Get()
  @ApiOperation({
    summary:
      'Events of the scope, paged: every store merged by occurredAt, or one store with ?service=',
    description:
      'Each store is read in its commit order; the cursor holds every store position, so paging never skips ' +
      'or repeats an event. Event data is exactly as stored (amounts in `...Rp` fields), so hashes can be recomputed.',
  })
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(
    @InAuditScope() scope: AuditScope,
    @Query() query: AuditEventsQuery,
  ): Promise<AuditEventPageResponse> {
    const page = await this.reader.page(
      {
        koperasiIds: scope.koperasiIds,
        service: query.service ?? null,
        types: query.type === undefined ? null : query.type.split(','),
        range: timeRangeOf(query.from, query.to),
        correlationId: query.correlationId ?? null,
      },
      decodeCursor(query.cursor),
      query.limit ?? DEFAULT_PAGE,
    );
    return { events: page.events, nextCursor: page.more ? encodeCursor(page.cursors) : null };
  }

  @Get(':eventId')
  @ApiOperation({
    summary: 'One event with its metadata (actor, correlationId, causationId = the command id)',
  })
  @ApiOkResponse({ type: AuditEventResponse })
  @ApiNotFoundResponse({ description: "no such event in the caller's scope" })
  async one(
    @InAuditScope() scope: AuditScope,
    @Param('eventId') eventId: string,
    @Query() query: AuditServiceQuery,
  ): Promise<ServiceEvent> {
    const event = await this.reader.event(eventId, scope.koperasiIds, query.service ?? null);
    if (!event) throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `No event ${eventId}`);
    return event;
  }
}
