import pg from 'pg';
import { createKafka } from '@koperasi/messaging';
import { testKafkaBrokers, waitFor } from '@koperasi/testing';
import type { SuiteHarness } from '../support/suite-harness.js';
import type { CounterRequestRecord } from './counter-client.js';
import type { ChaosKoperasi } from './counter-day-load.js';

export interface InvariantResult {
  name: string;
  ok: boolean;
  /** The figures behind the verdict, printed beside it. */
  figures: Record<string, unknown>;
}

type Stores = Record<'gateway' | 'members' | 'billpay' | 'loans' | 'ledger', pg.Pool>;

export function openStores(suite: SuiteHarness): Stores {
  const pool = (service: keyof Stores) =>
    new pg.Pool({ connectionString: suite.databaseUrl(service), max: 2 });
  return {
    gateway: pool('gateway'),
    members: pool('members'),
    billpay: pool('billpay'),
    loans: pool('loans'),
    ledger: pool('ledger'),
  };
}

export async function closeStores(stores: Stores): Promise<void> {
  await Promise.all(Object.values(stores).map((pool) => pool.end()));
}

async function one<T = any>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<T> {
  return (await pool.query(sql, params)).rows[0] as T;
}

async function unpublishedEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query(
    `SELECT to_regclass('relay_checkpoints') IS NOT NULL AS has_outbox`,
  );
  if (!rows[0].has_outbox) return 0;
  // Behind the slowest relay: committed events it has not published yet (commit order: transaction id, position).
  const row = await one<{ behind: number }>(
    pool,
    `SELECT count(*)::int AS behind FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM relay_checkpoints)
        OR EXISTS (SELECT 1 FROM relay_checkpoints c WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position))`,
  );
  return row.behind;
}

/**
 * Waits for the suite to finish what the load left in flight: pending payments resolved by the partner,
 * collection notices acknowledged, remittances decided, outboxes published, the ledger no longer moving.
 */
export async function drainSuite(
  stores: Stores,
  timeoutMs: number,
): Promise<Record<string, number>> {
  const startedMs = Date.now();
  const open = async () => ({
    pendingPayments: (
      await one(
        stores.billpay,
        `SELECT count(*)::int AS n FROM payments WHERE status IN ('PROCESSING', 'PENDING')`,
      )
    ).n as number,
    unacknowledgedNotices: (
      await one(
        stores.loans,
        `SELECT count(*)::int AS n FROM collections WHERE notice_status <> 'ACKNOWLEDGED'`,
      )
    ).n as number,
    undecidedRemittances: (
      await one(
        stores.loans,
        `SELECT count(*)::int AS n FROM remittances WHERE status IN ('SENT', 'UNKNOWN')`,
      )
    ).n as number,
    unpublished:
      (await unpublishedEvents(stores.members)) +
      (await unpublishedEvents(stores.billpay)) +
      (await unpublishedEvents(stores.loans)),
  });
  let last = await open();
  await waitFor(
    'the suite to drain',
    async () => Object.values((last = await open())).every((n) => n === 0),
    timeoutMs,
  ).catch(() => undefined);
  // The ledger posts after the relays publish: done when its journal stops growing.
  let entries = -1;
  await waitFor(
    'the ledger to stop moving',
    async () => {
      const now = (await one(stores.ledger, `SELECT count(*)::int AS n FROM journal_entries`))
        .n as number;
      const still = now === entries;
      entries = now;
      if (!still) await new Promise((resolve) => setTimeout(resolve, 4_000));
      return still;
    },
    Math.max(30_000, timeoutMs - (Date.now() - startedMs)),
  ).catch(() => undefined);
  return { ...last, drainMs: Date.now() - startedMs };
}

const FINAL_PAYMENT = new Set(['SUCCESS', 'FAILED']);
const succeeded = (records: CounterRequestRecord[], kind: string) =>
  records.filter((r) => r.kind === kind && r.answer === 'succeeded');
const sumOf = (records: CounterRequestRecord[]) =>
  records.reduce((sum, r) => sum + (r.body as { amount: number }).amount, 0);

