export interface MergingFlushQueueLimits {
  /** Items in one flush; a single `take` may not exceed it. */
  maxItemsPerFlush: number;
  /** Flushes running at once. */
  maxFlushesInFlight: number;
}

/**
 * kafkajs's partitionsConsumedConcurrently for a consumer that feeds a MergingFlushQueue: every partition (12 in
 * production) hands its fetch to the queue at once, so a flush can take them all.
 */
export const PARTITIONS_FETCHED_AT_ONCE = 64;

/** Within the consumer's session timeout (10 s), so a long wait behind other flushes keeps the group membership. */
const HEARTBEAT_WHILE_WAITING_MS = 3_000;

interface Waiting<T> {
  items: T[];
  done: (error?: unknown) => void;
}

/**
 * Natural group commit for a Kafka consumer: each partition's batch waits here while a flush runs, and the
 * next flush takes everything that waited, from every partition. A busy moment makes flushes bigger, not more
 * numerous: one database transaction and one produce request for many partitions' messages, and no two
 * transactions of one consumer contending for the same hot rows. A partition's next batch comes only after
 * its `take` resolved, so a flush never holds two batches of one partition and a key's order holds.
 */
export class MergingFlushQueue<T> {
  private readonly waiting: Waiting<T>[] = [];
  private flushesInFlight = 0;

  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly limits: MergingFlushQueueLimits,
  ) {
    if (limits.maxItemsPerFlush < 1 || limits.maxFlushesInFlight < 1)
      throw new Error(`MergingFlushQueue limits must be positive: ${JSON.stringify(limits)}`);
  }

  /**
   * Resolves once `items` went out in a flush; rejects with that flush's error, for Kafka to redeliver.
   * `heartbeat` (the batch's own) is sent every few seconds meanwhile.
   */
  async take(items: T[], heartbeat: () => Promise<void>): Promise<void> {
    if (items.length === 0) return;
    if (items.length > this.limits.maxItemsPerFlush)
      throw new Error(`${items.length} items exceed a flush of ${this.limits.maxItemsPerFlush}`);
    const beating = setInterval(
      () => void heartbeat().catch(() => undefined),
      HEARTBEAT_WHILE_WAITING_MS,
    );
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiting.push({
          items,
          done: (error) => (error === undefined ? resolve() : reject(error)),
        });
        this.flushWhenFree();
      });
    } finally {
      clearInterval(beating);
    }
  }

  private flushWhenFree(): void {
    while (this.waiting.length > 0 && this.flushesInFlight < this.limits.maxFlushesInFlight) {
      const taken: Waiting<T>[] = [];
      let size = 0;
      while (
        this.waiting.length > 0 &&
        size + this.waiting[0].items.length <= this.limits.maxItemsPerFlush
      ) {
        const next = this.waiting.shift()!;
        taken.push(next);
        size += next.items.length;
      }
      this.flushesInFlight += 1;
      // Through a promise, so a flush that throws before its first await still ends its turn.
      Promise.resolve(taken.flatMap((waiting) => waiting.items))
        .then((items) => this.flush(items))
        .then(
          () => taken.forEach((waiting) => waiting.done()),
          (error: unknown) => taken.forEach((waiting) => waiting.done(error)),
        )
        .finally(() => {
          this.flushesInFlight -= 1;
          this.flushWhenFree();
        });
    }
  }
}
