import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser, ReadOnlyJob, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { ApiException } from '../../http/api-exception.js';
import { withoutRupiahSuffix } from '../../ledger/ledger-reports/ledger.responses.js';
import { AuditQueries, type ReplaySource } from '../../queries/audit-queries.js';
import { AuditScopeQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import { ReplayJobResponse } from './replay-job.response.js';

const SOURCES: ReplaySource[] = ['stores', 'kafka'];

export class StartReplayRequest {
  @ApiPropertyOptional({
    enum: SOURCES,
    default: 'stores',
    description: "the services' event stores, or their event topics from the start",
  })
  @IsOptional()
  @IsIn(SOURCES, { message: 'source must be stores or kafka' })
  source?: ReplaySource;
}

/**
 * Replays rebuild the scope's books from the event history beside the live ones, in the ledger, and compare
 * them: a job an auditor starts and follows. It writes only into the replay's own schema, never the books.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/replays')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditReplaysController {
  constructor(private readonly queries: AuditQueries) {}

  @Post()
  @ReadOnlyJob()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Start a replay of the scope (or ?koperasiId=): rebuild the books from the events and compare them with the live books',
    description:
      'Answers at once with the job; follow it with GET /audit/replays/{id} (progress: events done/total, events/s).',
  })
  @ApiAcceptedResponse({ type: ReplayJobResponse })
  @ApiServiceUnavailableResponse({ description: 'too many replays waiting already' })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @InAuditScope() scope: AuditScope,
    @Query() _query: AuditScopeQuery,
    @Body() body: StartReplayRequest,
  ): Promise<unknown> {
    if (scope.koperasiIds.length === 0)
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'No koperasi in your scope to replay',
      );
    const job = await this.queries.startReplay({
      koperasiIds: scope.koperasiIds,
      requestedBy: user.id,
      source: body.source ?? 'stores',
    });
    return withoutRupiahSuffix(job);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A replay job: status, progress and, when done, the comparison (identical, or each difference)',
  })
  @ApiOkResponse({ type: ReplayJobResponse })
  @ApiNotFoundResponse({
    description: "no such job, or it covers koperasi outside the caller's scope",
  })
  async get(
    @InAuditScope() scope: AuditScope,
    @Param('id') id: string,
    @Query() _query: AuditScopeQuery,
  ): Promise<unknown> {
    const job = await this.queries.replay(id);
    // A job is shown only to those who may see every koperasi it covers.
    if (!job || !job.koperasiIds.every((koperasiId) => scope.koperasiIds.includes(koperasiId))) {
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `No replay job ${id}`);
    }
    return withoutRupiahSuffix(job);
  }
}
