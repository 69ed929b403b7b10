import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import { badQuery, isUuid, parseKoperasiIds, parseLimit } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import {
  auditEntries,
  auditEntry,
  type AuditEntry,
  type AuditEntryPage,
} from './audit-entries.query.js';
import { verifyBooks, type BooksReport } from './books-verify.query.js';

const ENTRY_ID = /^\d{1,18}$/;
const ACCOUNT_CODE = /^\d{1,12}$/;

/** The journal for auditors, by koperasi ids (a city auditor's scope), with each entry's trace. */
@Controller('internal/audit')
@UseGuards(InternalTokenGuard)
export class AuditEntriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('entries')
  entries(@Query() query: Record<string, unknown>): Promise<AuditEntryPage> {
    const after = query.after ?? '0';
    if (typeof after !== 'string' || !ENTRY_ID.test(after))
      throw badQuery('after', 'is not a cursor this endpoint gave out');
    const accountCode = query.accountCode ?? null;
    if (
      accountCode !== null &&
      (typeof accountCode !== 'string' || !ACCOUNT_CODE.test(accountCode))
    ) {
      throw badQuery('accountCode', 'must be an account code of the chart, digits only');
    }
    const sourceEventId = query.sourceEventId ?? null;
    if (sourceEventId !== null && !isUuid(sourceEventId))
      throw badQuery('sourceEventId', 'must be the UUID of an event');
    return auditEntries(
      this.pool,
      {
        koperasiIds: parseKoperasiIds(query.koperasiIds),
        from: instantOf('from', query.from),
        to: instantOf('to', query.to),
        accountCode,
        sourceEventId,
        after,
      },
      parseLimit(query.limit),
    );
  }

  @Get('entries/:entryId')
  async entry(
    @Param('entryId') entryId: string,
    @Query('koperasiIds') koperasiIds: unknown,
  ): Promise<AuditEntry> {
    const ids = parseKoperasiIds(koperasiIds);
    const entry = ENTRY_ID.test(entryId) ? await auditEntry(this.pool, entryId, ids) : null;
    if (!entry) throw new NotFoundException(`No journal entry ${entryId}`);
    return entry;
  }

  @Get('books/verify')
  books(@Query('koperasiIds') koperasiIds: unknown): Promise<BooksReport> {
    return verifyBooks(this.pool, parseKoperasiIds(koperasiIds));
  }
}

function instantOf(field: string, value: unknown): Date | null {
  if (value === undefined || value === '') return null;
  const instant =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime()))
    throw badQuery(field, 'must be an ISO 8601 date-time with its offset');
  return instant;
}
