/**
 * npm run bench:loans: COUNTERS concurrent counters collect loan installments through the gateway for
 * DURATION_S seconds, against the suite running as real processes on this machine with partner-sim as the
 * bank over HTTP; then the supervisor remits the whole day. Prints JSON lines: collections/s completed, HTTP
 * latency p50/p99, ledger lag (event stored to posted in the books) p50/p99, how long the bank notices took
 * to drain, and the remittance batch time for the whole day's collections.
 */
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { BENCH_SUITE_OPTIONS, useLocalInfrastructureByDefault } from './bench-environment.js';
import { percentile, report } from './percentile.js';
import { cpuByComponent, reportCpu } from './suite-cpu.js';

const COUNTERS = Number(process.env.BENCH_COUNTERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
/** Batches the supervisor closes at most; a day far beyond the benchmark's still fits. */
const MAX_REMITTANCE_BATCHES = 100;
const IDLE_SAMPLE_MS = 10_000;

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  const suite = new SuiteHarness(BENCH_SUITE_OPTIONS);
  await suite.startAll(['partner-sim', 'members', 'loans', 'ledger', 'gateway']);
  try {
    await run(suite);
  } finally {
    await suite.stopAll();
  }
}

async function run(suite: SuiteHarness): Promise<void> {
  await fetch(`${suite.partnerSimUrl}/admin/reset`, { method: 'POST' });
  const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
  const koperasi = await admin.post('/koperasi', {
    code: 'BNL',
    name: 'KKMP Bench Pinjaman',
    kelurahan: 'Gedawang',
    kecamatan: 'Banyumanik',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
  });
  if (koperasi.status !== 201)
    throw new Error(`koperasi: ${koperasi.status} ${JSON.stringify(koperasi.body)}`);
  const staff: ApiClient[] = [];
  for (const role of ['teller', 'supervisor']) {
    const user = {
      username: `${role}.bench-loans`,
      fullName: `Petugas Bench ${role}`,
      password: DEMO_PASSWORD,
      role,
      koperasiId: koperasi.body.id,
    };
    const created = await admin.post('/users', user);
    if (created.status !== 201)
      throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
    staff.push(await new ApiClient(suite.gatewayUrl).login(user.username, user.password));
  }
  const [teller, supervisor] = staff;
  // The ledger's consumer groups and topics are shared with every other run: count only this koperasi's books.
  const koperasiId: string = koperasi.body.id;

  // One generated loan per counter (partner-sim: a current loan with a very large outstanding balance).
  const loans: { loanNo: string; amount: number }[] = [];
  for (let counter = 0; counter < COUNTERS; counter++) {
    const loanNo = `${TEST_LOANS.generatedPrefix}${String(counter + 1).padStart(11, '0')}`;
    const account = await teller.get(`/loans/accounts/${loanNo}`);
    if (account.status !== 200)
      throw new Error(`lookup ${loanNo}: ${account.status} ${JSON.stringify(account.body)}`);
    loans.push({ loanNo, amount: account.body.installmentDue });
  }
  report({ bench: 'loans', counters: COUNTERS, durationS: DURATION_S });

  // The suite's CPU at rest (pollers, heartbeats), so the cost of a collection can be told from it.
  const idleStart = cpuByComponent(suite);
  const idleStartedMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const cpuBefore = cpuByComponent(suite);
  const idleSeconds = (performance.now() - idleStartedMs) / 1000;
  const latenciesMs: number[] = [];
  const failuresByStatus: Record<number, number> = {};
  let collectedRp = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const startedMs = performance.now();
  await Promise.all(
    loans.map(async ({ loanNo, amount }) => {
      while (performance.now() < deadline) {
        const sentMs = performance.now();
        const response = await teller.post('/loans/installments', { loanNo, amount });
        latenciesMs.push(performance.now() - sentMs);
        if (response.status === 201) collectedRp += amount;
        else failuresByStatus[response.status] = (failuresByStatus[response.status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - startedMs) / 1000;
  const cpuAfter = cpuByComponent(suite);
  const failures = Object.values(failuresByStatus).reduce((sum, count) => sum + count, 0);
  const completed = latenciesMs.length - failures;
  report({
    metric: 'collections',
    completed,
    failures,
    failuresByStatus,
    seconds: Math.round(seconds * 100) / 100,
    collectionsPerSecond: Math.round(completed / seconds),
    httpP50Ms: Math.round(percentile(latenciesMs, 0.5)),
    httpP99Ms: Math.round(percentile(latenciesMs, 0.99)),
  });
  reportCpu(
    'collection',
    { idleStart, idleSeconds, before: cpuBefore, after: cpuAfter },
    completed,
    seconds,
  );

  const loansDb = new pg.Pool({ connectionString: suite.databaseUrl('loans'), max: 1 });
  const ledger = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 1 });
  try {
    const drainStartedMs = performance.now();
    await waitFor(
      'the bank to acknowledge every collection notice',
      async () =>
        (
          await loansDb.query(
            `SELECT count(*)::int AS n FROM collections WHERE notice_status = 'PENDING'`,
          )
        ).rows[0].n === 0,
      600_000,
    );
    report({
      metric: 'bank_notices',
      acknowledged: completed,
      drainAfterLoadS: Math.round((performance.now() - drainStartedMs) / 100) / 10,
    });

    await waitFor(
      'the ledger to post every collection',
      async () =>
        (
          await ledger.query(
            'SELECT count(*)::int AS n FROM journal_entries WHERE koperasi_id = $1',
            [koperasiId],
          )
        ).rows[0].n >= completed,
      600_000,
    );
    const { rows } = await ledger.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
       FROM (SELECT extract(epoch FROM posted_at - occurred_at) * 1000 AS lag_ms FROM journal_entries WHERE koperasi_id = $1) lags`,
      [koperasiId],
    );
    report({
      metric: 'ledger_lag',
      entries: completed,
      p50Ms: Math.round(rows[0].p50),
      p99Ms: Math.round(rows[0].p99),
      maxMs: Math.round(rows[0].max),
    });

    // The whole day to the bank: batches are closed until the pool is empty, each followed to CONFIRMED.
    const remitStartedMs = performance.now();
    const batches: { remittanceId: string; collectionCount: number; remit: number }[] = [];
    for (let batch = 0; batch < MAX_REMITTANCE_BATCHES; batch++) {
      const closed = await supervisor.post('/loans/remittances', {});
      if (closed.status === 422 && closed.body.error === 'NOTHING_TO_REMIT') break;
      if (closed.status !== 201)
        throw new Error(`remittance: ${closed.status} ${JSON.stringify(closed.body)}`);
      batches.push(closed.body);
    }
    const closedS = (performance.now() - remitStartedMs) / 1000;
    for (const batch of batches) {
      await waitFor(
        `remittance ${batch.remittanceId} confirmed`,
        async () =>
          (await supervisor.get(`/loans/remittances/${batch.remittanceId}`)).body.status ===
          'CONFIRMED',
        600_000,
      );
    }
    const confirmedS = (performance.now() - remitStartedMs) / 1000;
    const remittedRp = batches.reduce((sum, batch) => sum + batch.remit, 0);
    await waitFor(
      'the ledger to post the remittances',
      async () =>
        (
          await ledger.query(
            'SELECT count(*)::int AS n FROM journal_entries WHERE koperasi_id = $1',
            [koperasiId],
          )
        ).rows[0].n >=
        completed + batches.length,
      600_000,
    );
    const postedS = (performance.now() - remitStartedMs) / 1000;
    const liability = await ledger.query<{ balance: string }>(
      `SELECT COALESCE(sum(credit_rp - debit_rp), 0) AS balance FROM journal_lines WHERE account_code = '212000' AND koperasi_id = $1`,
      [koperasiId],
    );
    report({
      metric: 'remittance',
      batches: batches.length,
      collections: batches.reduce((sum, batch) => sum + batch.collectionCount, 0),
      collectedRp,
      remittedRp,
      closedS: Math.round(closedS * 100) / 100,
      confirmedS: Math.round(confirmedS * 100) / 100,
      postedInBooksS: Math.round(postedS * 100) / 100,
      liabilityToBankAfterRp: Number(liability.rows[0].balance),
    });
  } finally {
    await loansDb.end();
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
