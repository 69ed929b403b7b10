import type {
  CommandEnvelope,
  CommandReply,
  EventEnvelope,
  NewEvent,
  UserRole,
} from '@koperasi/contracts';
import { CombinedWrite, inTransaction } from '@koperasi/database';
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
import { RefusalInTransaction } from './refusal-in-transaction.js';

/** The stream a command acts on. */
export interface StreamTarget {
  streamId: string;
  /** The aggregate's own id (a member's), for loading its read model row. */
  aggregateId: string;
  /**
   * The state the command is decided on when it is not its stream's own: a koperasi's deposit for a new
   * payment's stream, a loan for a new collection's. The stream is then new (its expected version 0), and the
   * commands of one state key are decided in turn, each on the state the one before it left.
   */
  stateKey?: string;
  /** The koperasi the stream belongs to when it is not the sender's: an admin registering a new one. */
  koperasiId?: string;
}

/** The key a target's state is loaded and evolved under. */
export function stateKeyOf(target: StreamTarget): string {
  return target.stateKey ?? target.streamId;
}

export interface LoadedState<S> {
  state: S;
  /** The version the state includes: the expected version of the next append. */
  version: number;
}

/** What one command did: the state before and after, its events as decided and as stored. */
export interface StateChange<S, E extends NewEvent, P = unknown> {
  envelope: CommandEnvelope<unknown>;
  /** The command as the decider took it. */
  command: P;
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

/** One command: the payload's own checks and how payload and actor make the decider's command. */
export interface CommandRoute<C> {
  /** The envelope is there for who sent it (a supervisor's command refuses anyone else first). */
  check?: (payload: never, envelope: CommandEnvelope<unknown>) => CommandReply<never> | null;
  toCommand: (payload: never, actor: Actor, envelope: CommandEnvelope<unknown>) => C;
  /** Who may send it; 'not-auditor' unless said. */
  permission?: Permission;
}

/** A command with its envelope, as the aggregate's `prepare` sees it. */
export interface Enveloped<C> {
  envelope: CommandEnvelope<unknown>;
  command: C;
}

/**
 * An event-sourced aggregate as the batch handler needs it: the pure decider plus how its state is loaded,
 * its read models written and its replies made. `decide` answers a refusal as a reply. `P` is the command
 * the decider takes, when `prepare` completes the routed command `C` with what the service looks up.
 */
export interface BatchAggregate<S, C, E extends NewEvent, P = C> {
  decide(command: P, state: S): Decision<E> | { ok: false; reply: CommandReply<never> };
  evolve(state: S, event: E): S;
  /** Which stream a command acts on, or a refusal (a missing or malformed id). */
  target(
    envelope: CommandEnvelope<Record<string, unknown>>,
    command: C,
  ): StreamTarget | CommandReply<never>;
  /** The states by state key (stateKeyOf), as of their latest event, in as few queries as it can. */
  load(pool: Pool, targets: StreamTarget[]): Promise<Map<string, LoadedState<S>>>;
  /**
   * The decider's commands, completed with what they need beyond the state (a price list, an inquiry), or
   * a refusal each; in the order given. Read again on every attempt, beside the states.
   */
  prepare?(commands: Enveloped<C>[]): Promise<(P | CommandReply<never>)[]>;
  /** A state the envelope may not act on (another koperasi's member, a missing one), as a refusal. */
  refuseAccess?(state: S, envelope: CommandEnvelope<unknown>): CommandReply<never> | null;
  /** A refusal of the decider (its error), as the reply the counter sees. */
  refusal(error: { code: string; message: string }): CommandReply<never>;
  /**
   * In the writing transaction, before its events are appended: the locks the batch's commands are written
   * under (taken before the event store's own, so every writer takes them in one order), and the refusals
   * found under them, thrown as RefusalInTransaction (a month closed meanwhile).
   */
  beforeAppend?(tx: PoolClient, commands: Enveloped<P>[]): Promise<void>;
  /**
   * The batch's read model writes, in the transaction that appends its events. A StreamVersionConflictError
   * says that state beyond the streams moved since it was loaded (a deposit's reservation no longer fits):
   * the transaction is rolled back and its commands decided again on fresh state. A RefusalInTransaction
   * rolls the batch back too; its commands are then carried out one at a time, the refused one answered so.
   * Rows nothing else in the batch writes go into `write`, sent as one statement with the events after
   * `project` returns (see CombinedWrite); a write that must see the events or another row runs on `tx`.
   */
  project(tx: PoolClient, changes: StateChange<S, E, P>[], write: CombinedWrite): Promise<void>;
  reply(change: StateChange<S, E, P>): unknown;
  /** After the batch's transaction commits: wakes what acts on its events (a dispatcher). */
  committed?(changes: StateChange<S, E, P>[]): void;
}

interface Work<C> {
  index: number;
  envelope: CommandEnvelope<unknown>;
  target: StreamTarget;
  command: C;
}

interface Decided<C, S, E extends NewEvent, P> {
  item: Work<C>;
  command: P;
  before: S;
  after: S;
  events: E[];
  request: AppendRequest;
}

interface Written<C, S, E extends NewEvent, P> {
  /** State keys with a stream another writer moved since they were loaded. */
  moved: Set<string>;
  done: { item: Work<C>; change: StateChange<S, E, P>; reply: CommandReply<unknown> }[];
}

/** What an attempt reads before deciding: the states, and the commands as the decider takes them. */
interface Read<S, P> {
  states: Map<string, LoadedState<S>>;
  commands: (P | CommandReply<never>)[];
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
export class DeciderCommandHandler<S, C, E extends NewEvent, P = C> {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly aggregate: BatchAggregate<S, C, E, P>,
    private readonly routes: Record<string, CommandRoute<C>>,
  ) {}

