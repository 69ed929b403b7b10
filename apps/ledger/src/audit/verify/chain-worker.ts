import { parentPort } from 'node:worker_threads';
import {
  verifyChainPartition,
  type ChainPartitionReport,
  type ChainPartitionTask,
} from './chain-partition.js';

/** Messages a chain worker sends back: events checked so far, then its partition's report or failure. */
export type ChainWorkerMessage =
  | { kind: 'progress'; progress: number }
  | { kind: 'done'; outcome: ChainPartitionReport }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('chain-worker runs only as a worker thread');

port.on('message', (task: ChainPartitionTask) => {
  const send = (message: ChainWorkerMessage) => port.postMessage(message);
  verifyChainPartition(task, (events) => send({ kind: 'progress', progress: events })).then(
    (outcome) => send({ kind: 'done', outcome }),
    (error: unknown) =>
      send({
        kind: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
