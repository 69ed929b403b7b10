import { parentPort } from 'node:worker_threads';
import { verifyChainPartition, type ChainPartitionTask } from './chain-partition.js';

/** Messages a chain worker sends back: progress while it reads, then its partition's report or failure. */
export type ChainWorkerMessage =
  | { kind: 'progress'; events: number }
  | { kind: 'done'; report: Awaited<ReturnType<typeof verifyChainPartition>> }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('chain-worker runs only as a worker thread');

port.on('message', (task: ChainPartitionTask) => {
  const send = (message: ChainWorkerMessage) => port.postMessage(message);
  verifyChainPartition(task, (events) => send({ kind: 'progress', events })).then(
    (report) => send({ kind: 'done', report }),
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
