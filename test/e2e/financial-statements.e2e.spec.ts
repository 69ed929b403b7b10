import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

const todayWib = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 10);

describe('financial statements end to end: a day at the counter, then the RAT statements and the buku besar agree with the books', () => {
  const suite = new SuiteHarness();
  let teller: ApiClient;
  let supervisor: ApiClient;
  let auditor: ApiClient;
  let otherSupervisor: ApiClient;
  let firstMemberId: string;

  beforeAll(async () => {
    await suite.startAll();
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const ids: string[] = [];
    for (const [code, kelurahan] of [
      ['KRP', 'Krapyak'],
      ['PNJ', 'Panjang Wetan'],
    ]) {
      const created = await admin.post('/koperasi', {
        code,
        name: `KKMP ${kelurahan}`,
        kelurahan,
        kecamatan: 'Pekalongan Utara',
        kotaKabupaten: 'Kota Pekalongan',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    for (const [username, role, koperasiId] of [
      ['teller.krapyak', 'teller', ids[0]],
      ['supervisor.krapyak', 'supervisor', ids[0]],
      ['auditor.krapyak', 'auditor', ids[0]],
      ['supervisor.panjang', 'supervisor', ids[1]],
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
    teller = await new ApiClient(suite.gatewayUrl).login('teller.krapyak', DEMO_PASSWORD);
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.krapyak', DEMO_PASSWORD);
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.krapyak', DEMO_PASSWORD);
    otherSupervisor = await new ApiClient(suite.gatewayUrl).login(
      'supervisor.panjang',
      DEMO_PASSWORD,
    );
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  async function balances(): Promise<Record<string, number>> {
    const response = await auditor.get('/ledger/accounts');
    expect(response.status).toBe(200);
    return Object.fromEntries(
      response.body.map((account: { code: string; balance: number }) => [
        account.code,
        account.balance,
      ]),
    );
  }

  it('given savings, a PPOB payment, installments and a remittance, then posisi keuangan balances, hasil usaha is the change in equity from operations, arus kas is the change in cash and each buku besar closes at the trial balance', async () => {
    const registered = await teller.post('/members', {
      nik: '3375064108900002',
      fullName: 'Siti Aminah',
      address: 'Jl. Krapyak 7',
      kelurahan: 'Krapyak',
    });
    expect(registered.status).toBe(201);
    const memberId = registered.body.id;
    firstMemberId = memberId;
    expect(
      (await teller.post(`/members/${memberId}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
    expect(
      (
        await teller.post(`/members/${memberId}/simpanan-wajib`, {
          amount: 15_000,
          periods: [todayWib().slice(0, 7)],
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await supervisor.post('/billpay/deposit/topups', {
          amount: 1_000_000,
          bankTransferRef: 'BRI-TRF-STM-1',
        })
      ).status,
    ).toBeLessThan(300);
    const payment = await teller.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
    });
    expect(payment.status).toBeLessThan(300);
    await waitFor(
      'the PLN token payment to succeed',
      async () =>
        (await teller.get(`/billpay/payments/${payment.body.paymentId}`)).body.status === 'SUCCESS',
    );
    const agreement = await supervisor.call('PUT', '/loans/agreements/KUR', {
      fee: { kind: 'FIXED', amount: 2_500 },
      partialAllowed: false,
      feeMode: 'NETTED',
    });
    expect(agreement.status).toBeLessThan(300);
    expect(
      (
        await teller.post('/loans/installments', {
          loanNo: TEST_LOANS.current.loanNo,
          amount: TEST_LOANS.current.installmentRp,
        })
      ).status,
    ).toBeLessThan(300);
    // A notice the bank has not acknowledged yet is not remitted: wait for the bank as a supervisor would.
    await waitFor('the bank to acknowledge the notice', async () => {
      const { collections } = (await supervisor.get('/loans/collections?status=UNREMITTED'))
        .body as { collections: { noticeStatus: string }[] };
      return collections.length === 1 && collections[0].noticeStatus === 'ACKNOWLEDGED';
    });
    const remittance = await supervisor.post('/loans/remittances', {});
    expect(remittance.status).toBe(201);
    await waitFor(
      'the bank to confirm the batch',
      async () =>
        (await supervisor.get(`/loans/remittances/${remittance.body.remittanceId}`)).body.status ===
        'CONFIRMED',
    );
    let books: Record<string, number> = {};
    await waitFor(
      'the ledger to post the day',
      async () => {
        books = await balances();
        // The payment has taken the deposit (113100 down) and left nothing pending (213000).
        return (
          books['320000'] === 15_000 &&
          books['212000'] === 0 &&
          books['113100'] < 1_000_000 &&
          books['213000'] === 0 &&
          books['420000'] === 2_500
        );
      },
      45_000,
    );

    const today = todayWib();
    const response = await auditor.get(`/ledger/statements?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const { financialPosition, operatingResult, equityChanges, cashFlows } = response.body;

    // Posisi keuangan: assets = liabilities + equity, and each account line is the account's balance now.
    expect(financialPosition.assets.total).toBe(financialPosition.liabilitiesAndEquity);
    for (const section of [
      financialPosition.assets,
      financialPosition.liabilities,
      financialPosition.equity,
    ]) {
      for (const line of section.lines.filter(
        (entry: { code: string | null }) => entry.code !== null,
      ))
        expect(`${line.code} ${line.amount}`).toBe(`${line.code} ${books[line.code]}`);
    }

    // Hasil usaha: the fees the counter earned, all from non-members; the surplus is the change in equity from operations.
    const feeIncome = await supervisor.get(`/ledger/fee-income?from=${today}&to=${today}`);
    expect(operatingResult.totalIncome).toBe(feeIncome.body.total + (books['510000'] ?? 0));
    expect(operatingResult.memberIncome.total).toBe(0);
    expect(
      operatingResult.nonMemberIncome.lines.map((line: { code: string }) => line.code),
    ).toContain('420000');
    expect(operatingResult.surplus).toBe(
      operatingResult.totalIncome - operatingResult.expenses.total,
    );
    expect(equityChanges.surplus).toBe(operatingResult.surplus);
    expect(equityChanges.closing - equityChanges.opening - equityChanges.otherChanges).toBe(
      operatingResult.surplus,
    );
    expect(equityChanges.otherChanges).toBe(25_000 + 15_000);
    expect(equityChanges.closing).toBe(financialPosition.equity.total);

    // Arus kas: the period's flows are the change in the cash accounts the books hold.
    const cashNow = ['111000', '111100', '112100'].reduce(
      (sum, code) => sum + (books[code] ?? 0),
      0,
    );
    expect(cashFlows.openingCash).toBe(0);
    expect(cashFlows.closingCash).toBe(cashNow);
    expect(cashFlows.netChange).toBe(cashFlows.closingCash - cashFlows.openingCash);
    const financing = cashFlows.activities.find(
      (activity: { activity: string }) => activity.activity === 'financing',
    );
    expect(financing.net).toBe(40_000);

    // Buku besar: every account of the trial balance closes at its balance, line by line from the opening.
    const trialBalance = await auditor.get('/ledger/trial-balance');
    for (const account of trialBalance.body.lines as { code: string }[]) {
      const ledger = await auditor.get(
        `/ledger/general-ledger/${account.code}?from=${today}&to=${today}`,
      );
      expect(ledger.status).toBe(200);
      expect(`${account.code} ${ledger.body.closing}`).toBe(
        `${account.code} ${books[account.code]}`,
      );
      const last = ledger.body.lines.at(-1);
      expect(last.balance).toBe(ledger.body.closing);
      expect(
        ledger.body.lines.every(
          (line: { sourceEventId: string; description: string }) =>
            line.sourceEventId && line.description,
        ),
      ).toBe(true);
    }
    const kas = (await auditor.get(`/ledger/general-ledger/111000?from=${today}&to=${today}`)).body;
    expect(kas.opening).toBe(0);
    expect(kas.lines.length).toBeGreaterThanOrEqual(4);

    // Yesterday the koperasi had no books yet; another koperasi's supervisor sees only their own.
    const yesterday = dayBefore(today);
    const before = (await supervisor.get(`/ledger/statements?from=${yesterday}&to=${yesterday}`))
      .body;
    expect(before.financialPosition.assets).toEqual({ lines: [], total: 0 });
    expect(
      (await otherSupervisor.get(`/ledger/statements?from=${today}&to=${today}`)).body
        .financialPosition.assets.total,
    ).toBe(0);
  }, 240_000);

  it('exports each statement as CSV and as an A4 page under a strict CSP, with the same figures', async () => {
    const today = todayWib();
    const statements = (await auditor.get(`/ledger/statements?from=${today}&to=${today}`)).body;
    for (const name of ['posisi-keuangan', 'hasil-usaha', 'perubahan-ekuitas', 'arus-kas']) {
      const csv = await auditor.getText(
        `/ledger/statements/${name}/export?from=${today}&to=${today}&format=csv`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toContain(`${name}-${today}`);
      expect(csv.text.split('\r\n')[0]).toBe('KKMP Krapyak');
      const html = await supervisor.getText(
        `/ledger/statements/${name}/export?from=${today}&to=${today}&format=html`,
      );
      expect(html.status).toBe(200);
      expect(html.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-[^']+'; script-src 'none'/,
      );
      expect(html.text).toContain('size: A4');
    }
    const position = await auditor.getText(
      `/ledger/statements/posisi-keuangan/export?from=${today}&to=${today}&format=csv`,
    );
    const totalRow = position.text
      .split('\r\n')
      .find((row) => row.startsWith(',Jumlah liabilitas dan ekuitas,'));
    expect(totalRow).toBe(
      `,Jumlah liabilitas dan ekuitas,${statements.financialPosition.liabilitiesAndEquity}`,
    );
    const page = await auditor.getText(
      `/ledger/statements/posisi-keuangan/export?from=${today}&to=${today}&format=html`,
    );
    expect(page.text).toContain('Laporan Posisi Keuangan');
    const ledger = await auditor.getText(
      `/ledger/general-ledger/111000/export?from=${today}&to=${today}&format=csv`,
    );
    expect(ledger.status).toBe(200);
    expect(ledger.text).toContain('Saldo akhir');
  });

  it("given the AD/ART percentages, then the year's SHU divides the hasil usaha surplus exactly, each member's share adds up to the pools, and each member gets a slip", async () => {
    const year = todayWib().slice(0, 4);
    const second = await teller.post('/members', {
      nik: '3375064108900003',
      fullName: 'Bambang Irawan',
      address: 'Jl. Krapyak 9',
      kelurahan: 'Krapyak',
    });
    expect(second.status).toBe(201);
    expect(
      (await teller.post(`/members/${second.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
    await waitFor(
      "the second member's pokok in the books",
      async () => (await balances())['310000'] === 50_000,
      45_000,
    );

    const unset = await auditor.get(`/shu/${year}`);
    expect(unset.status).toBe(404);
    expect(unset.body.message).toMatch(/belum diatur/);
    const allocation = {
      cadanganPercent: 25,
      jasaModalPercent: 20,
      jasaUsahaPercent: 30,
      others: [
        { name: 'Dana pengurus', percent: 10 },
        { name: 'Dana pendidikan', percent: 7.5 },
        { name: 'Dana sosial', percent: 7.5 },
      ],
    };
    const short = await supervisor.call<any>('PUT', '/shu/allocation', {
      ...allocation,
      cadanganPercent: 24,
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('jumlah persentase harus tepat 100, bukan 99');
    expect((await auditor.call('PUT', '/shu/allocation', allocation)).status).toBe(403);
    expect((await teller.call('PUT', '/shu/allocation', allocation)).status).toBe(403);
    const set = await supervisor.call<any>('PUT', '/shu/allocation', allocation);
    expect(set.status).toBe(200);
    expect((await auditor.get('/shu/allocation')).body).toMatchObject({
      allocation,
      setBy: expect.any(String),
    });

    const statements = (await auditor.get(`/ledger/statements?from=${year}-01-01&to=${year}-12-31`))
      .body;
    const shu = await auditor.get(`/shu/${year}`);
    expect(shu.status).toBe(200);
    expect(shu.body.surplus).toBe(statements.operatingResult.surplus);
    expect(
      shu.body.pools.reduce((sum: number, pool: { amount: number }) => sum + pool.amount, 0),
    ).toBe(shu.body.surplus);
    const pool = (key: string) =>
      shu.body.pools.find((candidate: { key: string }) => candidate.key === key).amount;
    type Share = {
      memberId: string;
      fullName: string;
      transactions: number;
      savings: number;
      jasaUsaha: number;
      jasaModal: number;
      share: number;
    };
    const shares: Share[] = shu.body.members;
    expect(shares.map((share) => [share.fullName, share.transactions, share.savings])).toEqual([
      ['Siti Aminah', 40_000, 40_000],
      ['Bambang Irawan', 25_000, 25_000],
    ]);
    expect(shares.reduce((sum, share) => sum + share.jasaUsaha, 0)).toBe(pool('jasaUsaha'));
    expect(shares.reduce((sum, share) => sum + share.jasaModal, 0)).toBe(pool('jasaModal'));
    expect(shares.every((share) => share.share === share.jasaUsaha + share.jasaModal)).toBe(true);
    expect(shu.body.distributed).toBe(pool('jasaUsaha') + pool('jasaModal'));

    const slip = await supervisor.getText(`/shu/${year}/members/${shares[1].memberId}/slip`);
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(slip.text).toContain('Bambang Irawan');
    expect(slip.text).toContain(`Slip SHU Tahun ${year}`);
    const csv = await auditor.getText(`/shu/${year}/export?format=csv`);
    expect(csv.text.split('\r\n').find((row) => row.includes('Bambang Irawan'))).toContain(
      `,${shares[1].share}`,
    );
    expect(
      (await auditor.get(`/shu/${year}/members/00000000-0000-4000-8000-000000000000/slip`)).status,
    ).toBe(404);
    const noSurplus = await auditor.get('/shu/2020');
    expect(noSurplus.status).toBe(422);
    expect(noSurplus.body.message).toMatch(/Tidak ada SHU/);
    expect((await auditor.get('/shu/20x6')).status).toBe(400);
    expect((await teller.get(`/shu/${year}`)).status).toBe(403);
  }, 120_000);

  it("given the RAT's approval, when the supervisor books the year's SHU distribution, then the reserve and the members' shares leave SHU belum dibagi in one balanced entry citing its event, once a year, and a replay equals the books", async () => {
    const today = todayWib();
    const year = today.slice(0, 4);
    const shu = (await auditor.get(`/shu/${year}`)).body;
    const cadangan = shu.pools.find((pool: { key: string }) => pool.key === 'cadangan').amount;
    const membersShare = shu.members.reduce(
      (sum: number, member: { share: number }) => sum + member.share,
      0,
    );
    expect(membersShare).toBe(shu.distributed);
    expect(cadangan + membersShare).toBeGreaterThan(0);
    expect(shu.booked).toBeNull();
    expect((await teller.post(`/shu/${year}/distribution`, { ratDate: today })).status).toBe(403);
    expect(
      (await supervisor.post(`/shu/${year}/distribution`, { ratDate: '2999-01-01' })).status,
    ).toBe(422);

    const booked = await supervisor.post(`/shu/${year}/distribution`, { ratDate: today });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      year: Number(year),
      ratDate: today,
      surplus: shu.surplus,
      cadangan,
      members: membersShare,
      approvedByName: 'Supervisor Krapyak',
    });
    const again = await supervisor.post(`/shu/${year}/distribution`, { ratDate: today });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('SHU_ALREADY_BOOKED');
    expect(again.body.message).toContain(`SHU tahun ${year} sudah dibukukan`);
    expect((await auditor.get(`/shu/${year}`)).body.booked).toEqual({
      ratDate: today,
      bookedAt: booked.body.approvedAt,
      approvedByName: 'Supervisor Krapyak',
    });

    await waitFor(
      'the distribution in the books',
      async () => (await balances())['216000'] === membersShare,
      45_000,
    );
    const accounts = await balances();
    expect(accounts['330000']).toBe(cadangan);
    expect(accounts['340000']).toBe(-(cadangan + membersShare));
    const period = `from=${year}-01-01&to=${today}`;
    const owed = (await auditor.get(`/ledger/general-ledger/216000?${period}`)).body;
    const reserve = (await auditor.get(`/ledger/general-ledger/330000?${period}`)).body;
    const undivided = (await auditor.get(`/ledger/general-ledger/340000?${period}`)).body;
    expect(owed.lines).toHaveLength(1);
    const entry = owed.lines[0];
    expect(entry).toMatchObject({ credit: membersShare, eventType: 'ShuDistributionBooked' });
    expect(entry.description).toBe(
      `Pembagian SHU tahun ${year} menurut RAT ${today}, dibukukan Supervisor Krapyak`,
    );
    expect(entry.sourceEventId).toEqual(expect.any(String));
    for (const side of [reserve, undivided]) {
      expect(side.lines.map((line: { entryId: string }) => line.entryId)).toEqual([entry.entryId]);
      expect(side.lines[0].sourceEventId).toBe(entry.sourceEventId);
    }
    // Debits equal credits: what left SHU belum dibagi is what the reserve and the members received.
    expect(undivided.lines[0].debit).toBe(reserve.lines[0].credit + entry.credit);
    const position = (await auditor.get(`/ledger/statements?${period}`)).body.financialPosition;
    expect(position.assets.total).toBe(position.liabilitiesAndEquity);

    const replay = await suite.runAuditCli('replay', '--json');
    expect({ status: replay.status, stderr: replay.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(replay.stdout).comparison).toMatchObject({ identical: true, accounts: [] });
  }, 180_000);

  it('refuses tellers, bad periods and unknown accounts or statements in words', async () => {
    const today = todayWib();
    expect((await teller.get(`/ledger/statements?from=${today}&to=${today}`)).status).toBe(403);
    const missing = await auditor.get(`/ledger/statements?to=${today}`);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('from');
    const backwards = await auditor.get('/ledger/statements?from=2026-02-01&to=2026-01-31');
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/before from/);
    expect((await auditor.get('/ledger/statements?from=2026-02-30&to=2026-03-31')).status).toBe(
      400,
    );
    expect(
      (await auditor.get(`/ledger/general-ledger/999999?from=${today}&to=${today}`)).status,
    ).toBe(404);
    expect((await auditor.get(`/ledger/general-ledger/kas?from=${today}&to=${today}`)).status).toBe(
      404,
    );
    expect(
      (await auditor.get(`/ledger/statements/neraca/export?from=${today}&to=${today}&format=csv`))
        .status,
    ).toBe(404);
    expect(
      (await auditor.get(`/ledger/statements/arus-kas/export?from=${today}&to=${today}&format=pdf`))
        .status,
    ).toBe(400);
  });

  it('given a month closed by the supervisor, then an entry of that month posted after the closing counts in the next month with the date it belongs to, and the closed month stays as it was', async () => {
    const today = todayWib();
    const month = today.slice(0, 7);
    const [year, number] = month.split('-').map(Number);
    const nextMonth =
      number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
    const nextMonthEnd = new Date(
      Date.UTC(Number(nextMonth.slice(0, 4)), Number(nextMonth.slice(5, 7)), 0),
    )
      .toISOString()
      .slice(0, 10);
    const thisMonth = `from=${month}-01&to=${today}`;
    const next = `from=${nextMonth}-01&to=${nextMonthEnd}`;

    expect((await teller.call('PUT', `/ledger/period-closings/${month}`)).status).toBe(403);
    expect((await auditor.call('PUT', `/ledger/period-closings/${month}`)).status).toBe(403);
    expect((await supervisor.call('PUT', '/ledger/period-closings/2026-13')).status).toBe(400);
    const future = await supervisor.call<any>('PUT', `/ledger/period-closings/${nextMonth}`);
    expect(future.status).toBe(409);
    expect(future.body.message).toMatch(/belum berjalan/);
    const before = (await auditor.get(`/ledger/statements?${thisMonth}`)).body;

    const closed = await supervisor.call<any>('PUT', `/ledger/period-closings/${month}`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ month, closedBy: expect.any(String) });
    expect((await supervisor.call<any>('PUT', `/ledger/period-closings/${month}`)).body).toEqual(
      closed.body,
    );
    const earlier = await supervisor.call<any>(
      'PUT',
      `/ledger/period-closings/${year - 1}-${String(number).padStart(2, '0')}`,
    );
    expect(earlier.status).toBe(409);
    expect(earlier.body.message).toMatch(/sudah termasuk buku yang ditutup/);
    expect((await auditor.get('/ledger/period-closings')).body).toEqual([closed.body]);

    // A deposit at the counter after the closing: its event is dated this month, the month is closed.
    expect(
      (
        await teller.post(`/members/${firstMemberId}/simpanan-sukarela/deposits`, {
          amount: 10_000,
        })
      ).status,
    ).toBeLessThan(300);
    await waitFor(
      'the deposit in the books',
      async () => (await balances())['211000'] === 10_000,
      45_000,
    );

    const after = (await auditor.get(`/ledger/statements?${thisMonth}`)).body;
    expect(after).toEqual(before);
    const followingResponse = await auditor.get(`/ledger/statements?${next}`);
    expect({ status: followingResponse.status, body: followingResponse.body }).toMatchObject({
      status: 200,
      body: { financialPosition: expect.anything() },
    });
    const following = followingResponse.body;
    expect(following.financialPosition.assets.total).toBe(
      following.financialPosition.liabilitiesAndEquity,
    );
    const financing = following.cashFlows.activities.find(
      (activity: { activity: string }) => activity.activity === 'financing',
    );
    expect(financing.lines).toEqual([
      { code: '211000', name: 'Simpanan sukarela', receipts: 10_000, payments: 0 },
    ]);
    expect(following.cashFlows.openingCash).toBe(before.cashFlows.closingCash);
    const savings = (await auditor.get(`/ledger/general-ledger/211000?${next}`)).body;
    expect(savings.lines).toHaveLength(1);
    expect(savings.lines[0].bookedAt).toBe(
      new Date(`${nextMonth}-01T00:00:00+07:00`).toISOString(),
    );
    expect(Date.parse(savings.lines[0].occurredAt)).toBeLessThan(
      Date.parse(savings.lines[0].bookedAt),
    );
    expect(savings.closing).toBe(10_000);
    const ledgerCsv = await auditor.getText(
      `/ledger/general-ledger/211000/export?${next}&format=csv`,
    );
    expect(ledgerCsv.text).toContain('bulannya sudah ditutup');
    // The trial balance is by event time: as of today it has the deposit.
    expect(
      (await auditor.get(`/ledger/accounts?asOf=${today}`)).body.find(
        (account: { code: string }) => account.code === '211000',
      ).balance,
    ).toBe(10_000);
  }, 120_000);
});
