import type { ChaosOptions } from './run-chaos.js';

/**
 * The short run in npm test: 60 s, one fault of each kind, the broker one included on a broker of the run's own;
 * a rate the shared CI machine keeps up with. PostgreSQL is never restarted here.
 */
export const SHORT_RUN: Omit<ChaosOptions, 'seed' | 'log'> = {
  rate: 15,
  durationS: 60,
  oneOfEachKind: true,
  brokerKill: true,
  pgRestart: false,
  koperasi: 2,
  membersPerKoperasi: 10,
  outDir: '.run/chaos',
};
