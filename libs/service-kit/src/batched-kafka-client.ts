import { randomUUID } from 'node:crypto';
import { KafkaHeaders } from '@nestjs/microservices';
import { createKafka } from '@koperasi/messaging';
import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type Message,
  type Producer,
} from 'kafkajs';

export interface BatchedKafkaClientOptions {
  clientId: string;
  brokers: string[];
  /** The group that reads the replies; each instance gets its share of the reply partitions. */
  groupId: string;
  /** Where every reply to this client comes back. */
  replyTopic: string;
  timeoutMs: number;
  /** How long a request waits for others to share its produce request. */
  lingerMs?: number;
  maxMessagesPerProduce?: number;
  /** Requests waiting for a reply at once; past it a request is refused before it is sent. */
  maxPendingRequests?: number;
}

interface Outgoing {
  topic: string;
  message: Message;
  fail(error: Error): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** The service answered with an error in place of a reply, or the request found no way out. */
export class CommandRequestError extends Error {
  override name = 'CommandRequestError';
}

/**
 * Kafka request-reply, batched both ways: requests that arrive within `lingerMs` of each other go out in
 * one produce request, and replies are read a batch at a time. A request names a reply partition this
 * instance holds, so the reply comes back here. No reply in `timeoutMs` rejects: the outcome is unknown.
 */
export class BatchedKafkaClient {
  private readonly producer: Producer;
  private readonly consumer: Consumer;
  private readonly pending = new Map<string, Pending>();
  private outgoing: Outgoing[] = [];
  private lingerTimer: NodeJS.Timeout | null = null;
  private producing = false;
  private assignment: Record<string, number[]> = {};
  private connected = false;
  private readonly lingerMs: number;
  private readonly maxMessagesPerProduce: number;
  private readonly maxPendingRequests: number;

  constructor(private readonly options: BatchedKafkaClientOptions) {
    const kafka = createKafka(options.clientId, options.brokers);
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 1_000,
    });
    this.lingerMs = options.lingerMs ?? 2;
    this.maxMessagesPerProduce = options.maxMessagesPerProduce ?? 500;
    this.maxPendingRequests = options.maxPendingRequests ?? 10_000;
    const { events } = this.consumer;
    this.consumer.on(
      events.GROUP_JOIN,
      ({ payload }) => (this.assignment = payload.memberAssignment),
    );
    for (const event of [events.REBALANCING, events.STOP, events.CRASH, events.DISCONNECT]) {
      this.consumer.on(event as typeof events.STOP, () => (this.assignment = {}));
    }
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    // Replies sent before this instance joined answer requests nobody waits for any more.
    await this.consumer.subscribe({ topics: [this.options.replyTopic], fromBeginning: false });
    // No offsets committed: a reply is only of use to the instance waiting for it, which reads from the end on joining.
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 16,
      eachBatch: (payload) => this.takeReplies(payload),
    });
    this.connected = true;
  }

  /** True once the reply topic has a partition here: before that a request cannot name where to answer. */
  isReady(): boolean {
    return this.connected && (this.assignment[this.options.replyTopic]?.length ?? 0) > 0;
  }

  send(
    topic: string,
    key: string,
    value: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    const { replyTopic } = this.options;
    const partitions = this.assignment[replyTopic];
    if (!partitions || partitions.length === 0)
      return Promise.reject(new CommandRequestError(`no partition of ${replyTopic} assigned yet`));
    if (this.pending.size >= this.maxPendingRequests)
      return Promise.reject(new CommandRequestError('too many requests waiting'));
    const correlationId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.settle(
            correlationId,
            new CommandRequestError(`no reply within ${this.options.timeoutMs} ms`),
          ),
        this.options.timeoutMs,
      );
      this.pending.set(correlationId, { resolve, reject, timer });
      this.outgoing.push({
        topic,
        message: {
          key,
          value: JSON.stringify(value),
          headers: {
            ...headers,
            [KafkaHeaders.CORRELATION_ID]: correlationId,
            [KafkaHeaders.REPLY_TOPIC]: replyTopic,
            [KafkaHeaders.REPLY_PARTITION]: String(
              partitions[Math.floor(Math.random() * partitions.length)],
            ),
          },
        },
        fail: (error) => this.settle(correlationId, error),
      });
      this.scheduleProduce();
    });
  }

  async close(): Promise<void> {
    this.connected = false;
    for (const id of [...this.pending.keys()])
      this.settle(id, new CommandRequestError('the client is closing'));
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private scheduleProduce(): void {
    if (this.producing || this.lingerTimer) return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      void this.produce();
    }, this.lingerMs);
  }

  /** One produce request in flight; what queues meanwhile goes in the next. */
  private async produce(): Promise<void> {
    const taken = this.outgoing.splice(0, this.maxMessagesPerProduce);
    if (taken.length === 0) return;
    this.producing = true;
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of taken) {
      const messages = byTopic.get(topic);
      if (messages) messages.push(message);
      else byTopic.set(topic, [message]);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      // Some may have been written: the outcome of each is unknown, not refused.
      for (const request of taken)
        request.fail(new CommandRequestError(`send failed: ${String(error)}`));
    } finally {
      this.producing = false;
      if (this.outgoing.length > 0) this.scheduleProduce();
    }
  }

  private async takeReplies({ batch }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      const correlationId = message.headers?.[KafkaHeaders.CORRELATION_ID]?.toString();
      if (!correlationId || !this.pending.has(correlationId)) continue;
      const error = message.headers?.[KafkaHeaders.NEST_ERR]?.toString();
      if (error !== undefined) {
        this.settle(correlationId, new CommandRequestError(`the service failed: ${error}`));
        continue;
      }
      try {
        this.settle(correlationId, undefined, JSON.parse(message.value?.toString() ?? 'null'));
      } catch (parseError) {
        this.settle(
          correlationId,
          new CommandRequestError(`unreadable reply: ${String(parseError)}`),
        );
      }
    }
  }

  private settle(correlationId: string, error: Error | undefined, value?: unknown): void {
    const request = this.pending.get(correlationId);
    if (!request) return;
    this.pending.delete(correlationId);
    clearTimeout(request.timer);
    if (error) request.reject(error);
    else request.resolve(value);
  }
}
