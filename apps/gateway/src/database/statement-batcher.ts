interface Waiting<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the same statement from concurrent requests into one round trip: what arrives while the event loop
 * handles one round of I/O goes out together (setImmediate), at most `maxBatch` items a statement. `run` answers
 * the items in order; when it fails every item of its batch fails with it, as each would have alone.
 */
export class StatementBatcher<TItem, TResult> {
  private waiting: Waiting<TItem, TResult>[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: TItem[]) => Promise<TResult[]>,
    private readonly maxBatch: number,
  ) {}

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
    const batch = this.waiting.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.run(batch.map((waiting) => waiting.item)).then(
      (results) => batch.forEach((waiting, index) => waiting.resolve(results[index])),
      (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
    );
  }
}
