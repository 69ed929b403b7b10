import type {
  CommandEnvelope,
  CommandReply,
  EventEnvelope,
  NewEvent,
  UserRole,
} from '@koperasi/contracts';
import type { Decision } from '@koperasi/domain';
import {
  StreamVersionConflictError,
  type AppendRequest,
  type PostgresEventStore,
} from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import { UnansweredCommand, type CommandMessage } from './batched-kafka-server.js';
import { checkEnvelope, type Permission } from './check-envelope.js';
import { accepted, refused } from './command-reply.js';
import { inTransaction } from './in-transaction.js';
import { isUniqueViolation } from './unique-violation.js';

/** The stream a command acts on. */
export interface StreamTarget {
  streamId: string;
  /** The aggregate's own id (a member's), for loading its read model row. */
  aggregateId: string;
}

export interface LoadedState<S> {
  state: S;
  /** The version the state includes: the expected version of the next append. */
  version: number;
}

/** What one command did: the state before and after, its events as decided and as stored. */
export interface StateChange<S, E extends NewEvent> {
  envelope: CommandEnvelope<unknown>;
  target: StreamTarget;
  before: S;
  after: S;
  events: E[];
  appended: EventEnvelope[];
}

export interface Actor {
  userId: string;
  role: UserRole;
}

/** One command topic: the payload's own checks and how payload and actor make the decider's command. */
export interface CommandRoute<C> {
  check?: (payload: never) => CommandReply<never> | null;
  toCommand: (payload: never, actor: Actor, envelope: CommandEnvelope<unknown>) => C;
  /** Who may send it; 'not-auditor' unless said. */
  permission?: Permission;
}

/**
 * An event-sourced aggregate as the batch handler needs it: the pure decider plus how its state is loaded,
 * its read models written and its replies made. `decide` answers a refusal as a reply.
 */
export interface BatchAggregate<S, C, E extends NewEvent> {
  decide(command: C, state: S): Decision<E> | { ok: false; reply: CommandReply<never> };
  evolve(state: S, event: E): S;
  /** Which stream a command acts on, or a refusal (a missing or malformed id). */
  target(
    envelope: CommandEnvelope<Record<string, unknown>>,
    command: C,
  ): StreamTarget | CommandReply<never>;
  /** The states of the streams, as of their latest event, in as few queries as it can. */
  load(pool: Pool, targets: StreamTarget[]): Promise<Map<string, LoadedState<S>>>;
  /** A state the envelope may not act on (another koperasi's member, a missing one), as a refusal. */
  refuseAccess?(state: S, envelope: CommandEnvelope<unknown>): CommandReply<never> | null;
  /** A refusal of the decider (its error), as the reply the counter sees. */
  refusal(error: { code: string; message: string }): CommandReply<never>;
  /** The batch's read model writes, in the transaction that appends its events. */
  project(tx: PoolClient, changes: StateChange<S, E>[]): Promise<void>;
  reply(change: StateChange<S, E>): unknown;
}

interface Work<C> {
  index: number;
  envelope: CommandEnvelope<unknown>;
  target: StreamTarget;
  command: C;
}

const MAX_ATTEMPTS = 5;
/** Racing writers that retry at once collide again; a random pause spreads them out. */
const MAX_RETRY_PAUSE_MS = 20;

/**
 * Carries out a batch of commands on one kind of aggregate in one transaction: answers repeats from
 * command_results (one query), loads every stream's state (one query when the snapshots are current),
 * decides each command in arrival order on the state the previous one of its stream left, appends all the
 * events (one insert, versions checked), projects, stores the replies, commits. A refusal answers only its
 * command. A stream another instance moved meanwhile is decided again on fresh state; the rest commit.
 * A failure of the whole transaction is retried one command at a time, so one bad command fails alone.
 */
