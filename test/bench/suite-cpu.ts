import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import type { ServiceName, SuiteHarness } from '../support/suite-harness.js';
import { report } from './percentile.js';

const MS_PER_CLOCK_TICK = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/**
 * CPU time (ms) used so far by each part of the suite under test, from /proc: the services this harness
 * started, the PostgreSQL backends serving their databases (and apart the server's WAL and checkpoint writers),
 * the Kafka broker, and this load generator. On a
 * shared machine it is the honest measure of what a request costs, whatever else runs at the same time.
 */
export function cpuByComponent(suite: SuiteHarness): Map<string, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const port = new URL(suite.gatewayUrl).port;
  const databases = suite.databaseNames;
  const usage = new Map<string, number>();
  const add = (component: string, ms: number) =>
    usage.set(component, (usage.get(component) ?? 0) + ms);
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const service = /dist\/apps\/([a-z-]+)\/src\/main\.js/.exec(command)?.[1];
      let component: string | null = null;
      if (
        service &&
        readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`GATEWAY_HTTP_PORT=${port}\0`)
      )
        component = service;
      else if (
        command.startsWith('postgres: ') &&
        databases.some((database) => command.includes(` ${database} `))
      )
        component = 'postgres';
      else if (
        command.startsWith('postgres: ') &&
        /walwriter|checkpointer|background writer/.test(command)
      )
        // Shared with every other database on the server: shown apart, not charged to the suite.
        component = 'postgres-shared';
      else if (command.includes('kafka.Kafka')) component = 'kafka';
      if (!component) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks.
      add(component, (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK);
    } catch {
      // The process ended while being read.
    }
  }
  const own = process.cpuUsage();
  add('load-generator', (own.user + own.system) / 1000);
  return usage;
}

const OUTSIDE_THE_SUITE = new Set(['load-generator', 'partner-sim', 'postgres-shared']);

export interface CpuSamples {
  idleStart: Map<string, number> | null;
  idleSeconds: number;
  before: Map<string, number> | null;
  after: Map<string, number> | null;
}

/**
 * CPU ms per unit of work (a collection, a transaction) by component, as measured under load and less what the
 * same component burns at rest (marginal), and the rate the suite could reach with every core to itself at the
 * marginal cost.
 */
export function reportCpu(
  unit: string,
  { idleStart, idleSeconds, before, after }: CpuSamples,
  completed: number,
  seconds: number,
): void {
  if (!idleStart || !before || !after || completed === 0) return;
  const measured: Record<string, number> = {};
  const marginal: Record<string, number> = {};
  const round = (ms: number) => Math.round(ms * 100) / 100;
  let totalMs = 0;
  let idleCoresBusy = 0;
  let marginalTotalMs = 0;
  for (const [component, ms] of after) {
    const used = ms - (before.get(component) ?? 0);
    const idleRateMsPerS =
      ((before.get(component) ?? 0) - (idleStart.get(component) ?? 0)) / idleSeconds;
    measured[component] = round(used / completed);
    marginal[component] = round(Math.max(0, used - idleRateMsPerS * seconds) / completed);
    // The partners (partner-sim), the counters and the server's shared writers are outside the suite.
    if (OUTSIDE_THE_SUITE.has(component)) continue;
    totalMs += used;
    idleCoresBusy += idleRateMsPerS / 1000;
    marginalTotalMs += Math.max(0, used - idleRateMsPerS * seconds);
  }
  const cores = cpus().length;
  report({
    metric: `cpu_per_${unit}_ms`,
    ...measured,
    suiteTotalMs: round(totalMs / completed),
    suiteCoresBusy: round(totalMs / 1000 / seconds),
    cores,
  });
  report({
    metric: `cpu_marginal_per_${unit}_ms`,
    ...marginal,
    suiteTotalMs: round(marginalTotalMs / completed),
    suiteIdleCoresBusy: round(idleCoresBusy),
    // What the suite could do with every core to itself, its idle burn paid first.
    ceilingPerSecond: Math.round(((cores - idleCoresBusy) * 1000 * completed) / marginalTotalMs),
  });
}

/** Resident memory now and at its peak (VmHWM) of each running service, in MB. */
export function reportRss(suite: SuiteHarness, services: readonly ServiceName[]): void {
  const rss: Record<string, { nowMb: number; peakMb: number }> = {};
  for (const service of services) {
    const pid = suite.pid(service);
    if (pid === undefined) continue;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    rss[service] = {
      nowMb: Math.round(kb('VmRSS') / 1024),
      peakMb: Math.round(kb('VmHWM') / 1024),
    };
  }
  report({ metric: 'rss', ...rss });
}
