import type { Consumer } from 'kafkajs';

/** How often done offsets are committed: the most a crash or a rebalance makes Kafka deliver again. */
const DEFAULT_COMMIT_INTERVAL_MS = 1_000;

interface NextOffset {
  topic: string;
  partition: number;
  /** The offset the group reads next on the partition. */
  offset: string;
}

/**
 * Commits a consumer's done offsets once per interval, in one request for every partition, instead of one
 * request per partition batch: kafkajs commits after each partition's batch, so one fetch across 12 busy
 * partitions cost the broker 12 offset commits. Only consumers whose messages are safe to take twice use it
 * (the command server answers a repeat from its stored result, the projections skip a processed event), so
 * dropping offsets not yet committed is always safe: a rebalance drops them, since a partition may now
 * belong to another member, and committing our older offset for it would move that member back.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, NextOffset>();
  private timer: NodeJS.Timeout | null = null;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly consumer: Consumer,
    private readonly warn: (message: string) => void,
    private readonly intervalMs = DEFAULT_COMMIT_INTERVAL_MS,
  ) {
    for (const rebalance of [consumer.events.REBALANCING, consumer.events.GROUP_JOIN])
      consumer.on(rebalance as typeof consumer.events.GROUP_JOIN, () => this.pending.clear());
  }

  /** Everything up to and including lastOffset on the partition is done. */
  done(topic: string, partition: number, lastOffset: string): void {
    this.pending.set(`${topic}:${partition}`, {
      topic,
      partition,
      offset: (BigInt(lastOffset) + 1n).toString(),
    });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.commit();
    }, this.intervalMs);
  }

  /** Commits what is done now; called on the timer and before the consumer leaves its group. */
  commit(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.committing = this.committing.then(() => this.commitPending());
    return this.committing;
  }

  private async commitPending(): Promise<void> {
    if (this.pending.size === 0) return;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // Not retried: the next batch's offsets supersede these, and uncommitted messages come again harmlessly.
      this.warn(`offset commit failed, Kafka may deliver again: ${String(error)}`);
    }
  }
}
