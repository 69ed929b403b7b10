import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { OutboxRelay } from '@koperasi/eventstore';
import { createKafka } from '@koperasi/messaging';
import { retryUntilReachable } from '@koperasi/platform';
import { Partitioners, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { PG_POOL } from './pg-pool.js';

/** Which event store table feeds which topic; a service provides it under OUTBOX_RELAY_OPTIONS. */
export interface OutboxRelayOptions {
  /** Names the checkpoint row and the producer's client id. */
  relayName: string;
  topic: string;
  kafkaBrokers: string[];
}

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/**
 * The relay retries a failure after at most 5 s, so errors further apart than QUIET_MS are separate blips;
 * a run of errors longer than FAILING_AFTER_MS means events are not reaching Kafka, and readiness says so.
 */
const QUIET_MS = 10_000;
const FAILING_AFTER_MS = 15_000;

/** Publishes the service's event store to Kafka from start to shutdown. */
@Injectable()
export class ServiceOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ServiceOutboxRelay.name);
  private readonly producer: Producer;
  private readonly relay: OutboxRelay;
  private running = false;
  private stopping = false;
  private failingSinceMs = 0;
  private lastFailureMs = 0;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions,
  ) {
    this.producer = createKafka(`${options.relayName}-relay`, options.kafkaBrokers).producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.relay = new OutboxRelay({
      pool,
      producer: this.producer,
      topic: options.topic,
      relayName: options.relayName,
      onError: (error) => {
        const now = Date.now();
        if (now - this.lastFailureMs > QUIET_MS) this.failingSinceMs = now;
        this.lastFailureMs = now;
        this.logger.error(`relay failed, retrying: ${String(error)}`);
      },
    });
  }

  get healthy(): boolean {
    if (!this.running) return false;
    const now = Date.now();
    const failing =
      now - this.lastFailureMs <= QUIET_MS &&
      this.lastFailureMs - this.failingSinceMs >= FAILING_AFTER_MS;
    return !failing;
  }

  /** In the background, waiting for the broker as long as it takes: events wait in the store meanwhile. */
  onApplicationBootstrap(): void {
    this.connectAndStart().catch((error: unknown) => {
      if (!this.stopping) this.logger.error(`relay did not start: ${String(error)}`);
    });
  }

  private async connectAndStart(): Promise<void> {
    await retryUntilReachable(() => this.producer.connect(), {
      what: 'reach Kafka for the relay',
      warn: (message) => this.logger.warn(message),
      stopped: () => this.stopping,
    });
    if (this.stopping) return;
    await this.relay.start();
    this.running = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.running) {
      this.running = false;
      await this.relay.stop();
    }
    await this.producer.disconnect();
  }
}
