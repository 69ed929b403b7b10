import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { EVENT_STORE_SERVICES, type EventStoreService } from '../queries/audit-queries.js';
import { CalendarDayOrInstant } from '../http/calendar-day.decorator.js';

export const MAX_AUDIT_PAGE = 1000;

/** Every audit endpoint reads all koperasi in the caller's scope unless it names one. */
export class AuditScopeQuery {
  @ApiPropertyOptional({
    description:
      "one koperasi of the caller's scope (404 for any other); all of the scope when left out",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  koperasiId?: string;
}

export class AuditServiceQuery extends AuditScopeQuery {
  @ApiPropertyOptional({
    enum: EVENT_STORE_SERVICES,
    description:
      'the event store to read; every store when left out (streams: the one its id prefix names)',
  })
  @IsOptional()
  @IsIn(EVENT_STORE_SERVICES, {
    message: `service must be one of ${EVENT_STORE_SERVICES.join(', ')}`,
  })
  service?: EventStoreService;
}

export class AuditTimeRangeQuery extends AuditScopeQuery {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'from this day (WIB) or instant, inclusive',
  })
  @IsOptional()
  @CalendarDayOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'up to and including this day (WIB), or up to this instant, exclusive',
  })
  @IsOptional()
  @CalendarDayOrInstant()
  to?: string;
}

export class AuditEventFilterQuery extends AuditTimeRangeQuery {
  @ApiPropertyOptional({
    enum: EVENT_STORE_SERVICES,
    description: 'the event store to read; every store, merged by occurredAt, when left out',
  })
  @IsOptional()
  @IsIn(EVENT_STORE_SERVICES, {
    message: `service must be one of ${EVENT_STORE_SERVICES.join(', ')}`,
  })
  service?: EventStoreService;

  @ApiPropertyOptional({
    example: 'SimpananSukarelaDeposited,BillPaymentSucceeded',
    description: 'event types, comma-separated',
  })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9._-]{0,99}(,[A-Za-z][A-Za-z0-9._-]{0,99}){0,49}$/, {
    message: 'type must be up to 50 event type names, comma-separated',
  })
  type?: string;

  @ApiPropertyOptional({
    description:
      "only the events of this correlation id (a teller's request and all that followed from it)",
  })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, {
    message: 'correlationId must be one id of at most 200 visible characters',
  })
  correlationId?: string;
}

export class AuditPageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  @Max(MAX_AUDIT_PAGE, { message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  limit?: number;
}

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormatParam = (typeof EXPORT_FORMATS)[number];
