import { Logger } from '@nestjs/common';
import { KafkaHeaders, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { COMMAND_HEADER, commandTopicOf } from '@koperasi/contracts';
import {
  createKafka,
  MergingFlushQueue,
  OffsetCommitter,
  PARTITIONS_FETCHED_AT_ONCE,
} from '@koperasi/messaging';
import { retryUntilReachable } from '@koperasi/platform';
import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type Message,
  type Producer,
} from 'kafkajs';
import type { CommandConsumerState } from './command-consumer-state.js';

/** One command as the batch handler sees it: its name (the message's command header) and parsed value. */
export interface CommandMessage {
  command: string;
  /** The Kafka key: the aggregate whose commands must be handled in order. */
  key: string;
  value: unknown;
}

/**
 * Handles a batch of commands in one call and answers each, in the same order. Commands of one key come in
 * the order they were sent; the handler keeps that order. A throw fails the whole batch, which Kafka delivers
 * again; a handler answers a command it cannot carry out with a refusal or an `UnansweredCommand` instead.
 */
export type BatchCommandHandler = (commands: CommandMessage[]) => Promise<unknown[]>;

/** In place of a reply: the command failed unexpectedly, so the sender learns that its outcome is unknown. */
export class UnansweredCommand {
  constructor(readonly reason: string) {}
}

export interface BatchedKafkaServerOptions {
  clientId: string;
  brokers: string[];
  groupId: string;
  state: CommandConsumerState;
  /** Commands handed to the handlers in one flush, taken from every partition that has some waiting. */
  maxCommandsPerFlush?: number;
  /**
   * Flushes at once. A partition's next batch waits for its flush, so flushes never share a partition and
   * a key's order holds; more than one lets a slow command (a partner call) hold up only its own flush.
   */
  maxFlushesInFlight?: number;
}

interface ReceivedCommand {
  command: string;
  message: KafkaMessage;
}

interface Routed {
  handler: BatchCommandHandler;
  commands: CommandMessage[];
  indexes: number[];
}

/**
 * A Kafka transport for @nestjs/microservices that takes commands in batches. Each partition's fetch is
 * queued; a flush takes what is queued across partitions, gives each batch handler all its commands in one
 * call (a command no handler takes is answered `UnansweredCommand`), sends every reply in one produce
 * request, and only then lets the partitions' offsets be committed. A crash before the commit delivers the
 * commands again, and the handlers answer a repeat from their stored results.
 */
