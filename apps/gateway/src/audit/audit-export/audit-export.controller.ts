import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  EXPORT_CONTENT_TYPES,
  eventExportHeader,
  eventExportLine,
  streamExport,
  type ExportPages,
  type ExportSink,
} from '@koperasi/service-kit';
import { Roles } from '../../auth/auth.decorators.js';
import { AuditQueries } from '../../queries/audit-queries.js';
import { AuditEventReader, type EventFilter } from '../audit-event-reader.js';
import {
  AuditEventFilterQuery,
  AuditTimeRangeQuery,
  EXPORT_FORMATS,
  type ExportFormatParam,
} from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import { timeRangeOf } from '../audit-time-range.js';
import type { StoreCursors } from '../merged-events.js';
import { entryExportHeader, entryExportLines } from './entry-export-lines.js';

const EXPORT_PAGE = 1000;

export class EventExportQuery extends AuditEventFilterQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or jsonl' })
  format!: ExportFormatParam;
}

export class EntryExportQuery extends AuditTimeRangeQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or jsonl' })
  format!: ExportFormatParam;
}

/**
 * Downloads for the auditors' own tools, streamed page by page. The first page is read before anything is
 * sent, so a bad filter or a service that is down is still a JSON error; a failure later cuts the transfer
 * short (the client sees an incomplete download, never a file that merely looks complete).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/export')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditExportController {
  constructor(
    private readonly reader: AuditEventReader,
    private readonly queries: AuditQueries,
  ) {}

  @Get('events')
  @ApiOperation({
    summary:
      'Events of the scope as CSV or JSON Lines, filtered by store, type and date range (from/to as in GET /audit/events)',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'CSV with a header row (data as canonical JSON), or one JSON event per line',
  })
  async events(
    @InAuditScope() scope: AuditScope,
    @Query() query: EventExportQuery,
    @Res() response: HijackableReply,
  ): Promise<void> {
    const filter: EventFilter = {
      koperasiIds: scope.koperasiIds,
      service: query.service ?? null,
      types: query.type === undefined ? null : query.type.split(','),
      range: timeRangeOf(query.from, query.to),
      correlationId: query.correlationId ?? null,
    };
    let cursors: StoreCursors = {};
    let more = true;
    const pages: ExportPages = {
      next: async () => {
        if (!more) return null;
        const page = await this.reader.page(filter, cursors, EXPORT_PAGE);
        cursors = page.cursors;
        more = page.more;
        return page.events.map(({ service, ...event }) =>
          eventExportLine(query.format, service, event),
        );
      },
    };
    const firstPageRead = await prefetched(pages);
    await streamExport(
      hijacked(response),
      EXPORT_CONTENT_TYPES[query.format],
      `events.${query.format}`,
      eventExportHeader(query.format),
      firstPageRead,
    );
  }

  @Get('entries')
  @ApiOperation({
    summary:
      'Journal entries of the scope with their lines and trace, as CSV (a row per line) or JSON Lines',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'CSV with a header row, or one JSON entry per line; amounts in whole rupiah',
  })
  async entries(
    @InAuditScope() scope: AuditScope,
    @Query() query: EntryExportQuery,
    @Res() response: HijackableReply,
  ): Promise<void> {
    const range = timeRangeOf(query.from, query.to);
    let after: string | null = null;
    let more = scope.koperasiIds.length > 0;
    const pages: ExportPages = {
      next: async () => {
        if (!more) return null;
        const page = await this.queries.entries({
          koperasiIds: scope.koperasiIds,
          from: range.from,
          to: range.to,
          accountCode: null,
          sourceEventId: null,
          after,
          limit: EXPORT_PAGE,
        });
        after = page.nextCursor;
        more = page.nextCursor !== null;
        return page.entries.map((entry) => entryExportLines(query.format, entry));
      },
    };
    const firstPageRead = await prefetched(pages);
    await streamExport(
      hijacked(response),
      EXPORT_CONTENT_TYPES[query.format],
      `journal-entries.${query.format}`,
      entryExportHeader(query.format),
      firstPageRead,
    );
  }
}

interface HijackableReply {
  hijack(): void;
  raw: ExportSink;
}

/** The Node response, written page by page by the export: Fastify sends nothing of its own on it any more. */
function hijacked(reply: HijackableReply): ExportSink {
  reply.hijack();
  return reply.raw;
}

/** Reads the first page now, so its errors are answered before the download starts. */
async function prefetched(pages: ExportPages): Promise<ExportPages> {
  let first: string[] | null = await pages.next();
  let served = false;
  return {
    next: async () => {
      if (served) return pages.next();
      served = true;
      const lines = first;
      first = null;
      return lines;
    },
  };
}
