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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('internal/audit/replays')
@UseGuards(InternalTokenGuard)
export class ReplayJobsController {
  constructor(private readonly jobs: ReplayJobs) {}

  /** Starts (or queues) a replay; answers at once with the job to follow. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async start(
    @Body() body: { koperasiIds?: unknown; requestedBy?: unknown; source?: unknown },
  ): Promise<ReplayJob> {
    const koperasiIds = parseKoperasiIds(
      Array.isArray(body?.koperasiIds) ? body.koperasiIds.join(',') : undefined,
    );
    if (typeof body.requestedBy !== 'string' || body.requestedBy === '')
      throw badQuery('requestedBy', 'is required: the user id');
    const source = body.source ?? 'stores';
    if (!SOURCES.includes(source as (typeof SOURCES)[number]))
      throw badQuery('source', 'must be stores or kafka');
    try {
      return await this.jobs.start({
        koperasiIds,
        requestedBy: body.requestedBy,
        source: source as (typeof SOURCES)[number],
      });
    } catch (error) {
      if (error instanceof ReplayQueueFullError)
        throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ReplayJob> {
    const job = UUID.test(id) ? await this.jobs.get(id) : null;
    if (!job) throw new NotFoundException(`No replay job ${id}`);
    return job;
  }
}
