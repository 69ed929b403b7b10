import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

type Balances = Record<string, number>;

interface BooksAtInstant {
  at: string;
  accounts: Balances;
  trialBalance: { lines: unknown[]; totalDebit: number; totalCredit: number };
  savings: unknown;
}

const todayWib = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

describe('ledger end to end: PPOB, installments and savings through the gateway into books an auditor can read as of any moment', () => {
  const suite = new SuiteHarness();
  let teller: ApiClient;
  let supervisor: ApiClient;
  let auditor: ApiClient;
  let otherSupervisor: ApiClient;
  let memberId: string;

  beforeAll(async () => {
    await suite.startAll();
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const ids: string[] = [];
    for (const [code, kelurahan] of [
      ['BDK', 'Bendan Kergon'],
      ['PDS', 'Podosugih'],
    ]) {
      const created = await admin.post('/koperasi', {
        code,
        name: `KKMP ${kelurahan}`,
        kelurahan,
        kecamatan: 'Pekalongan Barat',
        kotaKabupaten: 'Kota Pekalongan',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    for (const [username, role, koperasiId] of [
      ['teller.bendan', 'teller', ids[0]],
      ['supervisor.bendan', 'supervisor', ids[0]],
      ['auditor.bendan', 'auditor', ids[0]],
      ['supervisor.podosugih', 'supervisor', ids[1]],
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
    teller = await new ApiClient(suite.gatewayUrl).login('teller.bendan', DEMO_PASSWORD);
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.bendan', DEMO_PASSWORD);
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.bendan', DEMO_PASSWORD);
    otherSupervisor = await new ApiClient(suite.gatewayUrl).login(
      'supervisor.podosugih',
      DEMO_PASSWORD,
    );
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  async function accounts(asOf?: string): Promise<Balances> {
    const response = await auditor.get(
      `/ledger/accounts${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    );
    expect(response.status).toBe(200);
    return Object.fromEntries(
      response.body.map((account: { code: string; balance: number }) => [
        account.code,
        account.balance,
      ]),
    );
  }

  async function booksWhen(
    what: string,
    ready: (balances: Balances) => boolean,
  ): Promise<Balances> {
    let latest: Balances = {};
    await waitFor(
      `the ledger to show ${what}`,
      async () => {
        latest = await accounts();
        return ready(latest);
      },
      45_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last balances ${JSON.stringify(latest)}`);
    });
    return latest;
  }

  async function capture(): Promise<BooksAtInstant> {
    // Past every event so far: their occurredAt was stamped before the books showed them.
    const at = new Date().toISOString();
    const trialBalance = await auditor.get('/ledger/trial-balance');
    const savings = await auditor.get(`/members/${memberId}/ledger-savings`);
    return {
      at,
      accounts: await accounts(),
      trialBalance: trialBalance.body,
      savings: savings.body,
    };
  }

  it('given a day at the counter, then fee income is reported by product and by day, and as-of three instants equals the books captured then', async () => {
    const registered = await teller.post('/members', {
      nik: '3375064108900001',
      fullName: 'Sri Wahyuni',
      address: 'Jl. Bendan 3',
      kelurahan: 'Bendan Kergon',
    });
    expect(registered.status).toBe(201);
    memberId = registered.body.id;
    expect(
      (await teller.post(`/members/${memberId}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
    expect(
      (
        await supervisor.post('/billpay/deposit/topups', {
          amount: 1_000_000,
          bankTransferRef: 'BRI-TRF-E2E-1',
        })
      ).status,
    ).toBeLessThan(300);
    await booksWhen(
      'the savings and the top-up',
      (books) => books['111000'] === 25_000 && books['113100'] === 1_000_000,
    );
    const t1 = await capture();

    const payment = await teller.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
    });
    expect(payment.status).toBeLessThan(300);
    const paymentId: string = payment.body.paymentId;
    let paid = payment.body;
    await waitFor('the PLN token payment to succeed', async () => {
      paid = (await teller.get(`/billpay/payments/${paymentId}`)).body;
      return paid.status === 'SUCCESS';
    });
    const ppobFeeRp = paid.totalAmount - paid.price;
    for (const [product, fee, feeMode] of [
      ['KUR', 2_500, 'NETTED'],
      ['KUPEDES', 1_500, 'BANK_PAYS'],
    ] as const) {
      const agreement = await supervisor.call('PUT', `/loans/agreements/${product}`, {
        fee: { kind: 'FIXED', amount: fee },
        partialAllowed: false,
        feeMode,
      });
      expect(agreement.status).toBeLessThan(300);
    }
    const kur = await teller.post('/loans/installments', {
      loanNo: TEST_LOANS.current.loanNo,
      amount: TEST_LOANS.current.installmentRp,
    });
    expect(kur.status).toBeLessThan(300);
    const kupedes = await teller.post('/loans/installments', {
      loanNo: TEST_LOANS.inArrears.loanNo,
      amount: 750_000,
    });
    expect(kupedes.status).toBeLessThan(300);
    const collectedRp = TEST_LOANS.current.installmentRp + 750_000;
    await booksWhen(
      'the payment and both installments',
      (books) =>
        books['410000'] === ppobFeeRp && books['420000'] === 4_000 && books['213000'] === 0,
    );
    const t2 = await capture();
    expect(t2.accounts).toMatchObject({
      '111000': 25_000 + paid.totalAmount + collectedRp,
      '212000': collectedRp - 2_500,
      '114100': 1_500,
    });

    const remittance = await supervisor.post('/loans/remittances', {});
    expect(remittance.status).toBe(201);
    await waitFor(
      'the bank to confirm the batch',
      async () =>
        (await supervisor.get(`/loans/remittances/${remittance.body.remittanceId}`)).body.status ===
        'CONFIRMED',
    );
    await booksWhen('the remittance', (books) => books['212000'] === 0);
    const t3 = await capture();
    expect(t3.accounts).toMatchObject({
      '212000': 0,
      '213000': 0,
      '112100': -1_000_000 - (collectedRp - 2_500),
    });
    expect(t3.trialBalance.totalDebit).toBe(t3.trialBalance.totalCredit);

    // As of each captured instant, the journal gives the books exactly as they were shown then.
    for (const captured of [t1, t2, t3]) {
      expect(await accounts(captured.at)).toEqual(captured.accounts);
      const trialBalance = await auditor.get(
        `/ledger/trial-balance?asOf=${encodeURIComponent(captured.at)}`,
      );
      expect({ ...trialBalance.body, asOf: undefined }).toEqual({
        ...captured.trialBalance,
        asOf: undefined,
      });
      expect(
        (
          await auditor.get(
            `/members/${memberId}/ledger-savings?asOf=${encodeURIComponent(captured.at)}`,
          )
        ).body,
      ).toEqual(captured.savings);
    }
    const statement = await auditor.get(
      `/members/${memberId}/ledger-statement?asOf=${encodeURIComponent(t1.at)}`,
    );
    expect(statement.status).toBe(200);
    expect(statement.body.lines).toHaveLength(1);
    expect(statement.body.balances).toEqual(t1.savings);

    const today = todayWib();
    const byProduct = await supervisor.get(
      `/ledger/fee-income?from=${today}&to=${today}&groupBy=product`,
    );
    expect(byProduct.status).toBe(200);
    expect(byProduct.body.rows).toEqual(
      [
        { source: 'PPOB', product: 'PLN20', amount: ppobFeeRp, count: ppobFeeRp === 0 ? 0 : 1 },
        { source: 'LOANS', product: 'KUPEDES', amount: 1_500, count: 1 },
        { source: 'LOANS', product: 'KUR', amount: 2_500, count: 1 },
      ].filter((row) => row.count > 0),
    );
    expect(byProduct.body.total).toBe(ppobFeeRp + 4_000);
    const byDay = await auditor.get(`/ledger/fee-income?from=${today}&to=${today}&groupBy=day`);
    expect(byDay.body.totals).toEqual([
      { source: 'PPOB', amount: ppobFeeRp, count: ppobFeeRp === 0 ? 0 : 1 },
      { source: 'LOANS', amount: 4_000, count: 2 },
    ]);
    // Another koperasi's supervisor sees only their own (empty) books.
    expect(
      (await otherSupervisor.get(`/ledger/fee-income?from=${today}&to=${today}`)).body.total,
    ).toBe(0);
  }, 180_000);

  it('refuses fee income to a teller, and bad dates, groupings and cut-offs with a 400 naming the problem', async () => {
    expect((await teller.get('/ledger/fee-income?from=2026-01-01&to=2026-01-31')).status).toBe(403);
    const missing = await supervisor.get('/ledger/fee-income?to=2026-01-31');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('from');
    const badGroup = await supervisor.get(
      '/ledger/fee-income?from=2026-01-01&to=2026-01-31&groupBy=week',
    );
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.message).toMatch(/groupBy/);
    const backwards = await supervisor.get('/ledger/fee-income?from=2026-02-01&to=2026-01-31');
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/before from/);
    const tooLong = await supervisor.get('/ledger/fee-income?from=2024-01-01&to=2026-01-31');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/at most 366/);
    expect((await supervisor.get('/ledger/fee-income?from=2026-02-30&to=2026-03-01')).status).toBe(
      400,
    );
    expect((await auditor.get('/ledger/accounts?asOf=yesterday')).status).toBe(400);
    expect((await auditor.get('/ledger/trial-balance?asOf=2026-13-01')).status).toBe(400);
    expect((await auditor.get(`/members/${memberId}/ledger-statement?limit=0`)).status).toBe(400);
    // An unencoded + in the zone arrives as a space and is still read as +07:00.
    expect((await auditor.get('/ledger/accounts?asOf=2026-01-31T23:59:59+07:00')).status).toBe(200);
  });
});