export async function checkInvariants(
  suite: SuiteHarness,
  stores: Stores,
  koperasi: ChaosKoperasi[],
  records: CounterRequestRecord[],
  simDepositStartRp: number,
): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  const check = (name: string, ok: boolean, figures: Record<string, unknown>) =>
    results.push({ name, ok, figures });

  // 0. Every request got a final answer, never a 5xx.
  const gaveUp = records.filter((r) => r.answer === 'gave-up');
  check('every request finally answered (no 5xx kept)', gaveUp.length === 0, {
    requests: records.length,
    unanswered: gaveUp.length,
    examples: gaveUp.slice(0, 3).map((r) => `${r.kind} ${r.path} last ${r.status}`),
  });

  // 1. What each counter was told is what the books hold: savings per member, payments, installments, refunds.
  const memberRows = (
    await stores.members.query(
      `SELECT id::text, pokok_rp::int AS pokok, wajib_rp::int AS wajib, sukarela_rp::int AS sukarela FROM members`,
    )
  ).rows;
  const ledgerSavings = new Map(
    (
      await stores.ledger.query(
        `SELECT member_id, pokok_rp::int AS pokok, wajib_rp::int AS wajib, sukarela_rp::int AS sukarela FROM member_savings`,
      )
    ).rows.map((row) => [row.member_id, row]),
  );
  let toldMismatches = 0;
  let subLedgerMismatches = 0;
  const memberExamples: string[] = [];
  for (const row of memberRows) {
    const mine = (kind: string) =>
      succeeded(records, kind).filter((r) => r.path.startsWith(`/members/${row.id}/`));
    const told = {
      pokok: 25_000,
      wajib: sumOf(mine('wajib')),
      sukarela: sumOf(mine('sukarela-deposit')) - sumOf(mine('sukarela-withdrawal')),
    };
    const ledgerRow = ledgerSavings.get(row.id) ?? { pokok: 0, wajib: 0, sukarela: 0 };
    const held = { pokok: row.pokok, wajib: row.wajib, sukarela: row.sukarela };
    if (JSON.stringify(told) !== JSON.stringify(held)) {
      toldMismatches += 1;
      memberExamples.push(
        `${row.id}: told ${JSON.stringify(told)} read model ${JSON.stringify(held)}`,
      );
    }
    if (
      JSON.stringify(held) !==
      JSON.stringify({
        pokok: ledgerRow.pokok,
        wajib: ledgerRow.wajib,
        sukarela: ledgerRow.sukarela,
      })
    )
      subLedgerMismatches += 1;
  }
  const depositsTold =
    succeeded(records, 'sukarela-deposit').length +
    succeeded(records, 'sukarela-withdrawal').length +
    succeeded(records, 'wajib').length;
  check('savings: what counters were told = members read model', toldMismatches === 0, {
    members: memberRows.length,
    movementsTold: depositsTold,
    mismatched: toldMismatches,
    examples: memberExamples.slice(0, 3),
  });
  check('savings: members read model = ledger sub-ledger', subLedgerMismatches === 0, {
    members: memberRows.length,
    mismatched: subLedgerMismatches,
  });

  const paymentsTold = succeeded(records, 'ppob-payment');
  const told = new Map(
    paymentsTold.map((r) => [r.response.paymentId as string, r.response.status as string]),
  );
  const paymentRows = (await stores.billpay.query(`SELECT id::text, status, refund FROM payments`))
    .rows as { id: string; status: string; refund: string | null }[];
  const byId = new Map(paymentRows.map((row) => [row.id, row]));
  const contradicted = [...told].filter(
    // PENDING and PROCESSING are not outcomes yet (the partner had not answered): only SUCCESS/FAILED must hold.
    ([id, status]) =>
      !byId.has(id) || (FINAL_PAYMENT.has(status) && byId.get(id)!.status !== status),
  );
  const toldStatuses: Record<string, number> = {};
  for (const status of told.values()) toldStatuses[status] = (toldStatuses[status] ?? 0) + 1;
  const untold = paymentRows.filter((row) => !told.has(row.id));
  check(
    'PPOB: every payment told is in billpay with that outcome, none untold',
    contradicted.length === 0 && untold.length === 0,
    {
      paymentsTold: told.size,
      toldStatuses,
      inBillpay: paymentRows.length,
      success: paymentRows.filter((r) => r.status === 'SUCCESS').length,
      failed: paymentRows.filter((r) => r.status === 'FAILED').length,
      contradicted: contradicted.length,
      untold: untold.length,
    },
  );
  const refundsTold = succeeded(records, 'refund').length;
  const refundsPaid = paymentRows.filter((r) => r.refund === 'PAID').length;
  const refundsOwed = paymentRows.filter((r) => r.refund === 'OWED').length;
  check(
    'refunds: paid once each, as told, none left owed',
    refundsTold === refundsPaid && refundsOwed === 0,
    { refundsTold, refundsPaid, owed: refundsOwed },
  );

  const installmentsTold = succeeded(records, 'installment');
  const collections = await one(
    stores.loans,
    `SELECT count(*)::int AS n, coalesce(sum(amount_rp), 0)::bigint AS rp FROM collections`,
  );
  check(
    'installments: told = collections in loans',
    installmentsTold.length === collections.n && sumOf(installmentsTold) === Number(collections.rp),
    {
      told: installmentsTold.length,
      toldRp: sumOf(installmentsTold),
      collections: collections.n,
      collectionsRp: Number(collections.rp),
    },
  );

  // 2. One effect per Idempotency-Key (commandId = causationId), and partner-sim's side of the money.
  const doubled: string[] = [];
  for (const store of [stores.members, stores.billpay, stores.loans]) {
    const { rows } = await store.query(
      `SELECT metadata->>'causationId' AS command, type, count(*)::int AS n, array_agg(stream_id) AS streams
       FROM events WHERE metadata->>'causationId' IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    doubled.push(
      ...rows.map(
        (row) =>
          `${row.type} x${row.n} by ${row.command} on ${[...new Set(row.streams)].slice(0, 3).join(',')}`,
      ),
    );
  }
  const stuckKeys = (
    await one(
      stores.gateway,
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE status = 'in-progress'`,
    )
  ).n;
  check('no Idempotency-Key with more than one effect', doubled.length === 0, {
    commandsWithAnEventTwice: doubled.length,
    examples: doubled.slice(0, 5),
    keysLeftInProgress: stuckKeys,
  });

  const simDeposit = await suite.partnerSim<{ balanceRp: number }>(
    'GET',
    '/admin/aggregator/deposit',
  );
  const pricedRp = Number(
    (
      await one(
        stores.billpay,
        `SELECT coalesce(sum(price_rp), 0)::bigint AS rp FROM payments WHERE status = 'SUCCESS'`,
      )
    ).rp,
  );
  const simSpentRp = simDepositStartRp - simDeposit.balanceRp;
  check(
    'aggregator: no ref_id debited twice (its deposit spent = billpay successes)',
    simSpentRp === pricedRp,
    { aggregatorSpentRp: simSpentRp, billpaySuccessRp: pricedRp },
  );
  const bank = await suite.partnerSim<{
    total: number;
    collections: { notice: { reference: string; amount_rp: number } }[];
  }>('GET', '/admin/bank/collections');
  const bankRp = bank.collections.reduce((sum, c) => sum + c.notice.amount_rp, 0);
  const references = new Set(bank.collections.map((c) => c.notice.reference));
  check(
    'bank: no installment counted twice',
    bank.total === collections.n &&
      bankRp === Number(collections.rp) &&
      references.size === bank.total,
    {
      bankCounted: bank.total,
      bankRp,
      loansCollections: collections.n,
    },
  );

  // 3. The books: trial balance per koperasi, the deposit and the installments owed against their accounts.
  const balance = async (koperasiId: string, code: string) =>
    Number(
      (
        await one(
          stores.ledger,
          `SELECT coalesce(sum(debit_total_rp - credit_total_rp), 0)::bigint AS rp FROM account_balances WHERE koperasi_id = $1 AND account_code = $2`,
          [koperasiId, code],
        )
      ).rp,
    );
  const trial: Record<string, unknown> = {};
  let unbalanced = 0;
  for (const k of koperasi) {
    const response = await k.supervisorApi.get('/ledger/trial-balance');
    trial[`koperasi${k.index}`] = {
      debit: response.body?.totalDebit,
      credit: response.body?.totalCredit,
    };
    if (response.status !== 200 || response.body.totalDebit !== response.body.totalCredit)
      unbalanced += 1;
  }
  check('every koperasi’s trial balance balances', unbalanced === 0, trial);
  const depositFigures: Record<string, unknown> = {};
  const owedFigures: Record<string, unknown> = {};
  let depositOff = 0;
  let owedOff = 0;
  for (const k of koperasi) {
    const billpayRp = Number(
      (
        await one(
          stores.billpay,
          `SELECT coalesce(sum(balance_rp), 0)::bigint AS rp FROM deposits WHERE koperasi_id = $1`,
          [k.id],
        )
      ).rp,
    );
    const ledgerRp = await balance(k.id, '113100');
    depositFigures[`koperasi${k.index}`] = { billpay: billpayRp, account113100: ledgerRp };
    if (billpayRp !== ledgerRp) depositOff += 1;
    const owed = await one(
      stores.loans,
      `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM collections WHERE koperasi_id = $1)::bigint
            - (SELECT coalesce(sum(remit_rp), 0) FROM remittances WHERE koperasi_id = $1 AND status = 'CONFIRMED')::bigint AS rp`,
      [k.id],
    );
    const account212 = -(await balance(k.id, '212000'));
    owedFigures[`koperasi${k.index}`] = { loans: Number(owed.rp), account212000: account212 };
    if (Number(owed.rp) !== account212) owedOff += 1;
  }
  check('PPOB deposit in billpay = account 113100', depositOff === 0, depositFigures);
  check('installments owed in loans = account 212000', owedOff === 0, owedFigures);

  // 4. Published, verified, replayed.
  const unpublished = {
    members: await unpublishedEvents(stores.members),
    billpay: await unpublishedEvents(stores.billpay),
    loans: await unpublishedEvents(stores.loans),
  };
  check(
    'nothing left unpublished in the outboxes',
    Object.values(unpublished).every((n) => n === 0),
    unpublished,
  );
  const deadLetters = await deadLetterCount(suite.kafkaNamespace);
  check('nothing on the dead-letter topic', deadLetters === 0, { deadLetters });
  const verify = await suite.runAuditCli('verify', '--json');
  check('hash chains verify and Kafka holds every event (audit verify)', verify.status === 0, {
    exitStatus: verify.status,
    stderr: verify.stderr.slice(0, 300),
    summary: summaryOf(verify.stdout),
  });
  const replay = await suite.runAuditCli('replay', '--json');
  const comparison = parseJson(replay.stdout)?.comparison;
  check(
    'replay of the history = the live books',
    replay.status === 0 && comparison?.identical === true,
    {
      exitStatus: replay.status,
      identical: comparison?.identical ?? null,
      accountsDiffering: comparison?.accounts?.length ?? null,
      membersDiffering: comparison?.members?.length ?? null,
    },
  );

  // 5. Nothing left pending once the partners recovered.
  const pending = await one(
    stores.billpay,
    `SELECT count(*)::int AS n FROM payments WHERE status IN ('PROCESSING', 'PENDING')`,
  );
  const notices = await one(
    stores.loans,
    `SELECT count(*)::int AS n FROM collections WHERE notice_status <> 'ACKNOWLEDGED'`,
  );
  const remittances = await one(
    stores.loans,
    `SELECT count(*)::int AS n FROM remittances WHERE status IN ('SENT', 'UNKNOWN')`,
  );
  check(
    'pending payments, notices and remittances all final',
    pending.n + notices.n + remittances.n === 0,
    {
      pendingPayments: pending.n,
      unacknowledgedNotices: notices.n,
      undecidedRemittances: remittances.n,
    },
  );
  return results;
}

async function deadLetterCount(namespace: string): Promise<number> {
  const admin = createKafka('chaos-dead-letters', testKafkaBrokers()).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(`${namespace}.`) && topic.includes('dead-letter'),
    );
    let count = 0;
    for (const topic of topics)
      for (const partition of await admin.fetchTopicOffsets(topic))
        count += Number(partition.high) - Number(partition.low);
    return count;
  } finally {
    await admin.disconnect();
  }
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function summaryOf(stdout: string): unknown {
  const parsed = parseJson(stdout);
  if (!parsed) return stdout.slice(0, 300);
  return { ok: parsed.ok, breaks: parsed.breaks?.length ?? parsed.findings?.length ?? undefined };
}