export class DeciderCommandHandler<S, C, E extends NewEvent> {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly aggregate: BatchAggregate<S, C, E>,
    private readonly routes: Record<string, CommandRoute<C>>,
  ) {}

  get topics(): string[] {
    return Object.keys(this.routes);
  }

  readonly handle = async (messages: CommandMessage[]): Promise<unknown[]> => {
    const replies = new Array<unknown>(messages.length);
    const work: Work<C>[] = [];
    messages.forEach(({ topic, value }, index) => {
      const taken = this.accept(topic, value, index);
      if ('reply' in taken) replies[index] = taken.reply;
      else work.push(taken);
    });
    await this.carryOut(work, replies);
    return replies;
  };

  /** The command as the decider takes it, or the reply refusing it before any state is read. */
  private accept(
    topic: string,
    value: unknown,
    index: number,
  ): Work<C> | { reply: CommandReply<never> } {
    const route = this.routes[topic];
    if (!route) return { reply: refused(400, 'INVALID_COMMAND', `No command on ${topic}`) };
    const invalid = checkEnvelope(value, route.permission ?? 'not-auditor');
    if (invalid) return { reply: invalid };
    const envelope = value as CommandEnvelope<Record<string, unknown>>;
    const badPayload = route.check?.(envelope.payload as never);
    if (badPayload) return { reply: badPayload };
    const command = route.toCommand(envelope.payload as never, envelope.actor, envelope);
    const target = this.aggregate.target(envelope, command);
    if ('ok' in target) return { reply: target };
    return { index, envelope, target, command };
  }

  private async carryOut(work: Work<C>[], replies: unknown[]): Promise<void> {
    if (work.length === 0) return;
    // The same command twice in one batch (a sender's retry): the first acts, the others answer as it did.
    const firstOf = new Map<string, Work<C>>();
    const repeats: Work<C>[] = [];
    for (const item of work) {
      if (firstOf.has(item.envelope.commandId)) repeats.push(item);
      else firstOf.set(item.envelope.commandId, item);
    }
    // The states are read beside the stored replies, not after them: one round trip's wait instead of two.
    const firstLoad = this.load([...firstOf.values()]);
    firstLoad.catch(() => undefined);
    const stored = await this.storedReplies([...firstOf.keys()]);
    let pending = [...firstOf.values()].filter((item) => {
      const reply = stored.get(item.envelope.commandId);
      if (reply !== undefined) replies[item.index] = reply;
      return reply === undefined;
    });
    try {
      for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt += 1) {
        if (attempt > 1)
          await new Promise((resolve) =>
            setTimeout(resolve, Math.random() * MAX_RETRY_PAUSE_MS * attempt),
          );
        pending = await this.attempt(
          pending,
          replies,
          attempt === 1 ? firstLoad : this.load(pending),
        );
      }
      for (const item of pending) {
        replies[item.index] = refused(
          409,
          'CONCURRENT_UPDATE',
          `The record changed ${MAX_ATTEMPTS} times while this command ran; try again`,
        );
      }
    } catch (error) {
      if (pending.length === 1) {
        replies[pending[0].index] = await this.afterFailure(pending[0], error);
      } else {
        for (const item of pending) await this.carryOut([item], replies);
      }
    }
    for (const item of repeats)
      replies[item.index] = replies[firstOf.get(item.envelope.commandId)!.index];
  }

  /** Decides and writes `work`; returns the commands of streams that moved meanwhile, to decide again. */
  private load(work: Work<C>[]): Promise<Map<string, LoadedState<S>>> {
    const targets = [...new Map(work.map((item) => [item.target.streamId, item.target])).values()];
    return this.aggregate.load(this.pool, targets);
  }

  private async attempt(
    work: Work<C>[],
    replies: unknown[],
    loading: Promise<Map<string, LoadedState<S>>>,
  ): Promise<Work<C>[]> {
    const loaded = await loading;
    const decided: { item: Work<C>; before: S; after: S; events: E[]; request: AppendRequest }[] =
      [];
    const decisions = new Map<number, unknown>();
    for (const item of work) {
      const current = loaded.get(item.target.streamId)!;
      const refusal = this.aggregate.refuseAccess?.(current.state, item.envelope);
      if (refusal) {
        decisions.set(item.index, refusal);
        continue;
      }
      const decision = this.aggregate.decide(item.command, current.state);
      if (!decision.ok) {
        decisions.set(
          item.index,
          'reply' in decision ? decision.reply : this.aggregate.refusal(decision.error),
        );
        continue;
      }
      const after = decision.events.reduce(this.aggregate.evolve, current.state);
      const request = {
        streamId: item.target.streamId,
        expectedVersion: current.version,
        events: decision.events,
        context: {
          koperasiId: item.envelope.koperasiId,
          actor: item.envelope.actor.userId,
          correlationId: item.envelope.correlationId,
          causationId: item.envelope.commandId,
        },
      };
      decided.push({ item, before: current.state, after, events: decision.events, request });
      loaded.set(item.target.streamId, {
        state: after,
        version: current.version + decision.events.length,
      });
    }
    const moved = new Set<string>();
    if (decided.length > 0) {
      await inTransaction(this.pool, async (tx) => {
        const outcomes = await this.store.appendBatchWithin(
          tx,
          decided.map(({ request }) => request),
        );
        const done: [Work<C>, StateChange<S, E>][] = [];
        outcomes.forEach((outcome, position) => {
          const { item, before, after, events } = decided[position];
          if (outcome instanceof StreamVersionConflictError) moved.add(item.target.streamId);
          else
            done.push([
              item,
              {
                envelope: item.envelope,
                target: item.target,
                before,
                after,
                events,
                appended: outcome.events,
              },
            ]);
        });
        await this.aggregate.project(
          tx,
          done.map(([, change]) => change),
        );
        const answers = done.map(
          ([item, change]) => [item, accepted(this.aggregate.reply(change))] as const,
        );
        await saveReplies(
          tx,
          answers.map(([item, reply]) => [item.envelope.commandId, reply]),
        );
        for (const [item, reply] of answers) decisions.set(item.index, reply);
      });
    }
    // Every decision on a stream that moved was taken on a stale state, refusals included.
    const again = work.filter((item) => moved.has(item.target.streamId));
    for (const item of work)
      if (!moved.has(item.target.streamId)) replies[item.index] = decisions.get(item.index);
    return again;
  }

  private async storedReplies(commandIds: string[]): Promise<Map<string, unknown>> {
    const { rows } = await this.pool.query<{ command_id: string; reply: unknown }>(
      'SELECT command_id, reply FROM command_results WHERE command_id = ANY($1)',
      [commandIds],
    );
    return new Map(rows.map((row) => [row.command_id, row.reply]));
  }

  /** One command's transaction failed on its own: a repeat that raced its first run, or something unexpected. */
  private async afterFailure(item: Work<C>, error: unknown): Promise<unknown> {
    if (isUniqueViolation(error, 'command_results_pkey')) {
      const first = (await this.storedReplies([item.envelope.commandId])).get(
        item.envelope.commandId,
      );
      if (first !== undefined) return first;
    }
    return new UnansweredCommand(error instanceof Error ? error.message : String(error));
  }
}

async function saveReplies(
  tx: PoolClient,
  replies: [string, CommandReply<unknown>][],
): Promise<void> {
  if (replies.length === 0) return;
  await tx.query(
    'INSERT INTO command_results (command_id, reply) SELECT * FROM unnest($1::text[], $2::jsonb[])',
    [replies.map(([commandId]) => commandId), replies.map(([, reply]) => JSON.stringify(reply))],
  );
}
