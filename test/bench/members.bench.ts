/**
 * npm run bench:members: COUNTERS concurrent counters make sukarela deposits through the gateway for
 * DURATION_S seconds against the whole suite running as real processes on this machine. Prints JSON lines:
 * deposits/s completed, HTTP latency p50/p99, and ledger lag (event accepted to posted in the books) p50/p99.
 */
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { BENCH_SUITE_OPTIONS, useLocalInfrastructureByDefault } from './bench-environment.js';
import { percentile, report } from './percentile.js';
import { databaseTransactions } from './database-transactions.js';
import { cpuByComponent, reportCpu } from './suite-cpu.js';

const COUNTERS = Number(process.env.BENCH_COUNTERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const DEPOSIT_RP = 10_000;
const IDLE_SAMPLE_MS = 10_000;

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  const suite = new SuiteHarness(BENCH_SUITE_OPTIONS);
  await suite.startAll();
  try {
    await run(suite);
  } finally {
    await suite.stopAll();
  }
}

async function run(suite: SuiteHarness): Promise<void> {
  const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
  const koperasi = await admin.post('/koperasi', {
    code: 'BNC',
    name: 'KKMP Bench',
    kelurahan: 'Gedawang',
    kecamatan: 'Banyumanik',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
  });
  if (koperasi.status !== 201)
    throw new Error(`koperasi: ${koperasi.status} ${JSON.stringify(koperasi.body)}`);
  const user = {
    username: 'teller.bench',
    fullName: 'Petugas Bench',
    password: DEMO_PASSWORD,
    role: 'teller',
    koperasiId: koperasi.body.id,
  };
  await admin.post('/users', user);
  const teller = await new ApiClient(suite.gatewayUrl).login(user.username, user.password);

  const members: string[] = [];
  for (let counter = 0; counter < COUNTERS; counter++) {
    const nik = `337401150890${String(counter + 1).padStart(4, '0')}`;
    const registered = await teller.post('/members', {
      nik,
      fullName: `Anggota Loket ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[counter % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(counter / 26) % 26]}`,
      address: 'Jl. Bench',
      kelurahan: 'Gedawang',
    });
    if (registered.status !== 201)
      throw new Error(`member: ${registered.status} ${JSON.stringify(registered.body)}`);
    await teller.post(`/members/${registered.body.id}/simpanan-pokok`, { amount: 25_000 });
    members.push(registered.body.id);
  }
  report({ bench: 'members', counters: COUNTERS, durationS: DURATION_S });

  // The suite's CPU at rest (pollers, heartbeats), so the cost of a deposit can be told from it.
  const idleStart = cpuByComponent(suite);
  const idleStartedMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const cpuBefore = cpuByComponent(suite);
  const transactionsBefore = await databaseTransactions(suite);
  const idleSeconds = (performance.now() - idleStartedMs) / 1000;

  const latenciesMs: number[] = [];
  let failures = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const startedMs = performance.now();
  await Promise.all(
    members.map(async (memberId) => {
      while (performance.now() < deadline) {
        const sentMs = performance.now();
        const response = await teller.post(`/members/${memberId}/simpanan-sukarela/deposits`, {
          amount: DEPOSIT_RP,
        });
        latenciesMs.push(performance.now() - sentMs);
        if (response.status >= 300) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - startedMs) / 1000;
  const cpuAfter = cpuByComponent(suite);
  const completed = latenciesMs.length - failures;
  report({
    metric: 'deposits',
    completed,
    failures,
    seconds: Math.round(seconds * 100) / 100,
    depositsPerSecond: Math.round(completed / seconds),
    httpP50Ms: Math.round(percentile(latenciesMs, 0.5)),
    httpP99Ms: Math.round(percentile(latenciesMs, 0.99)),
  });
  reportCpu(
    'deposit',
    { idleStart, idleSeconds, before: cpuBefore, after: cpuAfter },
    completed,
    seconds,
  );

  const ledger = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 1 });
  try {
    const expectedEntries = completed + COUNTERS;
    await waitFor(
      'the ledger to post every deposit',
      async () => {
        const { rows } = await ledger.query('SELECT count(*)::int AS n FROM journal_entries');
        return rows[0].n >= expectedEntries;
      },
      300_000,
    );
    const { rows } = await ledger.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
       FROM (SELECT extract(epoch FROM posted_at - occurred_at) * 1000 AS lag_ms FROM journal_entries) lags`,
    );
    report({
      metric: 'ledger_lag',
      entries: expectedEntries,
      p50Ms: Math.round(rows[0].p50),
      p99Ms: Math.round(rows[0].p99),
      maxMs: Math.round(rows[0].max),
    });
    // After the books caught up and a quiet second, so every backend published its counts.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const transactionsAfter = await databaseTransactions(suite);
    report({
      metric: 'database_transactions_per_deposit',
      ...Object.fromEntries(
        [...transactionsAfter].map(([service, count]) => [
          service,
          Math.round(((count - (transactionsBefore.get(service) ?? 0)) * 100) / completed) / 100,
        ]),
      ),
    });
  } finally {
    await ledger.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
