import type { Pool, PoolClient } from 'pg';
import type { Producer } from 'kafkajs';
import { PostgresEventStore } from './postgres-event-store.js';
import { START_OF_LOG, type GlobalCheckpoint, type StoredEvent } from './stored-event.js';

export interface OutboxRelayOptions {
  pool: Pool;
  producer: Producer;
  topic: string;
  /** Names the checkpoint; one relay of a name runs at a time per database. */
  relayName: string;
  batchSize?: number;
  idlePollMs?: number;
  onError?: (error: unknown) => void;
}

export const EVENT_ID_HEADER = 'event-id';
export const EVENT_TYPE_HEADER = 'event-type';
const MAX_RETRY_PAUSE_MS = 5000;


/**
 * Publishes committed events to Kafka in commit order, keyed by stream id. The checkpoint is written only
 * after Kafka acknowledged the batch, so a relay that dies in between publishes the batch again on restart
 * (consumers drop the duplicates by `event-id`); an event is never lost.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly store: PostgresEventStore;
  private lockClient: PoolClient | null = null;
  private running = false;
  private killed = false;
  private loop: Promise<void> | null = null;
  private publishedCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.store = new PostgresEventStore(options.pool);
    this.batchSize = options.batchSize ?? 2000;
    this.idlePollMs = options.idlePollMs ?? 10;
  }

  get published(): number {
    return this.publishedCount;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight is published and checkpointed. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.dropLockConnection(new Error('relay stopped'));
  }

  /**
   * Simulates a crash at the worst moment: the batch in flight reaches Kafka but its checkpoint is never
   * written, and the advisory lock goes with the dropped connection.
   */
  async kill(): Promise<void> {
    this.running = false;
    this.killed = true;
    this.dropLockConnection(new Error('relay killed'));
    await this.loop;
  }

  /** A failed read, publish or checkpoint is retried from the saved checkpoint after a growing pause. */
  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.relayUntilStopped();
        return;
      } catch (error) {
        this.dropLockConnection(error);
        if (!this.running) return;
        failures += 1;
        this.options.onError?.(error);
        await sleep(Math.min(MAX_RETRY_PAUSE_MS, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  private async relayUntilStopped(): Promise<void> {
    this.lockClient = await this.options.pool.connect();
    await this.acquireLock(this.lockClient);
    let checkpoint = await this.loadCheckpoint();
    while (this.running) {
      const { events, checkpoint: next } = await this.store.readAll(checkpoint, this.batchSize);
      if (events.length === 0) {
        await sleep(this.idlePollMs);
        continue;
      }
      await this.publish(events);
      if (this.killed) return;
      await this.saveCheckpoint(next);
      checkpoint = next;
      this.publishedCount += events.length;
    }
  }

  private async publish(events: StoredEvent[]): Promise<void> {
    await this.options.producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: events.map((event) => {
        const { globalPosition: _position, transactionId: _transaction, ...envelope } = event;
        return {
          key: event.streamId,
          value: JSON.stringify(envelope),
          headers: { [EVENT_ID_HEADER]: event.eventId, [EVENT_TYPE_HEADER]: event.type },
        };
      }),
    });
  }

  /** Waits while another relay of the same name holds the lock; it is released when that one's connection drops. */
  private async acquireLock(lockClient: PoolClient): Promise<void> {
    while (this.running) {
      const { rows } = await lockClient.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
        [`outbox-relay:${this.options.relayName}`],
      );
      if (rows[0].locked) return;
      await sleep(500);
    }
  }

  /** Closes the lock's connection instead of returning it to the pool, which frees the advisory lock. */
  private dropLockConnection(reason: unknown): void {
    this.lockClient?.release(reason instanceof Error ? reason : new Error(String(reason)));
    this.lockClient = null;
  }

  private async loadCheckpoint(): Promise<GlobalCheckpoint> {
    const { rows } = await this.options.pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id::text, global_position FROM relay_checkpoints WHERE relay = $1`,
      [this.options.relayName],
    );
    return rows[0] ? { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position } : START_OF_LOG;
  }

  private async saveCheckpoint(checkpoint: GlobalCheckpoint): Promise<void> {
    await this.options.pool.query(
      `INSERT INTO relay_checkpoints (relay, transaction_id, global_position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (relay) DO UPDATE SET transaction_id = excluded.transaction_id,
         global_position = excluded.global_position, updated_at = now()`,
      [this.options.relayName, checkpoint.transactionId, checkpoint.globalPosition],
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
