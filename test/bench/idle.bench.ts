/**
 * npm run bench:idle: starts the whole suite as real processes (what `npm start` runs), waits until every
 * service is ready and SETTLE_S more seconds, then measures for DURATION_S seconds the CPU each service
 * process and the suite's PostgreSQL backends spend doing nothing useful. Prints JSON lines in % of one core.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { testDatabaseUrl } from '@koperasi/testing';
import { ALL_SERVICES, SuiteHarness } from '../support/suite-harness.js';
import { BENCH_SUITE_OPTIONS, useLocalInfrastructureByDefault } from './bench-environment.js';
import { report } from './percentile.js';

const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  const suite = new SuiteHarness(BENCH_SUITE_OPTIONS);
  try {
    await suite.startAll();
    await run(suite);
  } finally {
    await suite.stopAll();
  }
}

async function run(suite: SuiteHarness): Promise<void> {
  report({
    bench: 'idle',
    services: ALL_SERVICES,
    settleS: SETTLE_S,
    durationS: DURATION_S,
    loadAverage: loadAverage(),
  });
  await sleep(SETTLE_S * 1000);
  const servicePids = new Map(ALL_SERVICES.map((service) => [service, suite.pid(service)]));
  for (const [service, pid] of servicePids)
    if (pid === undefined) throw new Error(`${service} is not running`);
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    const backendsBefore = await backendTicks(admin, suite.databaseNames);
    const servicesBefore = new Map(
      [...servicePids].map(([service, pid]) => [service, cpuTicks(pid!) ?? 0]),
    );
    const startedMs = performance.now();
    await sleep(DURATION_S * 1000);
    const seconds = (performance.now() - startedMs) / 1000;
    const servicesAfter = new Map(
      [...servicePids].map(([service, pid]) => [service, cpuTicks(pid!) ?? 0]),
    );
    const backendsAfter = await backendTicks(admin, suite.databaseNames);

    const percentOfCore = (ticks: number) =>
      Math.round((ticks / CLOCK_TICKS_PER_S / seconds) * 10_000) / 100;
    let servicesTicks = 0;
    for (const service of ALL_SERVICES) {
      const ticks = servicesAfter.get(service)! - servicesBefore.get(service)!;
      servicesTicks += ticks;
      report({ metric: 'idle_cpu', process: service, percentOfOneCore: percentOfCore(ticks) });
    }
    // A backend that opened during the window counts from zero; one that closed during it is not seen again.
    let backendTicksSpent = 0;
    for (const [pid, ticks] of backendsAfter)
      backendTicksSpent += ticks - (backendsBefore.get(pid) ?? 0);
    report({
      metric: 'idle_cpu',
      process: 'postgres backends',
      backends: backendsAfter.size,
      percentOfOneCore: percentOfCore(backendTicksSpent),
    });
    report({
      metric: 'idle_cpu_total',
      seconds: Math.round(seconds * 10) / 10,
      servicesPercentOfOneCore: percentOfCore(servicesTicks),
      withBackendsPercentOfOneCore: percentOfCore(servicesTicks + backendTicksSpent),
      loadAverage: loadAverage(),
    });
  } finally {
    await admin.end();
  }
}

/** utime + stime of a process in clock ticks, or undefined once it is gone. */
function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; fields are counted after it (utime is field 14).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

async function backendTicks(admin: pg.Client, databases: string[]): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)',
    [databases],
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const spent = cpuTicks(pid);
    if (spent !== undefined) ticks.set(pid, spent);
  }
  return ticks;
}

function loadAverage(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
