import { availableParallelism } from 'node:os';
import pg from 'pg';
import type { ProgressListener } from '../progress.js';
import { compiledWorker, runWorkerTask } from '../worker-threads.js';
import type { ServiceName, ServiceStore } from '../sources/service-stores.js';
import {
  MAX_PARTITIONS,
  verifyChainPartition,
  type ChainBreak,
  type ChainPartitionReport,
  type ChainPartitionTask,
} from './chain-partition.js';

export interface StoreChainReport {
  service: ServiceName;
  streams: number;
  events: number;
  /** Breaks found, up to the listing limit; `breakCount` counts them all. */
  breaks: ChainBreak[];
  breakCount: number;
}

export interface VerifyChainsOptions {
  pageSize?: number;
  /** Breaks listed per store; a store rewritten wholesale would otherwise list every event. */
  maxBreaksListed?: number;
  /** Worker threads hashing in parallel; 0 hashes on the calling thread. Defaults to the CPU count, up to 4. */
  workers?: number;
}

const DEFAULT_PAGE_SIZE = 20_000;
const DEFAULT_MAX_BREAKS_LISTED = 1000;
const MAX_WORKERS = 4;
/** Compiled next to this file; absent when running from TypeScript sources (tests), which then hash in-thread. */
const WORKER_FILE = new URL('./chain-worker.js', import.meta.url);

/**
 * Verifies the hash chains of every stream in every store. Hashing is most of the cost, so each store is
 * split into partitions by stream id (a stream's chain stays in one partition) and the partitions are
 * spread over worker threads, each reading its own rows from PostgreSQL.
 */
export async function verifyChains(
  stores: readonly ServiceStore[],
  options: VerifyChainsOptions = {},
  onProgress?: ProgressListener,
): Promise<StoreChainReport[]> {
  const workers = workerCount(options.workers);
  const partitions = Math.min(MAX_PARTITIONS, Math.max(1, workers));
  const maxBreaksListed = options.maxBreaksListed ?? DEFAULT_MAX_BREAKS_LISTED;
  const sizes = await Promise.all(stores.map((store) => countEvents(store.databaseUrl)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let done = 0;
  const progress = (events: number) => {
    done += events;
    onProgress?.({ phase: 'verify hash chains', done, total, unit: 'events' });
  };
  progress(0);
  // Largest stores first, so the last partitions to finish are small ones.
  const tasks: ChainPartitionTask[] = stores
    .map((store, index) => ({ store, size: sizes[index] }))
    .sort((a, b) => b.size - a.size)
    .flatMap(({ store }) =>
      Array.from({ length: partitions }, (_, partition) => ({
        service: store.service,
        databaseUrl: store.databaseUrl,
        partition,
        partitions,
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        maxBreaksListed,
      })),
    );
  const results =
    workers === 0
      ? await runInThread(tasks, progress)
      : await runInWorkers(tasks, workers, progress);
  return stores.map((store) => {
    const parts = results
      .filter((result) => result.task.service === store.service)
      .map((result) => result.report);
    const breaks = parts
      .flatMap((part) => part.breaks)
      .sort((a, b) =>
        a.streamId < b.streamId
          ? -1
          : a.streamId > b.streamId
            ? 1
            : a.streamVersion - b.streamVersion,
      )
      .slice(0, maxBreaksListed);
    return {
      service: store.service,
      streams: sum(parts, (part) => part.streams),
      events: sum(parts, (part) => part.events),
      breaks,
      breakCount: sum(parts, (part) => part.breakCount),
    };
  });
}

interface TaskResult {
  task: ChainPartitionTask;
  report: ChainPartitionReport;
}

function workerCount(requested: number | undefined): number {
  if (!compiledWorker(WORKER_FILE)) return 0;
  return Math.max(0, Math.min(MAX_WORKERS, requested ?? availableParallelism()));
}

async function runInThread(
  tasks: ChainPartitionTask[],
  progress: (events: number) => void,
): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for (const task of tasks)
    results.push({ task, report: await verifyChainPartition(task, progress) });
  return results;
}

/** Up to `workers` partitions at a time, each on a fresh worker thread. */
async function runInWorkers(
  tasks: ChainPartitionTask[],
  workers: number,
  progress: (events: number) => void,
): Promise<TaskResult[]> {
  const queue = [...tasks];
  const results: TaskResult[] = [];
  const lane = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      results.push({
        task,
        report: await runWorkerTask<ChainPartitionTask, number, ChainPartitionReport>(
          WORKER_FILE,
          task,
          progress,
        ),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, tasks.length) }, lane));
  return results;
}

async function countEvents(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
