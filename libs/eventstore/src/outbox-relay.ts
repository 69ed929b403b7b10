import type { Pool, PoolClient } from 'pg';
import type { Producer } from 'kafkajs';
import { EVENTS_APPENDED_CHANNEL } from './events-appended-channel.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { START_OF_LOG, type GlobalCheckpoint, type StoredEvent } from './stored-event.js';

export interface OutboxRelayOptions {
  pool: Pool;
  producer: Producer;
  topic: string;
  /** Names the checkpoint; one relay of a name runs at a time per database. */
  relayName: string;
  batchSize?: number;
  /**
   * The safety net: with no notification, the relay reads again after this long anyway (events written by
   * other means than the event store). Every append notifies on commit and a new LISTEN connection reads at
   * once, so nothing a teller waits for waits on it.
   */
  safetyPollMs?: number;
  /** While committed events wait behind an older transaction still open, the relay reads again this soon. */
  heldBackRetryMs?: number;
  onError?: (error: unknown) => void;
}

export const EVENT_ID_HEADER = 'event-id';
export const EVENT_TYPE_HEADER = 'event-type';
const MAX_RETRY_PAUSE_MS = 5000;
/** Every append wakes the relay on commit; read once a second at rest, the safety poll kept every service busy. */
const DEFAULT_SAFETY_POLL_MS = 30_000;

/**
 * Publishes committed events to Kafka in commit order, keyed by stream id. The checkpoint is written only
 * after Kafka acknowledged the batch, so a relay that dies in between publishes the batch again on restart
 * (consumers drop the duplicates by `event-id`); an event is never lost.
 *
 * It wakes on commit: one dedicated connection holds the relay's advisory lock and LISTENs for the event
 * store's notification, and every notification that arrives while a read is under way folds into one more
 * read, so a burst of commits costs a handful of reads. At rest it reads only every `safetyPollMs`.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly safetyPollMs: number;
  private readonly heldBackRetryMs: number;
  private readonly store: PostgresEventStore;
  private lockClient: PoolClient | null = null;
  private running = false;
  private killed = false;
  private loop: Promise<void> | null = null;
  private publishedCount = 0;
  private consecutiveFailures = 0;
  /** A notification (or stop) came since the last read began: read again without waiting. */
  private woken = false;
  private interruptWait: (() => void) | null = null;

  constructor(private readonly options: OutboxRelayOptions) {
    this.store = new PostgresEventStore(options.pool);
    this.batchSize = options.batchSize ?? 2000;
    this.safetyPollMs = options.safetyPollMs ?? DEFAULT_SAFETY_POLL_MS;
    this.heldBackRetryMs = options.heldBackRetryMs ?? 10;
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
    this.wakeUp();
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
    this.wakeUp();
    this.dropLockConnection(new Error('relay killed'));
    await this.loop;
  }

  /**
   * A failed read, publish or checkpoint, or a lost lock connection, is retried from the saved checkpoint on
   * a new connection after a pause that grows while failures follow each other.
   */
  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.relayUntilStopped();
        return;
      } catch (error) {
        this.dropLockConnection(error);
        if (!this.running) return;
        this.consecutiveFailures += 1;
        this.options.onError?.(error);
        await sleep(Math.min(MAX_RETRY_PAUSE_MS, 100 * 2 ** Math.min(this.consecutiveFailures, 6)));
      }
    }
  }

  private async relayUntilStopped(): Promise<void> {
    const connection = await this.options.pool.connect();
    this.lockClient = connection;
    // Per connection: a dropped one ends this pass (and with it the lock), and the next pass starts afresh.
    const lost: { error: Error | null } = { error: null };
    connection.on('error', (error) => {
      lost.error = error;
      this.wakeUp();
    });
    connection.on('end', () => {
      lost.error ??= new Error("the relay's lock and LISTEN connection closed");
      this.wakeUp();
    });
    connection.on('notification', () => this.wakeUp());
    await this.acquireLock(connection);
    await connection.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
    let checkpoint = await this.loadCheckpoint();
    while (this.running) {
      if (lost.error) throw lost.error;
      this.woken = false;
      const {
        events,
        checkpoint: next,
        heldBack,
      } = await this.store.readAll(checkpoint, this.batchSize);
      if (events.length > 0) {
        await this.publish(events);
        if (this.killed) return;
        await this.saveCheckpoint(next);
        checkpoint = next;
        this.publishedCount += events.length;
      }
      this.consecutiveFailures = 0;
      // A full page may have more behind it. Otherwise the read saw every commit before it, and a commit
      // since has woken (or will wake) the wait: no second read to find nothing.
      if (events.length < this.batchSize)
        await this.waitForWakeUp(heldBack ? this.heldBackRetryMs : this.safetyPollMs);
    }
  }

  private wakeUp(): void {
    this.woken = true;
    this.interruptWait?.();
  }

  private waitForWakeUp(ms: number): Promise<void> {
    if (this.woken || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptWait = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptWait = done;
    });
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
    const { rows } = await this.options.pool.query<{
      transaction_id: string;
      global_position: string;
    }>(`SELECT transaction_id::text, global_position FROM relay_checkpoints WHERE relay = $1`, [
      this.options.relayName,
    ]);
    return rows[0]
      ? { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position }
      : START_OF_LOG;
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
