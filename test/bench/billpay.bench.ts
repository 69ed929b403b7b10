/**
 * npm run bench:billpay: COUNTERS concurrent counters pay PLN and telco prepaid products through the gateway
 * for DURATION_S seconds against partner-sim (20 ms latency, 5% pending resolved by callback after 1 s), with
 * every service a real process on this machine. The counters are spread over BENCH_KOPERASI koperasi (a
 * KKMP has a few counters, not fifty). Prints JSON lines: payments/s answered, HTTP p50/p99, time to resolve
 * the pending ones p50/p99, and ledger lag (event written to entry posted) p50/p99.
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { BENCH_SUITE_OPTIONS, useLocalInfrastructureByDefault } from './bench-environment.js';
import { percentile, report } from './percentile.js';

const COUNTERS = Number(process.env.BENCH_COUNTERS ?? 50);
const KOPERASI = Number(process.env.BENCH_KOPERASI ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const LATENCY_MS = Number(process.env.BENCH_AGGREGATOR_LATENCY_MS ?? 20);
const PENDING_SHARE = Number(process.env.BENCH_PENDING_SHARE ?? 0.05);
const DEPOSIT_RP = 1_000_000_000_000;
const PRODUCTS = [
  { code: 'PLN20', customerNo: () => `14${String(randomInt(1_000_000_000)).padStart(9, '0')}` },
  { code: 'TSEL10', customerNo: () => `0812${String(randomInt(100_000_000)).padStart(8, '0')}` },
];

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  // The pending share resolves by callback; the status poll is the fallback, not the race.
  process.env.BILLPAY_STATUS_POLL_BASE_MS ??= '5000';
  const suite = new SuiteHarness(BENCH_SUITE_OPTIONS);
  try {
    // Inside the try: a service that fails to start must not leave the others running, consuming shared topics.
    await suite.startAll(['partner-sim', 'members', 'billpay', 'ledger', 'gateway']);
    await run(suite);
  } finally {
    await suite.stopAll();
  }
}

async function sim(
  suite: SuiteHarness,
  method: string,
  path: string,
  body: unknown,
): Promise<void> {
  const response = await fetch(`${suite.partnerSimUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`partner-sim ${path}: ${response.status} ${await response.text()}`);
}

/** One teller per koperasi, its deposit topped up far beyond what the run can spend. */
async function setUpKoperasi(suite: SuiteHarness): Promise<ApiClient[]> {
  const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
  const tellers: ApiClient[] = [];
  // Command topics are shared between runs: a code of this run only, so a stale command of an earlier run cannot take it.
  const run = randomInt(0x10000).toString(16).padStart(4, '0').toUpperCase();
  for (let index = 0; index < KOPERASI; index++) {
    const koperasi = await admin.post('/koperasi', {
      code: `BNC${run}-${index}`,
      name: `KKMP Bench ${index}`,
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    if (koperasi.status !== 201)
      throw new Error(`koperasi: ${koperasi.status} ${JSON.stringify(koperasi.body)}`);
    for (const role of ['teller', 'supervisor']) {
      const user = await admin.post('/users', {
        username: `${role}.bench${index}`,
        fullName: `Petugas Bench ${role}`,
        password: DEMO_PASSWORD,
        role,
        koperasiId: koperasi.body.id,
      });
      if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    }
    const supervisor = await new ApiClient(suite.gatewayUrl).login(
      `supervisor.bench${index}`,
      DEMO_PASSWORD,
    );
    const topUp = await supervisor.post('/billpay/deposit/topups', {
      amount: DEPOSIT_RP,
      bankTransferRef: `BRI-BENCH-${index}`,
    });
    if (topUp.status !== 201)
      throw new Error(`top-up: ${topUp.status} ${JSON.stringify(topUp.body)}`);
    tellers.push(
      await new ApiClient(suite.gatewayUrl).login(`teller.bench${index}`, DEMO_PASSWORD),
    );
  }
  return tellers;
}

async function run(suite: SuiteHarness): Promise<void> {
  await sim(suite, 'PUT', '/admin/aggregator/faults', {
    latencyMs: LATENCY_MS,
    pendingShare: PENDING_SHARE,
    callbackDelayMs: 1_000,
    cutOffWib: null,
  });
  await sim(suite, 'PUT', '/admin/aggregator/deposit', { balanceRp: DEPOSIT_RP * KOPERASI });
  const tellers = await setUpKoperasi(suite);
  report({
    bench: 'billpay',
    counters: COUNTERS,
    koperasi: KOPERASI,
    durationS: DURATION_S,
    aggregatorLatencyMs: LATENCY_MS,
    pendingShare: PENDING_SHARE,
  });

  const cpuBefore = await cpuSeconds(suite);
  const latenciesMs: number[] = [];
  const answered: Record<string, number> = {};
  let failures = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const startedMs = performance.now();
  await Promise.all(
    Array.from({ length: COUNTERS }, async (_unused, counter) => {
      const teller = tellers[counter % tellers.length];
      for (let sequence = 0; performance.now() < deadline; sequence++) {
        const product = PRODUCTS[(counter + sequence) % PRODUCTS.length];
        const sentMs = performance.now();
        const response = await teller.post('/billpay/payments', {
          productCode: product.code,
          customerNo: product.customerNo(),
        });
        latenciesMs.push(performance.now() - sentMs);
        if (response.status >= 300) failures += 1;
        else answered[response.body.status] = (answered[response.body.status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - startedMs) / 1000;
  const completed = latenciesMs.length - failures;
  report({
    metric: 'payments',
    completed,
    failures,
    answered,
    seconds: Math.round(seconds * 100) / 100,
    paymentsPerSecond: Math.round(completed / seconds),
    httpP50Ms: Math.round(percentile(latenciesMs, 0.5)),
    httpP99Ms: Math.round(percentile(latenciesMs, 0.99)),
  });
  const cpuAfter = await cpuSeconds(suite);
  // CPU milliseconds each process spent per payment answered: where the machine's two cores go.
  report({
    metric: 'cpu_ms_per_payment',
    ...Object.fromEntries(
      Object.entries(cpuAfter).map(([service, seconds]) => [
        service,
        Math.round(((seconds - cpuBefore[service]) * 1000 * 10) / completed) / 10,
      ]),
    ),
  });
  await reportPendingResolution(suite);
  await reportLedgerLag(suite);
}

/** The services' own process CPU counters; the harness gives each service the gateway's port plus a fixed offset. */
async function cpuSeconds(suite: SuiteHarness): Promise<Record<string, number>> {
  const gatewayPort = Number(new URL(suite.gatewayUrl).port);
  const offsets = { gateway: 0, members: 1, billpay: 2, ledger: 4, 'partner-sim': 5 };
  const entries = await Promise.all(
    Object.entries(offsets).map(async ([service, offset]) => {
      const text = await (await fetch(`http://127.0.0.1:${gatewayPort + offset}/metrics`)).text();
      const line = text
        .split('\n')
        .find((candidate) => candidate.startsWith('process_cpu_seconds_total '));
      return [service, Number(line?.split(' ')[1] ?? Number.NaN)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function reportPendingResolution(suite: SuiteHarness): Promise<void> {
  const billpay = new pg.Pool({ connectionString: suite.databaseUrl('billpay'), max: 1 });
  try {
    await waitFor(
      'every pending payment to be resolved',
      async () =>
        (
          await billpay.query(
            `SELECT count(*)::int AS n FROM payments WHERE status IN ('PROCESSING', 'PENDING')`,
          )
        ).rows[0].n === 0,
      120_000,
    );
    const { rows } = await billpay.query<{ ms: number; resolved_by: string }>(
      `SELECT extract(epoch FROM p.resolved_at - p.created_at) * 1000 AS ms, p.resolved_by
       FROM payments p
       WHERE EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'payment-' || p.id AND e.type = 'BillPaymentPending')`,
    );
    const resolvedBy: Record<string, number> = {};
    for (const row of rows) resolvedBy[row.resolved_by] = (resolvedBy[row.resolved_by] ?? 0) + 1;
    const ms = rows.map((row) => Number(row.ms));
    report({
      metric: 'pending_resolution',
      pending: rows.length,
      resolvedBy,
      p50Ms: Math.round(percentile(ms, 0.5)),
      p99Ms: Math.round(percentile(ms, 0.99)),
    });
  } finally {
    await billpay.end();
  }
}

async function reportLedgerLag(suite: SuiteHarness): Promise<void> {
  const billpay = new pg.Pool({ connectionString: suite.databaseUrl('billpay'), max: 1 });
  const ledger = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 1 });
  try {
    const { rows: expected } = await billpay.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type <> 'BillPaymentPending'`,
    );
    await waitFor(
      'the ledger to post every billpay event',
      async () =>
        (await ledger.query(`SELECT count(*)::int AS n FROM journal_entries`)).rows[0].n >=
        expected[0].n,
      300_000,
    );
    const { rows } = await ledger.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
       FROM (SELECT extract(epoch FROM posted_at - occurred_at) * 1000 AS lag_ms FROM journal_entries) lags`,
    );
    report({
      metric: 'ledger_lag',
      entries: expected[0].n,
      p50Ms: Math.round(rows[0].p50),
      p99Ms: Math.round(rows[0].p99),
      maxMs: Math.round(rows[0].max),
    });
  } finally {
    await billpay.end();
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
