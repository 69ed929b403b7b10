import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

// Pending payments resolve within the test's time.
process.env.BILLPAY_SCAN_INTERVAL_MS = '250';
process.env.BILLPAY_STATUS_POLL_BASE_MS = '1000';
process.env.BILLPAY_STATUS_POLL_MAX_MS = '2000';

const STORES = ['members', 'billpay', 'loans'] as const;

function nik(serial: number): string {
  return `337401150890${String(serial).padStart(4, '0')}`;
}

function monthWib(offsetMonths = 0): string {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1))
    .toISOString()
    .slice(0, 7);
}

describe('auditors end to end: a realistic day through the gateway, then replay, verify, SHU and export on the command line', () => {
  const suite = new SuiteHarness();
  let koperasiId: string;
  let teller: ApiClient;
  let supervisor: ApiClient;
  const outDir = mkdtempSync(join(tmpdir(), 'audit-e2e-'));

  const sim = <T = any>(method: string, path: string, body?: unknown) =>
    suite.partnerSim<T>(method, path, body);

  const audit = (...args: string[]) => suite.runAuditCli(...args);

  async function withDatabase<T>(
    service: 'ledger' | (typeof STORES)[number],
    work: (client: pg.Client) => Promise<T>,
  ): Promise<T> {
    const client = new pg.Client({ connectionString: suite.databaseUrl(service) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** True once the ledger has taken every event the three services stored. */
  async function ledgerHasEverything(): Promise<boolean> {
    const stored: string[] = [];
    for (const service of STORES)
      stored.push(
        ...(await withDatabase(service, async (client) =>
          (await client.query('SELECT event_id::text FROM events')).rows.map((row) => row.event_id),
        )),
      );
    const taken = await withDatabase(
      'ledger',
      async (client) =>
        (
          await client.query(
            'SELECT count(*)::int AS n FROM processed_messages WHERE event_id = ANY($1::uuid[])',
            [stored],
          )
        ).rows[0].n,
    );
    return taken === stored.length;
  }

  beforeAll(async () => {
    await suite.startAll();
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const created = await admin.post('/koperasi', {
      code: 'AUD',
      name: 'KKMP Gedawang',
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(created.status).toBe(201);
    koperasiId = created.body.id;
    for (const [username, role] of [
      ['teller.audit', 'teller'],
      ['supervisor.audit', 'supervisor'],
    ]) {
      expect(
        (
          await admin.post('/users', {
            username,
            fullName: fullNameOf(username),
            password: DEMO_PASSWORD,
            role,
            koperasiId,
          })
        ).status,
      ).toBe(201);
    }
    teller = await new ApiClient(suite.gatewayUrl).login('teller.audit', DEMO_PASSWORD);
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.audit', DEMO_PASSWORD);

    // Members and their savings.
    for (const [serial, name, sukarelaRp] of [
      [1, 'Ani Lestari', 200_000],
      [2, 'Budi Santoso', 50_000],
    ] as const) {
      const member = await teller.post('/members', {
        nik: nik(serial),
        fullName: name,
        address: 'Jl. Gedawang Raya 1',
        kelurahan: 'Gedawang',
      });
      expect(member.status).toBe(201);
      const id = member.body.id;
      expect(
        (await teller.post(`/members/${id}/simpanan-pokok`, { amount: 25_000 })).status,
      ).toBeLessThan(300);
      expect(
        (
          await teller.post(`/members/${id}/simpanan-wajib`, {
            periods: [monthWib(0), monthWib(1)],
            amount: 30_000,
          })
        ).status,
      ).toBeLessThan(300);
      expect(
        (await teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: sukarelaRp }))
          .status,
      ).toBeLessThan(300);
    }

    // PPOB: a success, a failure refunded, a pending resolved by callback, a pending that fails on polling.
    await sim('PUT', '/admin/aggregator/faults', { cutOffWib: null, callbackDelayMs: 500 });
    await sim('POST', '/admin/aggregator/deposit/topups', {
      amountRp: 5_000_000,
      ref: 'BRI-AUD-0001',
    });
    expect(
      (
        await supervisor.post('/billpay/deposit/topups', {
          amount: 5_000_000,
          bankTransferRef: 'BRI-AUD-0001',
        })
      ).status,
    ).toBe(201);
    const meters = ['14799000001', '14799000002', '14799000003'];
    await sim('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: {
        [meters[0]]: 'FAILED',
        [meters[1]]: 'PENDING_THEN_SUCCESS',
        [meters[2]]: 'PENDING_THEN_FAILED',
      },
    });
    const payments = [
      await teller.post('/billpay/payments', {
        productCode: 'PLN20',
        customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
      }),
      await teller.post('/billpay/payments', { productCode: 'PLN20', customerNo: meters[0] }),
      await teller.post('/billpay/payments', { productCode: 'PLN50', customerNo: meters[1] }),
      await teller.post('/billpay/payments', { productCode: 'PLN20', customerNo: meters[2] }),
    ];
    for (const payment of payments) expect(payment.status).toBeLessThan(300);
    const expected = ['SUCCESS', 'FAILED', 'SUCCESS', 'FAILED'];
    await waitFor(
      'every payment to reach its outcome',
      async () => {
        for (const [index, payment] of payments.entries()) {
          if (
            (await teller.get(`/billpay/payments/${payment.body.paymentId}`)).body.status !==
            expected[index]
          )
            return false;
        }
        return true;
      },
      60_000,
    );
    expect(
      (await supervisor.post(`/billpay/payments/${payments[1].body.paymentId}/refund`, {})).status,
    ).toBe(200);

    // Installments for the bank and a remittance the bank confirms.
    expect(
      (
        await supervisor.call('PUT', '/loans/agreements/KUR', {
          fee: { kind: 'FIXED', amount: 2_500 },
          partialAllowed: false,
          feeMode: 'NETTED',
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await supervisor.call('PUT', '/loans/agreements/KUPEDES', {
          fee: { kind: 'FIXED', amount: 1_500 },
          partialAllowed: true,
          feeMode: 'BANK_PAYS',
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await teller.post('/loans/installments', {
          loanNo: TEST_LOANS.current.loanNo,
          amount: TEST_LOANS.current.installmentRp,
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await teller.post('/loans/installments', {
          loanNo: TEST_LOANS.inArrears.loanNo,
          amount: 500_000,
        })
      ).status,
    ).toBeLessThan(300);
    const remittance = await supervisor.post('/loans/remittances', {});
    expect(remittance.status).toBe(201);
    await waitFor(
      'the bank to confirm the remittance',
      async () =>
        (await supervisor.get(`/loans/remittances/${remittance.body.remittanceId}`)).body.status ===
        'CONFIRMED',
      60_000,
    );

    await waitFor('the ledger to take every stored event', ledgerHasEverything, 60_000);
  }, 420_000);

  afterAll(async () => {
    await suite.stopAll();
    rmSync(outDir, { recursive: true, force: true });
  }, 60_000);

  it('given the day, when replayed from the event stores on the command line, then the rebuilt books are identical to live and it exits 0', async () => {
    const run = await audit('replay', '--json');

    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const result = JSON.parse(run.stdout);
    expect(result.comparison).toMatchObject({
      identical: true,
      accounts: [],
      members: [],
      cashByTellerDay: [],
    });
    expect(result.entries).toBeGreaterThanOrEqual(15);
    expect(result.unpostableCount).toBe(0);
    const human = await audit('replay');
    expect(human.stdout).toContain('Result: IDENTICAL');
  }, 120_000);

  it('given the day, when verified, then every chain holds; after a payment event is altered behind the triggers, verify names it and replay shows what it changed, both exiting 1', async () => {
    const intact = await audit('verify', '--no-kafka');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('Result: the history is intact.');

    const victim = await withDatabase(
      'billpay',
      async (client) =>
        (
          await client.query(
            `SELECT event_id::text, stream_id, stream_version, data FROM events WHERE type = 'BillPaymentRequested' ORDER BY global_position LIMIT 1`,
          )
        ).rows[0],
    );
    const tamper = (data: unknown) =>
      withDatabase('billpay', async (client) => {
        await client.query('BEGIN');
        await client.query('SET LOCAL session_replication_role = replica');
        await client.query('UPDATE events SET data = $2 WHERE event_id = $1', [
          victim.event_id,
          data,
        ]);
        await client.query('COMMIT');
      });
    await tamper({ ...victim.data, totalAmountRp: victim.data.totalAmountRp + 100_000 });
    try {
      const verify = await audit('verify', '--no-kafka', '--json');
      expect(verify.status).toBe(1);
      const breaks = JSON.parse(verify.stdout).chains.flatMap(
        (chain: { breaks: unknown[] }) => chain.breaks,
      );
      expect(breaks).toEqual([
        expect.objectContaining({
          service: 'billpay',
          streamId: victim.stream_id,
          streamVersion: victim.stream_version,
          eventId: victim.event_id,
        }),
      ]);

      const replay = await audit('replay', '--json');
      expect(replay.status).toBe(1);
      const comparison = JSON.parse(replay.stdout).comparison;
      expect(comparison.identical).toBe(false);
      // The cash taken and the suspense for it: Kas, the teller's drawer, and 213000.
      expect(
        comparison.accounts.map(
          (account: { accountCode: string; tellerId: string | null; eventIds: string[] }) => [
            account.accountCode,
            account.tellerId !== null,
            account.eventIds,
          ],
        ),
      ).toEqual([
        ['111000', false, [victim.event_id]],
        ['111000', true, [victim.event_id]],
        ['213000', false, [victim.event_id]],
      ]);
    } finally {
      await tamper(victim.data);
    }
  }, 180_000);

  it('given the members history, when the SHU of this year is computed on the command line, then the shares add up to exactly what is distributed', async () => {
    const year = new Date(Date.now() + 7 * 3600 * 1000).getUTCFullYear();
    const run = await audit(
      'shu',
      `--koperasi=${koperasiId}`,
      `--year=${year}`,
      '--shu=1000001',
      '--jasa-usaha=40',
      '--jasa-modal=25.5',
      '--json',
    );

    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.members).toHaveLength(2);
    expect(result.jasaUsahaPoolRp + result.jasaModalPoolRp + result.notForMembersRp).toBe(
      1_000_001,
    );
    expect(
      result.members.reduce((sum: number, member: { shareRp: number }) => sum + member.shareRp, 0),
    ).toBe(result.distributedRp);
    expect(result.distributedRp).toBe(result.jasaUsahaPoolRp + result.jasaModalPoolRp);
    // Ani paid in 255,000 and Budi 105,000; both hold 55,000 of pokok and wajib.
    expect(
      result.members.map((member: { transactionsRp: number; savingsRp: number }) => [
        member.transactionsRp,
        member.savingsRp,
      ]),
    ).toEqual([
      [255_000, 55_000],
      [105_000, 55_000],
    ]);
    const bad = await audit(
      'shu',
      `--koperasi=${koperasiId}`,
      `--year=${year}`,
      '--shu=1000',
      '--jasa-usaha=80',
      '--jasa-modal=30',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/more than 100/);
  }, 60_000);

  it('given the day, when events and entries are exported for the koperasi, then the files hold every one of them in CSV and JSON Lines', async () => {
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const eventsFile = join(outDir, 'events.jsonl');
    const entriesFile = join(outDir, 'entries.csv');
    const events = await audit(
      'export',
      `--koperasi=${koperasiId}`,
      `--from=${today}`,
      `--to=${today}`,
      '--format=jsonl',
      `--out=${eventsFile}`,
    );
    const entries = await audit(
      'export',
      `--koperasi=${koperasiId}`,
      `--from=${today}`,
      `--to=${today}`,
      '--kind=entries',
      '--format=csv',
      `--out=${entriesFile}`,
    );

    expect([events.status, entries.status]).toEqual([0, 0]);
    const storedCount = (
      await Promise.all(
        STORES.map((service) =>
          withDatabase(
            service,
            async (client) =>
              (
                await client.query(
                  `SELECT count(*)::int AS n FROM events WHERE metadata->>'koperasiId' = $1`,
                  [koperasiId],
                )
              ).rows[0].n as number,
          ),
        ),
      )
    ).reduce((sum, count) => sum + count, 0);
    const exported = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(exported).toHaveLength(storedCount);
    expect(new Set(exported.map((event: { service: string }) => event.service))).toEqual(
      new Set(STORES),
    );
    const csv = readFileSync(entriesFile, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^entry_id,source_event_id,koperasi_id,/);
    const lineCount = await withDatabase(
      'ledger',
      async (client) =>
        (
          await client.query(
            'SELECT count(*)::int AS n FROM journal_lines WHERE koperasi_id = $1',
            [koperasiId],
          )
        ).rows[0].n,
    );
    expect(csv).toHaveLength(lineCount + 1);
    const missing = await audit('export', '--from=2026-01-01', '--to=2026-01-31');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--koperasi is required');
  }, 60_000);
});
