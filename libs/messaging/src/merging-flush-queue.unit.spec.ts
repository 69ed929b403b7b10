import { MergingFlushQueue } from './merging-flush-queue.js';

/** A flush that records what it was given and finishes only when the test says so. */
function flushesOnCue(failWith?: (items: string[]) => Error | undefined) {
  const flushed: string[][] = [];
  const finish: (() => void)[] = [];
  let running = 0;
  let mostRunning = 0;
  const flush = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      flushed.push(items);
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      finish.push(() => {
        running -= 1;
        const error = failWith?.(items);
        if (error) reject(error);
        else resolve();
      });
    });
  return { flush, flushed, finishNext: () => finish.shift()!(), mostRunning: () => mostRunning };
}

const noHeartbeat = () => Promise.resolve();
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('MergingFlushQueue', () => {
  it('given a flush running, when three partitions hand in batches, then the next flush takes all three at once', async () => {
    const { flush, flushed, finishNext } = flushesOnCue();
    const queue = new MergingFlushQueue(flush, { maxItemsPerFlush: 100, maxFlushesInFlight: 1 });

    const first = queue.take(['p0-a'], noHeartbeat);
    await settle();
    const waiting = [
      queue.take(['p1-a', 'p1-b'], noHeartbeat),
      queue.take(['p2-a'], noHeartbeat),
      queue.take(['p3-a'], noHeartbeat),
    ];
    await settle();
    expect(flushed).toEqual([['p0-a']]);

    finishNext();
    await first;
    await settle();
    expect(flushed).toEqual([['p0-a'], ['p1-a', 'p1-b', 'p2-a', 'p3-a']]);
    finishNext();
    await Promise.all(waiting);
  });

  it('given a limit of items per flush, when more wait, then a flush stops at the limit and never splits a batch', async () => {
    const { flush, flushed, finishNext } = flushesOnCue();
    const queue = new MergingFlushQueue(flush, { maxItemsPerFlush: 3, maxFlushesInFlight: 1 });

    const taken = [
      queue.take(['a'], noHeartbeat),
      queue.take(['b', 'c'], noHeartbeat),
      queue.take(['d', 'e'], noHeartbeat),
      queue.take(['f'], noHeartbeat),
    ];
    for (let flushes = 0; flushes < 3; flushes += 1) {
      await settle();
      finishNext();
    }
    await Promise.all(taken);

    expect(flushed).toEqual([['a'], ['b', 'c'], ['d', 'e', 'f']]);
    await expect(queue.take(['1', '2', '3', '4'], noHeartbeat)).rejects.toThrow(/exceed/);
  });

  it('given two flushes allowed, when batches keep coming, then never more than two run at once', async () => {
    const { flush, finishNext, mostRunning } = flushesOnCue();
    const queue = new MergingFlushQueue(flush, { maxItemsPerFlush: 1, maxFlushesInFlight: 2 });

    const taken = ['a', 'b', 'c', 'd', 'e'].map((item) => queue.take([item], noHeartbeat));
    for (let flushes = 0; flushes < 5; flushes += 1) {
      await settle();
      finishNext();
    }
    await Promise.all(taken);

    expect(mostRunning()).toBe(2);
  });

  it('given a flush that fails, when its batches wait on it, then they reject with its error and the next flush goes on', async () => {
    const { flush, finishNext } = flushesOnCue((items) =>
      items.includes('poison') ? new Error('broker down') : undefined,
    );
    const queue = new MergingFlushQueue(flush, { maxItemsPerFlush: 10, maxFlushesInFlight: 1 });

    const failing = queue.take(['poison'], noHeartbeat);
    await settle();
    const after = queue.take(['fine'], noHeartbeat);
    finishNext();
    await expect(failing).rejects.toThrow('broker down');
    await settle();
    finishNext();

    await expect(after).resolves.toBeUndefined();
  });
});
