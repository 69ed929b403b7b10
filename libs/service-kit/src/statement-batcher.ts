interface Waiting<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the same statement from concurrent requests into one round trip: what arrives while the event loop
 * handles one round of I/O goes out together (setImmediate), at most `maxBatch` items a statement. With
 * `maxInFlight`, what arrives while that many batches are running waits for the next one, so a busy caller's
 * batches grow instead of its transactions multiplying. `run` answers the items in order; when it fails every
 * item of its batch fails with it, as each would have alone.
 */
export class StatementBatcher<TItem, TResult> {
  private waiting: Waiting<TItem, TResult>[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly run: (items: TItem[]) => Promise<TResult[]>,
    private readonly maxBatch: number,
    private readonly maxInFlight = Number.POSITIVE_INFINITY,
  ) {
    if (maxBatch < 1 || maxInFlight < 1) throw new Error('StatementBatcher: limits must be >= 1');
  }

  add(item: TItem): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.waiting.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.run(batch.map((waiting) => waiting.item))
      .then(
        (results) => batch.forEach((waiting, index) => waiting.resolve(results[index])),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
  }
}
