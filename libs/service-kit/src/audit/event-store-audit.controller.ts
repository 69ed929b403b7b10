import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
  UseGuards,
  type Type,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../pg-pool.js';
import { isUuid } from '../uuid.js';
import type { AuditEvent } from './audit-event.js';
import { EXPORT_CONTENT_TYPES, eventExportHeader, eventExportLine } from './audit-export.js';
import {
  MAX_PAGE_SIZE,
  parseEventFilter,
  parseFormat,
  parseKoperasiIds,
  parseLimit,
  badQuery,
} from './audit-query.js';
import {
  readAuditEvent,
  readAuditEvents,
  readAuditStream,
  type AuditEventPage,
  type AuditStreamPage,
} from './audit-reads.js';
import { streamExport, type ExportSink } from './export-stream.js';
import { InternalTokenCheck } from './internal-token-check.js';
import { verifyKoperasiChains, type KoperasiChainReport } from './verify-koperasi-chains.js';

export interface EventStoreAuditOptions {
  /** Named in verify reports and exports: members, billpay, loans. */
  service: string;
  internalApiToken: string;
  /** The pool's injection token; service-kit's PG_POOL unless the service has its own. */
  poolToken?: string | symbol;
}

export interface ServiceChainReport extends KoperasiChainReport {
  service: string;
  checkedAt: string;
}

const MAX_STREAM_PAGE = 10_000;
const EXPORT_PAGE_SIZE = 2000;

/**
 * The read-only audit view of a service's event store, under /internal/audit, for every service with one:
 * `controllers: [eventStoreAuditController({ service: 'members', internalApiToken })]`. Every query names the
 * koperasi it may see (`koperasiIds`); anything of another koperasi is not found.
 */
export function eventStoreAuditController(options: EventStoreAuditOptions): Type<unknown> {
  @Controller('internal/audit')
  @UseGuards(new InternalTokenCheck(options.internalApiToken))
  class EventStoreAuditController {
    constructor(@Inject(options.poolToken ?? PG_POOL) private readonly pool: Pool) {}

    @Get('streams/:streamId')
    async stream(
      @Param('streamId') streamId: string,
      @Query('koperasiIds') koperasiIds: unknown,
      @Query('fromVersion') fromVersion: unknown,
      @Query('limit') limit: unknown,
    ): Promise<AuditStreamPage> {
      const from = fromVersion === undefined ? 1 : Number(fromVersion);
      if (!Number.isSafeInteger(from) || from < 1)
        throw badQuery('fromVersion', 'must be a version, 1 or more');
      const page = await readAuditStream(
        this.pool,
        streamId,
        parseKoperasiIds(koperasiIds),
        from,
        parseLimit(limit, MAX_PAGE_SIZE, MAX_STREAM_PAGE),
      );
      if (!page) throw new NotFoundException(`No stream ${streamId} in ${options.service}`);
      return page;
    }

    @Get('events')
    events(@Query() query: Record<string, unknown>): Promise<AuditEventPage> {
      return readAuditEvents(this.pool, parseEventFilter(query), parseLimit(query.limit));
    }

    @Get('events/:eventId')
    async event(
      @Param('eventId') eventId: string,
      @Query('koperasiIds') koperasiIds: unknown,
    ): Promise<AuditEvent> {
      const ids = parseKoperasiIds(koperasiIds);
      const event = isUuid(eventId) ? await readAuditEvent(this.pool, eventId, ids) : null;
      if (!event) throw new NotFoundException(`No event ${eventId} in ${options.service}`);
      return event;
    }

    /** Events as CSV or JSON Lines, streamed page by page in commit order, with the filters of GET events. */
    @Get('export/events')
    async export(
      @Query() query: Record<string, unknown>,
      @Res() response: ExportSink,
    ): Promise<void> {
      const format = parseFormat(query.format);
      const filter = parseEventFilter(query);
      let done = false;
      const pages = {
        next: async (): Promise<string[] | null> => {
          if (done) return null;
          const page = await readAuditEvents(this.pool, filter, EXPORT_PAGE_SIZE);
          const last = page.events.at(-1);
          if (last)
            filter.after = {
              transactionId: last.transactionId,
              globalPosition: last.globalPosition,
            };
          done = page.nextCursor === null;
          return page.events.map((event) => eventExportLine(format, options.service, event));
        },
      };
      await streamExport(
        response,
        EXPORT_CONTENT_TYPES[format],
        `${options.service}-events.${format}`,
        eventExportHeader(format),
        pages,
      );
    }

    @Get('verify')
    async verify(@Query('koperasiIds') koperasiIds: unknown): Promise<ServiceChainReport> {
      const report = await verifyKoperasiChains(this.pool, parseKoperasiIds(koperasiIds));
      return { service: options.service, checkedAt: new Date().toISOString(), ...report };
    }
  }
  return EventStoreAuditController;
}
