import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { badQuery, parseKoperasiIds } from '@koperasi/service-kit';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import { ReplayJobs, ReplayQueueFullError, type ReplayJob } from './replay-jobs.js';

const SOURCES = ['stores', 'kafka'] as const;

@Controller('internal/audit/replays')
@UseGuards(InternalTokenGuard)
export class ReplayJobsController {
  constructor(private readonly jobs: ReplayJobs) {}

  /** Starts (or queues) a replay; answers at once with the job to follow. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  start(@Body() body: { koperasiIds?: unknown; requestedBy?: unknown; source?: unknown }): ReplayJob {
    const koperasiIds = parseKoperasiIds(Array.isArray(body?.koperasiIds) ? body.koperasiIds.join(',') : undefined);
    if (typeof body.requestedBy !== 'string' || body.requestedBy === '') throw badQuery('requestedBy', 'is required: the user id');
    const source = body.source ?? 'stores';
    if (!SOURCES.includes(source as (typeof SOURCES)[number])) throw badQuery('source', 'must be stores or kafka');
    try {
      return this.jobs.start({ koperasiIds, requestedBy: body.requestedBy, source: source as (typeof SOURCES)[number] });
    } catch (error) {
      if (error instanceof ReplayQueueFullError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }

  @Get(':id')
  get(@Param('id') id: string): ReplayJob {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundException(`No replay job ${id}`);
    return job;
  }
}
