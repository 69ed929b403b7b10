import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

/** Valid Semarang NIKs (33 74 01): a man born 15-08-1990 and serial `serial`. */
function nik(serial: number, birth = '150890'): string {
  return `337401${birth}${String(serial).padStart(4, '0')}`;
}

function currentMonthWib(offsetMonths = 0): string {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1));
  return month.toISOString().slice(0, 7);
}

interface TrialBalance {
  lines: { code: string; name: string; debit: number; credit: number }[];
  totalDebit: number;
  totalCredit: number;
}

function lineOf(balance: TrialBalance, code: string): { debit: number; credit: number } {
  const line = balance.lines.find((candidate) => candidate.code === code);
  return { debit: line?.debit ?? 0, credit: line?.credit ?? 0 };
}

const applicant = {
  fullName: 'Siti Aminah',
  address: 'Jl. Gedawang Raya 7',
  kelurahan: 'Gedawang',
};

describe('members and savings end to end: gateway -> Kafka -> members -> relay -> ledger', () => {
  const suite = new SuiteHarness();
  let admin: ApiClient;
  let teller: ApiClient;
  let supervisor: ApiClient;
  let auditor: ApiClient;
  let otherTeller: ApiClient;
  let gedawangId: string;
  let nextSerial = 1;

  beforeAll(async () => {
    await suite.startAll(['members', 'ledger', 'gateway']);
    admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasi = [
      { code: 'GDW', name: 'KKMP Gedawang', kelurahan: 'Gedawang', kecamatan: 'Banyumanik' },
      { code: 'TGS', name: 'KKMP Tegalsari', kelurahan: 'Tegalsari', kecamatan: 'Candisari' },
    ];
    const ids: string[] = [];
    for (const fields of koperasi) {
      const created = await admin.post('/koperasi', {
        ...fields,
        kotaKabupaten: 'Kota Semarang',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    [gedawangId] = ids;
    const staff = [
      ['teller.gedawang', 'teller', ids[0]],
      ['supervisor.gedawang', 'supervisor', ids[0]],
      ['auditor.gedawang', 'auditor', ids[0]],
      ['teller.tegalsari', 'teller', ids[1]],
    ];
    for (const [username, role, koperasiId] of staff) {
      const user = await admin.post('/users', {
        username,
        fullName: fullNameOf(username),
        password: DEMO_PASSWORD,
        role,
        koperasiId,
      });
      expect(user.status).toBe(201);
    }
    teller = await new ApiClient(suite.gatewayUrl).login('teller.gedawang', DEMO_PASSWORD);
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.gedawang', DEMO_PASSWORD);
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.gedawang', DEMO_PASSWORD);
    otherTeller = await new ApiClient(suite.gatewayUrl).login('teller.tegalsari', DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  async function activeMember(): Promise<string> {
    const registered = await teller.post('/members', {
      nik: nik(nextSerial++),
      fullName: 'Sri Wahyuni',
      address: 'Jl. Gedawang Raya 12',
      kelurahan: 'Gedawang',
    });
    expect(registered.status).toBe(201);
    const pokok = await teller.post(`/members/${registered.body.id}/simpanan-pokok`, {
      amount: 25_000,
    });
    expect(pokok.status).toBeLessThan(300);
    return registered.body.id;
  }

  async function trialBalance(): Promise<TrialBalance> {
    const response = await supervisor.get<TrialBalance>('/ledger/trial-balance');
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Waits until the ledger shows Kas (net, debit side) at the amount, then returns the trial balance. */
  async function booksWhenKasDebitIs(expectedKasDebitRp: number): Promise<TrialBalance> {
    let latest: TrialBalance | undefined;
    try {
      await waitFor(
        `the ledger to reach Kas debit ${expectedKasDebitRp}`,
        async () => {
          latest = await trialBalance();
          return lineOf(latest, '111000').debit === expectedKasDebitRp;
        },
        45_000,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last trial balance: ${JSON.stringify(latest)}`);
    }
    return latest!;
  }

  it('given a new member, when pokok, three months of wajib, a sukarela deposit and a withdrawal are taken, then member and books show exactly what was paid', async () => {
    const registered = await teller.post('/members', {
      nik: nik(nextSerial++),
      fullName: 'Budi Santoso',
      birthPlace: 'Semarang',
      address: 'Jl. Gedawang Raya 1',
      kelurahan: 'Gedawang',
      phone: '081234567890',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ status: 'PENDING_POKOK' });
    const id = registered.body.id;

    expect(
      (await teller.post(`/members/${id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
    const periods = [currentMonthWib(0), currentMonthWib(1), currentMonthWib(2)];
    expect(
      (await teller.post(`/members/${id}/simpanan-wajib`, { periods, amount: 45_000 })).status,
    ).toBeLessThan(300);
    expect(
      (await teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 100_000 })).status,
    ).toBeLessThan(300);
    expect(
      (await teller.post(`/members/${id}/simpanan-sukarela/withdrawals`, { amount: 30_000 }))
        .status,
    ).toBeLessThan(300);

    const member = await teller.get(`/members/${id}`);
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({
      id,
      status: 'ACTIVE',
      savings: { pokok: 25_000, wajib: 45_000, sukarela: 70_000 },
      wajibArrears: { months: [], amount: 0 },
    });
    const statement = await teller.get(`/members/${id}/statement`);
    expect(statement.status).toBe(200);
    expect(statement.body).toHaveLength(4);

    const books = await booksWhenKasDebitIs(25_000 + 45_000 + 100_000 - 30_000);
    expect(books.totalDebit).toBe(books.totalCredit);
    expect(lineOf(books, '111000')).toEqual({ debit: 140_000, credit: 0 });
    expect(lineOf(books, '310000')).toEqual({ debit: 0, credit: 25_000 });
    expect(lineOf(books, '320000')).toEqual({ debit: 0, credit: 45_000 });
    expect(lineOf(books, '211000')).toEqual({ debit: 0, credit: 70_000 });
    await waitFor('the member sub-ledger', async () => {
      const savings = await teller.get(`/members/${id}/ledger-savings`);
      return savings.status === 200 && JSON.stringify(savings.body).includes('70000');
    });
  });

  it('refuses bad input with a clear 4xx naming the problem, and moves no money', async () => {
    const id = await activeMember();
    const before = await teller.get(`/members/${id}`);
    const bad: [string, () => Promise<{ status: number; body: unknown }>, number, RegExp][] = [
      [
        '15-digit NIK',
        () => teller.post('/members', { ...applicant, nik: '337401150890001' }),
        400,
        /nik/i,
      ],
      [
        'impossible birth date',
        () => teller.post('/members', { ...applicant, nik: nik(9001, '310290') }),
        400,
        /birth|date|nik/i,
      ],
      [
        'wrong kelurahan',
        () => teller.post('/members', { ...applicant, nik: nik(9002), kelurahan: 'Tegalsari' }),
        422,
        /kelurahan/i,
      ],
      [
        'negative amount',
        () => teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: -5_000 }),
        400,
        /amount/,
      ],
      [
        'fractional amount',
        () => teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 1_000.5 }),
        400,
        /amount/,
      ],
      [
        'unknown field',
        () => teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 1_000, fee: 1 }),
        400,
        /fee/,
      ],
      [
        'overdraw',
        () => teller.post(`/members/${id}/simpanan-sukarela/withdrawals`, { amount: 1_000 }),
        422,
        /sukarela|insufficient|saldo|balance/i,
      ],
      [
        'pokok twice',
        () => teller.post(`/members/${id}/simpanan-pokok`, { amount: 25_000 }),
        422,
        /pokok/i,
      ],
    ];
    const month = currentMonthWib(0);
    expect(
      (await teller.post(`/members/${id}/simpanan-wajib`, { periods: [month], amount: 15_000 }))
        .status,
    ).toBeLessThan(300);
    bad.push([
      'month paid twice',
      () => teller.post(`/members/${id}/simpanan-wajib`, { periods: [month], amount: 15_000 }),
      422,
      new RegExp(month),
    ]);

    for (const [what, send, status, names] of bad) {
      const response = await send();
      expect({ what, status: response.status }).toEqual({ what, status });
      expect(response.body).toMatchObject({ statusCode: status });
      expect({ what, body: JSON.stringify(response.body) }).toEqual({
        what,
        body: expect.stringMatching(names),
      });
    }
    const after = await teller.get(`/members/${id}`);
    expect(after.body.savings).toEqual({
      ...before.body.savings,
      wajib: before.body.savings.wajib + 15_000,
    });
    const found = await teller.get(`/members?nik=${nik(9002)}`);
    expect(found.body).toEqual([]);
  });

  it('given the same Idempotency-Key sent 10 times at once, then money moves once and every answer is the same', async () => {
    const id = await activeMember();
    const key = `deposit-${id}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        teller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 50_000 }, key),
      ),
    );
    expect(responses[0].status).toBeLessThan(300);
    for (const response of responses) expect(response).toEqual(responses[0]);
    const member = await teller.get(`/members/${id}`);
    expect(member.body.savings.sukarela).toBe(50_000);

    const reused = await teller.post(
      `/members/${id}/simpanan-sukarela/deposits`,
      { amount: 60_000 },
      key,
    );
    expect(reused.status).toBe(422);
    const missing = await teller.post(
      `/members/${id}/simpanan-sukarela/deposits`,
      { amount: 60_000 },
      null,
    );
    expect(missing.status).toBe(400);
    expect((await teller.get(`/members/${id}`)).body.savings.sukarela).toBe(50_000);
  });

  it('keeps each koperasi to itself and each role to its rights', async () => {
    const id = await activeMember();
    expect((await otherTeller.get(`/members/${id}`)).status).toBe(404);
    expect(
      (await otherTeller.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 1_000 }))
        .status,
    ).toBe(404);
    expect((await auditor.get(`/members/${id}`)).status).toBe(200);
    expect(
      (await auditor.post(`/members/${id}/simpanan-sukarela/deposits`, { amount: 1_000 })).status,
    ).toBe(403);
    expect((await admin.post('/members', { ...applicant, nik: nik(9003) })).status).toBe(403);
    expect((await new ApiClient(suite.gatewayUrl).get(`/members/${id}`)).status).toBe(401);
    expect((await teller.post('/koperasi', { code: 'X' })).status).toBe(403);
    expect((await teller.get(`/members/${id}`)).body.savings.sukarela).toBe(0);
  });

  it('given deposits flowing, when the ledger process is killed and restarted, then no entry is lost or posted twice', async () => {
    const id = await activeMember();
    const deposits = 60;
    let sent = 0;
    const depositing = (async () => {
      for (let deposit = 0; deposit < deposits; deposit++) {
        const response = await teller.post(`/members/${id}/simpanan-sukarela/deposits`, {
          amount: 1_000 + deposit,
        });
        expect(response.status).toBeLessThan(300);
        sent += 1;
      }
    })();
    await waitFor('a third of the deposits', async () => sent >= deposits / 3);
    suite.kill('ledger');
    await depositing;
    await suite.start('ledger');

    const ledger = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 1 });
    try {
      const expectedSukarelaRp = Array.from(
        { length: deposits },
        (_, deposit) => 1_000 + deposit,
      ).reduce((a, b) => a + b, 0);
      await waitFor(
        'the ledger to catch up after its restart',
        async () => {
          const savings = await teller.get(`/members/${id}/ledger-savings`);
          return JSON.stringify(savings.body).includes(String(expectedSukarelaRp));
        },
        90_000,
      );
      const { rows } = await ledger.query(
        `SELECT count(*)::int AS entries, count(DISTINCT source_event_id)::int AS sources
         FROM journal_entries WHERE koperasi_id = $1`,
        [gedawangId],
      );
      expect(rows[0].entries).toBe(rows[0].sources);
      const books = await trialBalance();
      expect(books.totalDebit).toBe(books.totalCredit);
    } finally {
      await ledger.end();
    }
  }, 240_000);
});