export class BatchedKafkaServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(BatchedKafkaServer.name);
  private readonly batchHandlers = new Map<string, BatchCommandHandler>();
  private readonly flushes: MergingFlushQueue<ReceivedCommand>;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private offsets: OffsetCommitter | null = null;
  private closing = false;
  private readonly maxCommandsPerFlush: number;

  constructor(private readonly options: BatchedKafkaServerOptions) {
    super();
    this.maxCommandsPerFlush = options.maxCommandsPerFlush ?? 500;
    this.flushes = new MergingFlushQueue((received) => this.flush(received), {
      maxItemsPerFlush: this.maxCommandsPerFlush,
      maxFlushesInFlight: options.maxFlushesInFlight ?? 2,
    });
  }

  /** `handler` takes every one of these commands; register before the microservice starts. */
  handleBatches(commands: readonly string[], handler: BatchCommandHandler): this {
    for (const command of commands) this.batchHandlers.set(command, handler);
    return this;
  }

  /**
   * Says started at once and reaches the broker in the background, for as long as that takes: a service started
   * while the broker is down stays up (live, not ready: its state has no partitions) instead of exiting.
   */
  listen(callback: (error?: unknown) => void): void {
    callback();
    this.start().catch((error: unknown) => {
      if (!this.closing) this.log.error(`command consumer did not start: ${String(error)}`);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.options.state.lost();
    await this.offsets?.commit();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = null;
    this.producer = null;
  }

  on(): never {
    throw new Error('BatchedKafkaServer has no events to listen to');
  }

  unwrap<T>(): T {
    return [this.consumer, this.producer] as T;
  }

  private async start(): Promise<void> {
    const kafka = createKafka(this.options.clientId, this.options.brokers);
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = kafka.consumer({
      groupId: this.options.groupId,
      // A restarted instance rejoins sooner when the broker drops its dead predecessor sooner.
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      // Shutdown waits for the fetch in flight; an idle long poll this short keeps that wait short.
      maxWaitTimeInMs: 1_000,
    });
    this.offsets = new OffsetCommitter(this.consumer, (message) => this.log.warn(message));
    this.trackMembership(this.consumer);
    const { producer, consumer } = this;
    const topics = [...new Set([...this.batchHandlers.keys()].map(commandTopicOf))];
    await retryUntilReachable(
      async () => {
        await producer.connect();
        await consumer.connect();
        await consumer.subscribe({ topics });
      },
      {
        what: `reach Kafka for ${this.options.groupId}`,
        warn: (message) => this.log.warn(message),
        stopped: () => this.closing,
      },
    );
    await consumer.run({
      // Only offsets whose replies are out are done (takeBatch), so a crash before that delivers the commands
      // again, and a repeat is answered from its stored result.
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_FETCHED_AT_ONCE,
      eachBatch: (payload) => this.takeBatch(payload),
    });
  }

  /** Listeners go on before `run()`, which waits for the first join: attached afterwards they would miss it. */
  private trackMembership(consumer: Consumer): void {
    const { state } = this.options;
    consumer.on(consumer.events.GROUP_JOIN, (event) =>
      state.joined(event.payload.memberAssignment),
    );
    for (const event of [
      consumer.events.REBALANCING,
      consumer.events.STOP,
      consumer.events.CRASH,
      consumer.events.DISCONNECT,
    ]) {
      consumer.on(event as typeof consumer.events.STOP, () => state.lost());
    }
  }

  private async takeBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    for (let start = 0; start < batch.messages.length; start += this.maxCommandsPerFlush) {
      const messages = batch.messages.slice(start, start + this.maxCommandsPerFlush);
      await this.flushes.take(
        messages.map((message) => ({ command: commandOf(message), message })),
        heartbeat,
      );
      // Replies are out: a redelivery from here on would only repeat answers.
      resolveOffset(messages[messages.length - 1].offset);
      this.offsets?.done(batch.topic, batch.partition, messages[messages.length - 1].offset);
    }
  }

  private async flush(received: ReceivedCommand[]): Promise<void> {
    try {
      await this.answer(received);
    } catch (error) {
      this.log.error(`command batch failed, Kafka delivers it again: ${String(error)}`);
      throw error;
    }
  }

  private async answer(received: ReceivedCommand[]): Promise<void> {
    const replies = new Array<unknown>(received.length);
    const routed = new Map<BatchCommandHandler, Routed>();
    received.forEach(({ command, message }, index) => {
      const handler = this.batchHandlers.get(command);
      if (!handler) {
        replies[index] = new UnansweredCommand(`no handler for ${command}`);
        return;
      }
      const group = routed.get(handler) ?? { handler, commands: [], indexes: [] };
      routed.set(handler, group);
      group.commands.push({
        command,
        key: message.key?.toString() ?? '',
        value: parseValue(message.value),
      });
      group.indexes.push(index);
    });
    await Promise.all(
      [...routed.values()].map(async ({ handler, commands, indexes }) => {
        const answers = await handler(commands);
        if (answers.length !== commands.length)
          throw new Error(
            `a batch handler answered ${answers.length} of ${commands.length} commands`,
          );
        answers.forEach((answer, position) => (replies[indexes[position]] = answer));
      }),
    );
    await this.sendReplies(
      received.map(({ message }) => message.headers ?? {}),
      replies,
    );
  }

  /** One produce request for the flush; a message without a reply address (a bare event) gets no answer. */
  private async sendReplies(headers: IHeaders[], replies: unknown[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    headers.forEach((header, index) => {
      const replyTopic = header[KafkaHeaders.REPLY_TOPIC]?.toString();
      const correlationId = header[KafkaHeaders.CORRELATION_ID]?.toString();
      if (!replyTopic || !correlationId) return;
      const reply = replies[index];
      const partition = header[KafkaHeaders.REPLY_PARTITION]?.toString();
      const message: Message = {
        value: reply instanceof UnansweredCommand ? null : JSON.stringify(reply),
        headers: {
          [KafkaHeaders.CORRELATION_ID]: correlationId,
          ...(reply instanceof UnansweredCommand ? { [KafkaHeaders.NEST_ERR]: reply.reason } : {}),
        },
        ...(partition === undefined ? {} : { partition: Number(partition) }),
      };
      const messages = byTopic.get(replyTopic);
      if (messages) messages.push(message);
      else byTopic.set(replyTopic, [message]);
    });
    if (byTopic.size === 0) return;
    await this.producer!.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
    });
  }
}

/** The command a message carries: its handlers are registered by command, not by the service's topic. */
function commandOf(message: KafkaMessage): string {
  return message.headers?.[COMMAND_HEADER]?.toString() ?? '(no command header)';
}

/** JSON when it parses; otherwise the text, which the handler's envelope check refuses. */
function parseValue(value: Buffer | null): unknown {
  if (value === null) return null;
  const text = value.toString();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
