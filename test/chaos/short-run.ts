import type { ChaosOptions } from './run-chaos.js';

/**
 * The short run in npm test: 60 s, one fault of each kind, the broker and PostgreSQL restarts included on a
 * broker and a cluster of the run's own; a rate the shared CI machine keeps up with.
 */
export const SHORT_RUN: Omit<ChaosOptions, 'seed' | 'log'> = {
  rate: 15,
  durationS: 60,
  oneOfEachKind: true,
  brokerKill: true,
  pgRestart: true,
  koperasi: 2,
  membersPerKoperasi: 10,
  outDir: '.run/chaos',
};