  get commands(): string[] {
    return Object.keys(this.routes);
  }

  readonly handle = async (messages: CommandMessage[]): Promise<unknown[]> => {
    const replies = new Array<unknown>(messages.length);
    const work: Work<C>[] = [];
    messages.forEach(({ command, value }, index) => {
      const taken = this.accept(command, value, index);
      if ('reply' in taken) replies[index] = taken.reply;
      else work.push(taken);
    });
    await this.carryOut(work, replies);
    return replies;
  };

  /** The command as the decider takes it, or the reply refusing it before any state is read. */
  private accept(
    name: string,
    value: unknown,
    index: number,
  ): Work<C> | { reply: CommandReply<never> } {
    const route = this.routes[name];
    if (!route) return { reply: refused(400, 'INVALID_COMMAND', `No command ${name}`) };
    const invalid = checkEnvelope(value, route.permission ?? 'not-auditor');
    if (invalid) return { reply: invalid };
    const envelope = value as CommandEnvelope<Record<string, unknown>>;
    const badPayload = route.check?.(envelope.payload as never, envelope);
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
    let pending = [...firstOf.values()];
    try {
      for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt += 1) {
        if (attempt > 1)
          await new Promise((resolve) =>
            setTimeout(resolve, Math.random() * MAX_RETRY_PAUSE_MS * attempt),
          );
        pending = await this.attempt(pending, replies);
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

  private async read(work: Work<C>[]): Promise<Read<S, P>> {
    const targets = [
      ...new Map(work.map((item) => [stateKeyOf(item.target), item.target])).values(),
    ];
    const { prepare } = this.aggregate;
    const [states, commands] = await Promise.all([
      this.aggregate.load(this.pool, targets),
      prepare
        ? prepare(work.map(({ envelope, command }) => ({ envelope, command })))
        : (work.map(({ command }) => command) as unknown as P[]),
    ]);
    return { states, commands };
  }

  /**
   * Answers from command_results what another batch already carried out, then decides and writes the rest;
   * returns the commands whose state moved meanwhile, to decide again. The replies are read on every attempt:
   * the writer that moved a state may have been a redelivery of the same command in another batch.
   */
  private async attempt(allWork: Work<C>[], replies: unknown[]): Promise<Work<C>[]> {
    // The states are read beside the stored replies, not after them: one round trip's wait instead of two.
    const reading = this.read(allWork);
    reading.catch(() => undefined);
    const stored = await this.storedReplies(allWork.map((item) => item.envelope.commandId));
    const work = allWork.filter((item) => {
      const reply = stored.get(item.envelope.commandId);
      if (reply !== undefined) replies[item.index] = reply;
      return reply === undefined;
    });
    if (work.length === 0) return [];
    // `prepare` answers by position: read again for fewer commands (rare: a repeat across batches).
    const { states: loaded, commands } = await (work.length === allWork.length
      ? reading
      : this.read(work));
    const decided: Decided<C, S, E, P>[] = [];
    const decisions = new Map<number, unknown>();
    for (const [position, item] of work.entries()) {
      const key = stateKeyOf(item.target);
      const current = loaded.get(key)!;
      const refusal = this.aggregate.refuseAccess?.(current.state, item.envelope);
      if (refusal) {
        decisions.set(item.index, refusal);
        continue;
      }
      const command = commands[position];
      if (isReply(command)) {
        decisions.set(item.index, command);
        continue;
      }
      const decision = this.aggregate.decide(command, current.state);
      if (!decision.ok) {
        decisions.set(
          item.index,
          'reply' in decision ? decision.reply : this.aggregate.refusal(decision.error),
        );
        continue;
      }
      if (decision.events.length === 0) {
        // Nothing to write (a retry of what the state already holds): answered from the state, not stored.
        const { envelope, target } = item;
        const unchanged = {
          envelope,
          command,
          target,
          before: current.state,
          after: current.state,
        };
        decisions.set(
          item.index,
          accepted(this.aggregate.reply({ ...unchanged, events: [], appended: [] })),
        );
        continue;
      }
      const after = decision.events.reduce(this.aggregate.evolve, current.state);
      const ownStream = item.target.stateKey === undefined;
      const request = {
        streamId: item.target.streamId,
        expectedVersion: ownStream ? current.version : 0,
        events: decision.events,
        context: {
          koperasiId: item.target.koperasiId ?? item.envelope.koperasiId,
          actor: item.envelope.actor.userId,
          correlationId: item.envelope.correlationId,
          causationId: item.envelope.commandId,
        },
      };
      decided.push({
        item,
        command,
        before: current.state,
        after,
        events: decision.events,
        request,
      });
      loaded.set(key, {
        state: after,
        version: ownStream ? current.version + decision.events.length : current.version,
      });
    }
    let written: Written<C, S, E, P> = { moved: new Set(), done: [] };
    if (decided.length > 0) {
      try {
        written = await this.write(decided);
      } catch (error) {
        // A lone command is decided again on fresh state; a batch is split, so the command at fault fails alone.
        if (error instanceof StreamVersionConflictError && work.length === 1) return work;
        throw error;
      }
      this.aggregate.committed?.(written.done.map(({ change }) => change));
    }
    for (const { item, reply } of written.done) decisions.set(item.index, reply);
    const committed = new Set(written.done.map(({ item }) => item));
    // Every decision on a state that moved was taken on a stale state, refusals included; what committed stands.
    const again = work.filter(
      (item) => written.moved.has(stateKeyOf(item.target)) && !committed.has(item),
    );
    for (const item of work)
      if (!again.includes(item)) replies[item.index] = decisions.get(item.index);
    return again;
  }

  /** Appends, projects and stores the replies in one transaction; a stream that moved is left out. */
  private async write(decided: Decided<C, S, E, P>[]): Promise<Written<C, S, E, P>> {
    return inTransaction(this.pool, async (tx) => {
      await this.aggregate.beforeAppend?.(
        tx,
        decided.map(({ item, command }) => ({ envelope: item.envelope, command })),
      );
      const write = new CombinedWrite();
      const outcomes = await this.store.appendBatchWithin(
        tx,
        decided.map(({ request }) => request),
        write,
      );
      const moved = new Set<string>();
      const changes: { item: Work<C>; change: StateChange<S, E, P> }[] = [];
      outcomes.forEach((outcome, position) => {
        const { item, command, before, after, events } = decided[position];
        if (outcome instanceof StreamVersionConflictError) moved.add(stateKeyOf(item.target));
        else {
          const { envelope, target } = item;
          changes.push({
            item,
            change: { envelope, command, target, before, after, events, appended: outcome.events },
          });
        }
      });
      await this.aggregate.project(
        tx,
        changes.map(({ change }) => change),
        write,
      );
      const done = changes.map(({ item, change }) => ({
        item,
        change,
        reply: accepted(this.aggregate.reply(change)),
      }));
      addReplies(
        write,
        done.map(({ item, reply }) => [item.envelope.commandId, reply]),
      );
      await write.run(tx);
      return { moved, done };
    });
  }

  private async storedReplies(commandIds: string[]): Promise<Map<string, unknown>> {
    const { rows } = await this.pool.query<{ command_id: string; reply: unknown }>(
      'SELECT command_id, reply FROM command_results WHERE command_id = ANY($1)',
      [commandIds],
    );
    return new Map(rows.map((row) => [row.command_id, row.reply]));
  }

  /**
   * One command's transaction failed on its own: a refusal found while writing (the aggregate's `project`
   * threw RefusalInTransaction), a repeat that raced its first run, or something unexpected.
   */
  private async afterFailure(item: Work<C>, error: unknown): Promise<unknown> {
    if (error instanceof RefusalInTransaction) return error.reply;
    // A repeat that raced its first run trips over whichever of its rows the first one wrote (its reply,
    // its new stream, a read model row): once that committed, its reply answers this one too.
    const first = (await this.storedReplies([item.envelope.commandId])).get(
      item.envelope.commandId,
    );
    if (first !== undefined) return first;
    return new UnansweredCommand(error instanceof Error ? error.message : String(error));
  }
}

function addReplies(write: CombinedWrite, replies: [string, CommandReply<unknown>][]): void {
  if (replies.length === 0) return;
  write.add(
    'INSERT INTO command_results (command_id, reply) SELECT * FROM unnest($1::text[], $2::jsonb[])',
    [replies.map(([commandId]) => commandId), replies.map(([, reply]) => JSON.stringify(reply))],
  );
}

function isReply<P>(command: P | CommandReply<never>): command is CommandReply<never> {
  return typeof command === 'object' && command !== null && 'ok' in command && command.ok === false;
}
