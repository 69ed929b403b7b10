import { StatementBatcher } from './statement-batcher.js';

describe('StatementBatcher', () => {
  it('given one batch in flight at most, when items arrive while it runs, then they wait and go out together as the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const firstRunning = new Promise<void>((resolve) => (release = resolve));
    const batcher = new StatementBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await firstRunning;
        return items.map((item) => item * 10);
      },
      100,
      1,
    );

    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batcher.add(2), batcher.add(3), batcher.add(4)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();

    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('given a batch limit, when more items arrive at once, then no batch is larger than the limit', async () => {
    const sizes: number[] = [];
    const batcher = new StatementBatcher<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.add(item)))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(Math.max(...sizes)).toBe(2);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(5);
  });

  it('given a batch that fails, then each of its items fails with the error and the next batch still runs', async () => {
    let calls = 0;
    const batcher = new StatementBatcher<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return items;
    }, 10);
    const failed = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.add(3)).toBe(3);
  });
});
