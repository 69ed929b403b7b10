import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { parseLimit } from '../parse-limit.js';
import { entriesOf } from './entries.query.js';
import type { JournalEntryView } from './journal-entry-view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 50;

@Controller('internal/koperasi/:koperasiId/entries')
@UseGuards(InternalTokenGuard)
export class EntriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  entries(
    @Param('koperasiId') koperasiId: string,
    @Query('sourceEventId') sourceEventId?: string,
    @Query('limit') limit?: string,
  ): Promise<JournalEntryView[]> {
    if (sourceEventId !== undefined && !UUID.test(sourceEventId))
      throw new BadRequestException('sourceEventId must be a uuid');
    return entriesOf(this.pool, koperasiId, {
      sourceEventId,
      limit: parseLimit(limit, DEFAULT_LIMIT),
    });
  }
}
