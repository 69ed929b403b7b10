import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { nowInWib } from '@koperasi/service-kit';
import type { ApiClient } from '../support/api-client.js';
import { staffedKoperasi } from '../support/staffed-koperasi.js';
import { SuiteHarness } from '../support/suite-harness.js';

describe('a closed month end to end: tutup buku is a members event; once the current month is closed, a supervisor’s postings dated into it are refused and change nothing', () => {
  const suite = new SuiteHarness();
  let siti: ApiClient;
  let agus: ApiClient;
  let supervisor: ApiClient;
  let secondSupervisor: ApiClient;
  let agusId: string;
  let koperasiId: string;
  let membersDb: pg.Pool;
  let ledgerDb: pg.Pool;
  const today = nowInWib().slice(0, 10);
  const month = today.slice(0, 7);

  beforeAll(async () => {
    await suite.startAll();
    const koperasi = await staffedKoperasi(
      suite.gatewayUrl,
      {
        code: 'TTB',
        name: 'KKMP Tirto',
        kelurahan: 'Tirto',
        kecamatan: 'Pekalongan Barat',
        kotaKabupaten: 'Kota Pekalongan',
        provinsi: 'Jawa Tengah',
      },
      {
        'teller.siti': 'teller',
        'teller.agus': 'teller',
        'supervisor.budi': 'supervisor',
        'supervisor.sri': 'supervisor',
      },
    );
    agusId = koperasi.userIds['teller.agus'];
    koperasiId = koperasi.koperasiId;
    membersDb = new pg.Pool({ connectionString: suite.databaseUrl('members'), max: 2 });
    ledgerDb = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 2 });
    ({
      'teller.siti': siti,
      'teller.agus': agus,
      'supervisor.budi': supervisor,
      'supervisor.sri': secondSupervisor,
    } = koperasi.staff);
  }, 240_000);

  afterAll(async () => {
    await membersDb?.end();
    await ledgerDb?.end();
    await suite.stopAll();
  }, 60_000);

  async function balances(): Promise<Record<string, number>> {
    const listed = (await supervisor.get('/ledger/accounts')).body;
    return Object.fromEntries(
      listed.map((account: { code: string; balance: number }) => [account.code, account.balance]),
    );
  }

  /** A day's cash taken (a new member's pokok and sukarela), counted at tutup kasir; the drawer then waits for the supervisor. */
  async function takeAndCount(teller: ApiClient, nik: string, amountRp: number): Promise<void> {
    const member = await teller.post('/members', {
      nik,
      fullName: 'Sri Wahyuni',
      address: 'Jl. Tirto 1',
      kelurahan: 'Tirto',
    });
    expect(member.status).toBe(201);
    expect(
      (await teller.post(`/members/${member.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBe(200);
    expect(
      (
        await teller.post(`/members/${member.body.id}/simpanan-sukarela/deposits`, {
          amount: amountRp - 25_000,
        })
      ).status,
    ).toBe(200);
    await waitFor(
      'the ledger to book the deposit in the drawer',
      async () => (await teller.get('/cash-drawer')).body.expected.total === amountRp,
      45_000,
    );
    const counted = await teller.post('/cash-drawer/close', { counted: amountRp });
    expect(counted.status).toBe(200);
  }

  it('given an open month, then the drawer approval and setor ke bank are booked', async () => {
    await takeAndCount(siti, '3375064108900011', 200_000);
    const sitiId = (await siti.get('/cash-drawer')).body.tellerId;
    expect((await supervisor.post(`/cash-drawers/${today}/${sitiId}/approve`, {})).status).toBe(
      200,
    );
    await waitFor(
      'the drawer back in the vault',
      async () => (await balances())['111100'] === 200_000,
      45_000,
    );
    const deposit = await supervisor.post('/bank/deposits', {
      amount: 50_000,
      slipRef: 'SLIP-TTB-1',
    });
    expect(deposit.status).toBe(201);
    await waitFor(
      'the deposit in the books',
      async () => (await balances())['112100'] === 50_000,
      45_000,
    );
  }, 150_000);

  it('given the current month closed, then setor ke bank, the bank’s fee settlement and a drawer approval are 409 MONTH_CLOSED in words, and nothing changes', async () => {
    await takeAndCount(agus, '3375064108900012', 80_000);
    // Two supervisors close the month at once: one closing, both told of it.
    const [closed, raced] = await Promise.all([
      supervisor.call('PUT', `/ledger/period-closings/${month}`),
      secondSupervisor.call('PUT', `/ledger/period-closings/${month}`),
    ]);
    expect(closed.status).toBe(200);
    expect(raced.body).toEqual(closed.body);
    const before = await balances();
    const depositsBefore = (await supervisor.get('/bank/deposits')).body.deposits;

    const deposit = await supervisor.post('/bank/deposits', {
      amount: 50_000,
      slipRef: 'SLIP-TTB-2',
    });
    const settlement = await supervisor.post('/bank/fee-settlements', {
      amount: 1_000,
      reference: 'BRI-FEE-TTB-1',
      period: month,
    });
    const approval = await supervisor.post(`/cash-drawers/${today}/${agusId}/approve`, {});
    for (const refused of [deposit, settlement, approval]) {
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('MONTH_CLOSED');
      expect(refused.body.message).toContain(`Buku bulan ${month} sudah ditutup`);
    }
    expect(deposit.body.message).toContain('setoran ke bank');

    expect((await supervisor.get('/bank/deposits')).body.deposits).toEqual(depositsBefore);
    expect((await supervisor.get('/bank/fees')).body.settlements).toEqual([]);
    expect((await agus.get('/cash-drawer')).body.status).toBe('COUNTED');
    expect(await balances()).toEqual(before);
  }, 150_000);

  it('given the month closed, then the closing is one PeriodClosed in members’ store, the ledger copies it, and closing again answers the same', async () => {
    const closings = (await supervisor.get('/ledger/period-closings')).body;
    expect(closings).toEqual([
      {
        koperasiId,
        month,
        closedBy: expect.any(String),
        closedByName: expect.stringMatching(/^Supervisor (Budi|Sri)$/),
        closedAt: expect.any(String),
      },
    ]);
    const again = await secondSupervisor.call('PUT', `/ledger/period-closings/${month}`);
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: closings[0] });

    const { rows } = await membersDb.query<{ stream_id: string; data: { month: string } }>(
      `SELECT stream_id, data FROM events WHERE type = 'PeriodClosed'`,
    );
    expect(rows).toEqual([
      {
        stream_id: `period-closing-${koperasiId}`,
        // In December it also carries the year's income and expenses (yearEnd).
        data: expect.objectContaining({
          month,
          closedBy: closings[0].closedBy,
          closedByName: closings[0].closedByName,
          closedAt: closings[0].closedAt,
        }),
      },
    ]);
    await waitFor(
      'the ledger to copy the closing',
      async () =>
        (
          await ledgerDb.query(
            `SELECT 1 FROM period_closings WHERE koperasi_id = $1 AND month = $2::date`,
            [koperasiId, `${month}-01`],
          )
        ).rowCount === 1,
      45_000,
    );
  }, 120_000);
});
