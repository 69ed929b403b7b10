import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Room for the young generation: a worker holds pages of thousands of parsed events at a time, and with
 * V8's default 16 MB semi-spaces each scavenge copies them again (measured: scavenging took most of the time).
 */
const YOUNG_GENERATION_MB = 128;

/** A worker script compiled next to its caller; absent when running from TypeScript sources (tests). */
export function compiledWorker(url: URL): boolean {
  return existsSync(fileURLToPath(url));
}

/** Starts a worker, sends it one task, relays its progress, and settles with its answer. */
export function runWorkerTask<Task, Progress, Result>(
  url: URL,
  task: Task,
  onProgress: (progress: Progress) => void,
): Promise<Result> {
  const worker = new Worker(url, {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<Result>((resolve, reject) => {
    worker.on(
      'message',
      (
        message:
          | { kind: 'progress'; progress: Progress }
          | { kind: 'done'; outcome: Result }
          | { kind: 'failed'; message: string },
      ) => {
        if (message.kind === 'progress') onProgress(message.progress);
        else if (message.kind === 'done') resolve(message.outcome);
        else reject(new Error(message.message));
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`worker ${fileURLToPath(url)} stopped (exit ${code}) before answering`)),
    );
    worker.postMessage(task);
  }).finally(() => void worker.terminate());
}
