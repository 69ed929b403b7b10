import { Controller, Get, HttpStatus, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { PLATFORM_SCOPE } from '../../commands/command-runner.js';
import { ApiException } from '../../http/api-exception.js';
import {
  AuditQueries,
  EVENT_STORE_SERVICES,
  type EventStoreService,
} from '../../queries/audit-queries.js';
import { presentAuditEntry } from '../audit-entry.response.js';
import { AuditEventReader } from '../audit-event-reader.js';
import type { ServiceEvent } from '../merged-events.js';
import { AuditScopeQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import {
  AuditTraceResponse,
  type TraceCommandResponse,
  type TraceUserResponse,
} from './audit-trace.response.js';
import { CommandOrigins, type CommandOriginView } from './command-origins.js';
import { receiptLinkOf } from './receipt-link.js';

/** Causation and correlation hops from a system step back to a request: a payment's callback is two at most. */
const MAX_ORIGIN_HOPS = 4;
/** The first events of a correlation; its origin is the earliest. */
const CORRELATION_EVENTS_READ = 5;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/entries')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditTraceController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly reader: AuditEventReader,
    private readonly origins: CommandOrigins,
    private readonly users: UsersRepository,
  ) {}

  @Get(':entryId/trace')
  @ApiOperation({
    summary:
      'From a journal entry to the event that caused it, the request (command) and user behind it, and the counter receipt',
    description:
      "The entry comes from the ledger, the event from the store the entry names, the command from this gateway's " +
      'idempotency keys (the event causationId is the commandId), the user from the users table.',
  })
  @ApiOkResponse({ type: AuditTraceResponse })
  @ApiNotFoundResponse({ description: "no such journal entry in the caller's scope" })
  async trace(
    @InAuditScope() scope: AuditScope,
    @Param('entryId') entryId: string,
    @Query() _query: AuditScopeQuery,
  ): Promise<AuditTraceResponse> {
    const entry =
      scope.koperasiIds.length === 0 ? null : await this.queries.entry(entryId, scope.koperasiIds);
    if (!entry)
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `No journal entry ${entryId}`);
    const named = entry.trace.service;
    const service = EVENT_STORE_SERVICES.includes(named as EventStoreService)
      ? (named as EventStoreService)
      : null;
    // The event of the entry's own koperasi only: an entry never cites another koperasi's event.
    const event = await this.reader.event(entry.sourceEventId, [entry.koperasiId], service);
    const { command, origin } = event
      ? await this.originOf(event, entry.koperasiId)
      : { command: null, origin: null };
    const userId = command?.userId ?? event?.actor ?? entry.trace.actor;
    return {
      entry: presentAuditEntry(entry),
      event,
      origin: origin && origin.eventId !== event?.eventId ? origin : null,
      command: command === null ? null : presentCommand(command),
      user: userId ? await this.user(userId) : null,
      receipt: event ? receiptLinkOf(event) : null,
    };
  }

  /**
   * The request behind an event. A system step (a dispatcher, a callback, the bank's answer) has no command of its
   * own: its causation names the event it followed, or else its correlation leads to the first event of the same
   * business transaction, whose command is the teller's. Followed a few hops at most.
   */
  private async originOf(
    event: ServiceEvent,
    koperasiId: string,
  ): Promise<{ command: CommandOriginView | null; origin: ServiceEvent }> {
    let current = event;
    for (let hop = 0; hop < MAX_ORIGIN_HOPS; hop += 1) {
      const command = current.causationId
        ? await this.command(current.causationId, koperasiId)
        : null;
      if (command) return { command, origin: current };
      const next =
        (current.causationId
          ? await this.reader.event(current.causationId, [koperasiId], null)
          : null) ?? (await this.firstOfCorrelation(current, koperasiId));
      if (!next || next.eventId === current.eventId) break;
      current = next;
    }
    return { command: null, origin: current };
  }

  private async firstOfCorrelation(
    event: ServiceEvent,
    koperasiId: string,
  ): Promise<ServiceEvent | null> {
    if (!event.correlationId) return null;
    const page = await this.reader.page(
      {
        koperasiIds: [koperasiId],
        service: null,
        types: null,
        range: { from: null, to: null },
        correlationId: event.correlationId,
      },
      {},
      CORRELATION_EVENTS_READ,
    );
    return (
      page.events.find(
        (candidate) =>
          candidate.eventId !== event.eventId && candidate.occurredAt <= event.occurredAt,
      ) ?? null
    );
  }

  private async command(commandId: string, koperasiId: string): Promise<CommandOriginView | null> {
    const origin = await this.origins.find(commandId);
    // A key of another koperasi cannot have caused this koperasi's event; a clash of ids is not shown.
    if (!origin || (origin.koperasiScope !== koperasiId && origin.koperasiScope !== PLATFORM_SCOPE))
      return null;
    return origin;
  }

  private async user(userId: string): Promise<TraceUserResponse | null> {
    const user = await this.users.findById(userId);
    return user
      ? { id: user.id, username: user.username, role: user.role, koperasiId: user.koperasiId }
      : null;
  }
}

function presentCommand(origin: CommandOriginView): TraceCommandResponse {
  return {
    commandId: origin.commandId,
    idempotencyKey: origin.idempotencyKey,
    method: origin.method,
    path: origin.path,
    requestHash: origin.requestHash,
    status: origin.status,
    responseStatus: origin.responseStatus,
    receivedAt: origin.receivedAt,
  };
}
