/**
 * npm run chaos: the suite as processes under a counter day at --rate requests/s for --duration-s seconds while
 * faults from --seed's schedule hit it; exits 1 when an invariant fails. Options: --rate=100 --duration-s=300
 * --seed=N --short (one fault of each kind, 60 s) --no-broker-kill (stay on the shared broker) --no-pg-restart.
 * The run's databases are on a PostgreSQL cluster of its own, which the restart fault restarts.
 */
import { parseArgs } from 'node:util';
import { useLocalInfrastructureByDefault } from '../bench/bench-environment.js';
import { LONG_RUN, runChaos } from './run-chaos.js';
import { SHORT_RUN } from './short-run.js';
import { positiveFlag } from '../bench/positive-flag.js';

async function main(): Promise<number> {
  useLocalInfrastructureByDefault();
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      'duration-s': { type: 'string' },
      seed: { type: 'string' },
      short: { type: 'boolean' },
      'no-broker-kill': { type: 'boolean' },
      'no-pg-restart': { type: 'boolean' },
    },
    strict: true,
  });
  const base = values.short ? SHORT_RUN : LONG_RUN;
  const summary = await runChaos({
    ...base,
    rate: positiveFlag(values.rate, base.rate, 'rate'),
    durationS: positiveFlag(values['duration-s'], base.durationS, 'duration-s'),
    seed: positiveFlag(values.seed, Math.floor(Math.random() * 2 ** 31) + 1, 'seed'),
    brokerKill: base.brokerKill && !values['no-broker-kill'],
    pgRestart: base.pgRestart && !values['no-pg-restart'],
    log: (line) => process.stdout.write(`${line}\n`),
  });
  return summary.ok ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
