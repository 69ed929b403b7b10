import { parentPort } from 'node:worker_threads';
import {
  replayStore,
  type StoreReplayOutcome,
  type StoreReplayProgress,
  type StoreReplayTask,
} from './store-replay-task.js';

/** Messages a replay worker sends back: progress while it projects, then its store's outcome or failure. */
export type ReplayWorkerMessage =
  | { kind: 'progress'; progress: StoreReplayProgress }
  | { kind: 'done'; outcome: StoreReplayOutcome }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('replay-worker runs only as a worker thread');

port.on('message', (task: StoreReplayTask) => {
  const send = (message: ReplayWorkerMessage) => port.postMessage(message);
  replayStore(task, (progress) => send({ kind: 'progress', progress })).then(
    (outcome) => send({ kind: 'done', outcome }),
    (error: unknown) =>
      send({
        kind: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
