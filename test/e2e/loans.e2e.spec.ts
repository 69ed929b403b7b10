import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addYearMonths } from '@koperasi/domain';
import { waitFor } from '@koperasi/testing';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

interface Koperasi {
  id: string;
  teller: ApiClient;
  supervisor: ApiClient;
  auditor: ApiClient;
}

interface Remittance {
  remittanceId: string;
  status: 'SENT' | 'UNKNOWN' | 'CONFIRMED' | 'REJECTED';
  collectionCount: number;
  collected: number;
  feeNetted: number;
  remit: number;
  reason: string | null;
}

interface TrialBalance {
  lines: { code: string; debit: number; credit: number }[];
  totalDebit: number;
  totalCredit: number;
}

const NORMAL_BANK_FAULTS = {
  latencyMs: 0,
  latencyMsByLoan: {},
  down: false,
  timeoutShare: 0,
  hangMs: 15_000,
  dropShare: 0,
  faultByLoan: {},
  remittanceOutcome: 'CONFIRM',
  remittanceDecisionDelayMs: 0,
};

function wibToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

describe('loan installments end to end: gateway -> loans -> bank (partner-sim over HTTP) -> ledger', () => {
  const suite = new SuiteHarness();
  let admin: ApiClient;
  let gedawang: Koperasi;
  let tegalsari: Koperasi;
  let loansDb: pg.Pool;
  let nextGeneratedLoan = 1;
  let nextKoperasi = 1;

  const sim = <T = any>(method: string, path: string, body?: unknown) =>
    suite.partnerSim<T>(method, path, body);

  const bankFaults = (patch: Record<string, unknown>) => sim('PUT', '/admin/bank/faults', patch);

  async function bankRequests(
    filter: Record<string, string>,
  ): Promise<{ total: number; requests: { at: string; method: string; path: string }[] }> {
    return sim('GET', `/admin/requests?${new URLSearchParams(filter).toString()}`);
  }

  async function newKoperasi(): Promise<Koperasi> {
    const serial = nextKoperasi++;
    const created = await admin.post('/koperasi', {
      code: `LN${serial}`,
      name: `KKMP Pinjaman ${serial}`,
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const clients: ApiClient[] = [];
    for (const role of ['teller', 'supervisor', 'auditor']) {
      const username = `${role}.pinjaman${serial}`;
      const user = await admin.post('/users', {
        username,
        fullName: fullNameOf(username),
        password: DEMO_PASSWORD,
        role,
        koperasiId: id,
      });
      expect(user.status).toBe(201);
      clients.push(await new ApiClient(suite.gatewayUrl).login(username, DEMO_PASSWORD));
    }
    return { id, teller: clients[0], supervisor: clients[1], auditor: clients[2] };
  }

  /** A fresh generated loan at the bank (partner-sim) of the product asked for, with no collections yet. */
  async function generatedLoan(
    teller: ApiClient,
    product: 'KUR' | 'KUPEDES',
  ): Promise<{ loanNo: string; installmentDue: number }> {
    for (let tries = 0; tries < 50; tries++) {
      const loanNo = `${TEST_LOANS.generatedPrefix}${String(nextGeneratedLoan++).padStart(11, '0')}`;
      const account = await teller.get(`/loans/accounts/${loanNo}`);
      expect(account.status).toBe(200);
      if (account.body.product === product)
        return { loanNo, installmentDue: account.body.installmentDue };
    }
    throw new Error(`no generated ${product} loan found`);
  }

  async function collect(
    teller: ApiClient,
    loanNo: string,
    amount: unknown,
    key: string = randomUUID(),
  ): Promise<ApiResponse> {
    return teller.post('/loans/installments', { loanNo, amount }, key);
  }

  async function collectedCount(): Promise<number> {
    const { rows } = await loansDb.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'InstallmentCollected'`,
    );
    return rows[0].n;
  }

  async function collection(client: ApiClient, collectionId: string): Promise<any> {
    const receipt = await client.get(`/loans/installments/${collectionId}/receipt`);
    expect(receipt.status).toBe(200);
    return receipt.body;
  }

  /** The lines of the printable 58 mm receipt page. */
  async function printedReceipt(client: ApiClient, collectionId: string): Promise<string[]> {
    const token = (client as unknown as { token: string }).token;
    const html = await fetch(
      `${suite.gatewayUrl}/loans/installments/${collectionId}/receipt?format=html`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    return page
      .slice(page.indexOf('<pre>') + 6, page.indexOf('</pre>'))
      .split('\n')
      .filter((line) => line !== '');
  }

  async function remittanceWhen(
    client: ApiClient,
    remittanceId: string,
    status: Remittance['status'],
    timeoutMs = 45_000,
  ): Promise<Remittance> {
    let latest: Remittance | undefined;
    try {
      await waitFor(
        `remittance ${remittanceId} to be ${status}`,
        async () => {
          const response = await client.get<Remittance>(`/loans/remittances/${remittanceId}`);
          latest = response.body;
          return response.status === 200 && response.body.status === status;
        },
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last seen ${JSON.stringify(latest)}`);
    }
    return latest!;
  }

  async function closeRemittance(supervisor: ApiClient): Promise<Remittance> {
    const closed = await supervisor.post<Remittance>('/loans/remittances', {});
    expect(closed.status).toBe(201);
    return closed.body;
  }

  beforeAll(async () => {
    await suite.startAll(['partner-sim', 'members', 'loans', 'ledger', 'gateway']);
    await sim('POST', '/admin/reset');
    loansDb = new pg.Pool({ connectionString: suite.databaseUrl('loans'), max: 2 });
    admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    gedawang = await newKoperasi();
    tegalsari = await newKoperasi();
  }, 240_000);

  afterEach(async () => {
    await bankFaults(NORMAL_BANK_FAULTS);
  });

  afterAll(async () => {
    await loansDb?.end();
    await suite.stopAll();
  }, 60_000);

  describe('looking a loan up', () => {
    it("given the test loans, when the teller looks them up, then the counter sees the bank's figures; an unknown loan is 404", async () => {
      const current = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.current.loanNo}`);
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({
        loanNo: TEST_LOANS.current.loanNo,
        borrowerName: 'WARSITO',
        product: 'KUR',
        status: 'ACTIVE',
        installmentDue: 1_250_000,
        installmentsInArrears: 0,
        maxPayment: 1_250_000,
      });
      const arrears = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.inArrears.loanNo}`);
      expect(arrears.body).toMatchObject({
        borrowerName: 'SRI WAHYUNI',
        product: 'KUPEDES',
        installmentsInArrears: 2,
        penalty: 45_000,
        maxPayment: 2_295_000,
      });
      const closed = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.closed.loanNo}`);
      expect(closed.body).toMatchObject({ status: 'CLOSED' });

      const unknown = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.unknown}`);
      expect(unknown.status).toBe(404);
      const malformed = await gedawang.teller.get('/loans/accounts/12345');
      expect(malformed.status).toBe(400);
      expect(malformed.body.details[0].field).toBe('loanNo');
    });

    it('given the bank is down or does not answer, when the teller looks a loan up or collects, then 503 says so and nothing is recorded', async () => {
      const before = await collectedCount();
      await bankFaults({ down: true });
      const lookup = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.current.loanNo}`);
      expect(lookup.status).toBe(503);
      expect(lookup.body).toMatchObject({ error: 'BANK_UNAVAILABLE' });
      expect(lookup.body.message).toMatch(/bank/i);
      const collectWhileDown = await collect(gedawang.teller, TEST_LOANS.current.loanNo, 1_250_000);
      expect(collectWhileDown.status).toBe(503);

      await bankFaults({
        down: false,
        faultByLoan: { [TEST_LOANS.current.loanNo]: 'TIMEOUT' },
        hangMs: 10_000,
      });
      const startedMs = Date.now();
      const hanging = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.current.loanNo}`);
      expect(hanging.status).toBe(503);
      expect(Date.now() - startedMs).toBeLessThan(6_000);
      expect(await collectedCount()).toBe(before);
      const list = await gedawang.supervisor.get(`/loans/collections?date=${wibToday()}`);
      expect(
        list.body.collections.filter((c: any) => c.loanNo === TEST_LOANS.current.loanNo),
      ).toHaveLength(0);
    });
  });

  describe('collecting', () => {
    it('given partial payments are not agreed for KUR, when less than an installment, zero, negative, fractional, too much or on a closed or unknown loan is offered, then each is refused and nothing is recorded', async () => {
      const before = await collectedCount();
      const refusals: [string, unknown, number, string][] = [
        [TEST_LOANS.current.loanNo, 1_000_000, 422, 'PARTIAL_NOT_ALLOWED'],
        [TEST_LOANS.current.loanNo, 1_250_001, 422, 'OVERPAYMENT'],
        [TEST_LOANS.closed.loanNo, 100_000, 422, 'LOAN_CLOSED'],
        [TEST_LOANS.unknown, 100_000, 404, 'LOAN_NOT_FOUND'],
        [TEST_LOANS.current.loanNo, 0, 400, 'VALIDATION_FAILED'],
        [TEST_LOANS.current.loanNo, -1_250_000, 400, 'VALIDATION_FAILED'],
        [TEST_LOANS.current.loanNo, 1_250_000.5, 400, 'VALIDATION_FAILED'],
        [TEST_LOANS.current.loanNo, '1250000', 400, 'VALIDATION_FAILED'],
      ];
      for (const [loanNo, amount, status, code] of refusals) {
        const response = await collect(gedawang.teller, loanNo, amount);
        expect({ loanNo, amount, status: response.status, error: response.body.error }).toEqual({
          loanNo,
          amount,
          status,
          error: code,
        });
        expect(typeof response.body.message).toBe('string');
      }
      expect(await collectedCount()).toBe(before);
    });

    it('given a current KUR loan, when the whole installment is collected, then the receipt shows it with the Rp2.500 fee the bank pays, and the bank is told once', async () => {
      const response = await collect(gedawang.teller, TEST_LOANS.current.loanNo, 1_250_000);
      expect(response.status).toBe(201);
      const { collectionId, receipt } = response.body;
      expect(receipt).toMatchObject({
        collectionId,
        loanNo: TEST_LOANS.current.loanNo,
        borrowerName: 'WARSITO',
        product: 'KUR',
        amount: 1_250_000,
        fee: 2_500,
        feeMode: 'BANK_PAYS',
        feeStatus: 'RECEIVABLE_FROM_BANK',
        koperasiId: gedawang.id,
      });
      expect(receipt.collectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(receipt.period).toMatch(/^\d{4}-\d{2}$/);

      await waitFor(
        'the bank to acknowledge the notice',
        async () =>
          (await collection(gedawang.teller, collectionId)).noticeStatus === 'ACKNOWLEDGED',
      );
      const counted = await sim('GET', `/admin/bank/collections?reference=${collectionId}`);
      expect(counted.total).toBe(1);
      expect(counted.collections[0].notice).toMatchObject({
        loan_no: TEST_LOANS.current.loanNo,
        amount_rp: 1_250_000,
      });
      const after = await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.current.loanNo}`);
      expect(after.body.maxPayment).toBe(0);
    });

    it('given a Kupedes loan in arrears, when part is paid and then the rest, then both are collected with 0.50% netted fees and one rupiah more is an overpayment', async () => {
      const partial = await collect(gedawang.teller, TEST_LOANS.inArrears.loanNo, 295_100);
      expect(partial.status).toBe(201);
      // 0.50% of 295.100 = 1.475,5, half up.
      expect(partial.body.receipt).toMatchObject({
        amount: 295_100,
        fee: 1_476,
        feeMode: 'NETTED',
        feeStatus: 'NETTED_FROM_REMITTANCE',
        borrowerName: 'SRI WAHYUNI',
      });
      // Two months in arrears before the month due: the part goes to the older one.
      const { period } = partial.body.receipt;
      const [olderMonth, lastMonth] = [addYearMonths(period, -2), addYearMonths(period, -1)];
      expect(partial.body.receipt.allocation).toEqual({
        arrears: 295_100,
        arrearsPeriods: [olderMonth],
        penalty: 0,
        current: 0,
        currentPeriod: period,
        ahead: 0,
      });
      await waitFor(
        'the first notice acknowledged',
        async () =>
          (await collection(gedawang.teller, partial.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      const rest = await collect(gedawang.teller, TEST_LOANS.inArrears.loanNo, 1_999_900);
      expect(rest.status).toBe(201);
      // 0.50% of 1.999.900 = 9.999,5, half up.
      expect(rest.body.receipt).toMatchObject({ amount: 1_999_900, fee: 10_000 });
      expect(rest.body.receipt.allocation).toEqual({
        arrears: 1_500_000 - 295_100,
        arrearsPeriods: [olderMonth, lastMonth],
        penalty: 45_000,
        current: 750_000,
        currentPeriod: period,
        ahead: 0,
      });
      // The printed struk says what the amount paid: the months in arrears, the denda and this month's installment.
      const printed = await printedReceipt(gedawang.teller, rest.body.collectionId);
      const total = printed.indexOf('JUMLAH SETOR         Rp1.999.900');
      expect(printed.slice(total - 4, total)).toEqual([
        'Tunggakan 2 bln      Rp1.204.900',
        `  ${olderMonth}, ${lastMonth}`,
        'Denda                   Rp45.000',
        `Angsuran ${period}       Rp750.000`,
      ]);
      const more = await collect(gedawang.teller, TEST_LOANS.inArrears.loanNo, 1);
      expect(more.status).toBe(422);
      expect(more.body.error).toBe('OVERPAYMENT');
      await waitFor(
        'both notices acknowledged',
        async () =>
          (await collection(gedawang.teller, rest.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      expect(
        (await gedawang.teller.get(`/loans/accounts/${TEST_LOANS.inArrears.loanNo}`)).body,
      ).toMatchObject({ maxPayment: 0, installmentsInArrears: 0, penalty: 0 });
    });

    it('given a supervisor agrees partial KUR payments, when a teller takes half an installment, then it is collected; tellers may not change agreements', async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUR');
      const refused = await collect(koperasi.teller, loan.loanNo, loan.installmentDue / 2);
      expect(refused.body.error).toBe('PARTIAL_NOT_ALLOWED');
      const byTeller = await koperasi.teller.call('PUT', '/loans/agreements/KUR', {
        fee: { kind: 'FIXED', amount: 3_000 },
        partialAllowed: true,
        feeMode: 'BANK_PAYS',
      });
      expect(byTeller.status).toBe(403);
      const bad = await koperasi.supervisor.call('PUT', '/loans/agreements/KUR', {
        fee: { kind: 'PERCENT', basisPoints: 5_000 },
        partialAllowed: true,
        feeMode: 'BANK_PAYS',
      });
      expect(bad.status).toBe(400);
      const set = await koperasi.supervisor.call('PUT', '/loans/agreements/KUR', {
        fee: { kind: 'PERCENT', basisPoints: 25 },
        partialAllowed: true,
        feeMode: 'NETTED',
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        product: 'KUR',
        agreed: true,
        partialAllowed: true,
        feeMode: 'NETTED',
        fee: { kind: 'PERCENT', basisPoints: 25 },
      });
      const half = await collect(koperasi.teller, loan.loanNo, 400_002);
      expect(half.status).toBe(201);
      // 0.25% of 400.002 = 1.000,005: half up stays 1.000.
      expect(half.body.receipt).toMatchObject({ amount: 400_002, fee: 1_000, feeMode: 'NETTED' });
      const agreements = await koperasi.auditor.get('/loans/agreements');
      expect(agreements.body.find((a: any) => a.product === 'KUPEDES')).toMatchObject({
        agreed: false,
        fee: { kind: 'PERCENT', basisPoints: 50 },
      });
    });

    it('given the same Idempotency-Key sent ten times at once, then one collection is made and all ten see it', async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUPEDES');
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => collect(koperasi.teller, loan.loanNo, 123_456, key)),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
      expect(new Set(responses.map((response) => response.body.collectionId)).size).toBe(1);
      const { rows } = await loansDb.query(
        `SELECT count(*)::int AS n FROM collections WHERE loan_no = $1`,
        [loan.loanNo],
      );
      expect(rows[0].n).toBe(1);
      const list = await koperasi.supervisor.get(`/loans/collections?date=${wibToday()}`);
      expect(list.body).toMatchObject({ count: 1, amount: 123_456 });
      const sameKeyOtherAmount = await collect(koperasi.teller, loan.loanNo, 100_000, key);
      expect(sameKeyOtherAmount.status).toBe(422);
    });

    it('given the bank goes down after the lookup, when the installment is collected, then it is recorded and the notice reaches the bank once after it returns', async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUR');
      // The lookup is judged when it arrives and answered after 1.5 s; the bank goes down in between.
      await bankFaults({ latencyMsByLoan: { [loan.loanNo]: 1_500 } });
      const pending = collect(koperasi.teller, loan.loanNo, loan.installmentDue);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await bankFaults({ down: true });
      const collected = await pending;
      expect(collected.status).toBe(201);
      const { collectionId } = collected.body;
      await waitFor(
        'notices refused while the bank is down',
        async () => (await bankRequests({ reference: collectionId })).total >= 2,
        20_000,
      );
      expect((await collection(koperasi.teller, collectionId)).noticeStatus).toBe('PENDING');
      expect((await sim('GET', `/admin/bank/collections?reference=${collectionId}`)).total).toBe(0);

      await bankFaults({ down: false, latencyMsByLoan: {} });
      const backAt = new Date().toISOString();
      await waitFor(
        'the notice acknowledged',
        async () =>
          (await collection(koperasi.teller, collectionId)).noticeStatus === 'ACKNOWLEDGED',
        30_000,
      );
      // A moment for any stray duplicate to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await bankRequests({ reference: collectionId, since: backAt })).total).toBe(1);
      expect((await sim('GET', `/admin/bank/collections?reference=${collectionId}`)).total).toBe(1);
      const { rows } = await loansDb.query(
        `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'CollectionNoticeAcknowledged'`,
        [`collection-${collectionId}`],
      );
      expect(rows[0].n).toBe(1);
    });

    it('given a collection, when the receipt is asked for as JSON and as HTML, then both show it, 32 characters wide; another koperasi gets 404 and an auditor reads but cannot collect', async () => {
      const loan = await generatedLoan(gedawang.teller, 'KUPEDES');
      const collected = await collect(gedawang.teller, loan.loanNo, 250_000);
      const { collectionId } = collected.body;
      const json = await gedawang.auditor.get(`/loans/installments/${collectionId}/receipt`);
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({
        collectionId,
        amount: 250_000,
        fee: 1_250,
        tellerName: fullNameOf('teller.pinjaman1'),
        koperasiName: 'KKMP Pinjaman 1',
      });

      const printed = await printedReceipt(gedawang.teller, collectionId);
      expect(printed.every((line) => line.length <= 32)).toBe(true);
      expect(printed.join('\n')).toContain('Rp250.000');
      expect(printed.join('\n')).toContain(loan.loanNo);
      const token = (gedawang.teller as unknown as { token: string }).token;
      const byAccept = await fetch(
        `${suite.gatewayUrl}/loans/installments/${collectionId}/receipt`,
        {
          headers: { authorization: `Bearer ${token}`, accept: 'text/html' },
        },
      );
      expect(byAccept.headers.get('content-type')).toMatch(/text\/html/);

      expect(
        (await tegalsari.teller.get(`/loans/installments/${collectionId}/receipt`)).status,
      ).toBe(404);
      expect((await collect(gedawang.auditor, loan.loanNo, 250_000)).status).toBe(403);
      expect((await gedawang.auditor.post('/loans/remittances', {})).status).toBe(403);
    });
  });

  describe('remitting', () => {
    it('given collections in both fee modes, when the supervisor remits, then the bank confirms the batch and every collection is REMITTED', async () => {
      const koperasi = await newKoperasi();
      const kur = await generatedLoan(koperasi.teller, 'KUR');
      const kupedes = await generatedLoan(koperasi.teller, 'KUPEDES');
      const first = await collect(koperasi.teller, kur.loanNo, kur.installmentDue);
      const second = await collect(koperasi.teller, kupedes.loanNo, 200_000);
      expect([first.status, second.status]).toEqual([201, 201]);
      await waitFor('notices acknowledged', async () =>
        (
          await koperasi.supervisor.get(`/loans/collections?status=UNREMITTED`)
        ).body.collections.every((c: any) => c.noticeStatus === 'ACKNOWLEDGED'),
      );

      const closed = await closeRemittance(koperasi.supervisor);
      expect(closed).toMatchObject({
        status: 'SENT',
        collectionCount: 2,
        collected: kur.installmentDue + 200_000,
        feeNetted: 1_000,
        remit: kur.installmentDue + 199_000,
      });
      const confirmed = await remittanceWhen(koperasi.auditor, closed.remittanceId, 'CONFIRMED');
      expect(confirmed.collectionCount).toBe(2);
      const remitted = await koperasi.supervisor.get(
        `/loans/collections?date=${wibToday()}&status=REMITTED`,
      );
      expect(remitted.body).toMatchObject({ count: 2, amount: kur.installmentDue + 200_000 });
      expect(
        (await bankRequests({ path: `/bank/v1/remittances` })).requests.length,
      ).toBeGreaterThan(0);
      const nothing = await koperasi.supervisor.post('/loans/remittances', {});
      expect(nothing.status).toBe(422);
      expect(nothing.body.error).toBe('NOTHING_TO_REMIT');
      expect(
        (await tegalsari.supervisor.get(`/loans/remittances/${closed.remittanceId}`)).status,
      ).toBe(404);
    });

    it('given the bank rejects a batch, then its collections return to the pool and the next batch carries them to confirmation', async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUPEDES');
      const collected = await collect(koperasi.teller, loan.loanNo, 300_000);
      await waitFor(
        'notice acknowledged',
        async () =>
          (await collection(koperasi.teller, collected.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      await bankFaults({
        remittanceOutcome: 'REJECT',
        rejectReason: 'Rekening penampung tidak cocok',
      });
      const rejectedBatch = await closeRemittance(koperasi.supervisor);
      const rejected = await remittanceWhen(
        koperasi.supervisor,
        rejectedBatch.remittanceId,
        'REJECTED',
      );
      expect(rejected.reason).toBe('Rekening penampung tidak cocok');
      expect((await collection(koperasi.teller, collected.body.collectionId)).remittance).toBe(
        'UNREMITTED',
      );

      await bankFaults({ remittanceOutcome: 'CONFIRM' });
      const again = await closeRemittance(koperasi.supervisor);
      expect(again.remittanceId).not.toBe(rejectedBatch.remittanceId);
      expect(again).toMatchObject({
        collectionCount: 1,
        collected: 300_000,
        feeNetted: 1_500,
        remit: 298_500,
      });
      await remittanceWhen(koperasi.supervisor, again.remittanceId, 'CONFIRMED');
      expect((await collection(koperasi.teller, collected.body.collectionId)).remittance).toBe(
        'REMITTED',
      );
    });

    it("given the bank's answer to a batch is lost, then the batch is UNKNOWN until a status question finds it CONFIRMED, and it was sent once", async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUR');
      const collected = await collect(koperasi.teller, loan.loanNo, loan.installmentDue);
      await waitFor(
        'notice acknowledged',
        async () =>
          (await collection(koperasi.teller, collected.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      await bankFaults({ dropShare: 1 });
      const closed = await closeRemittance(koperasi.supervisor);
      await remittanceWhen(koperasi.supervisor, closed.remittanceId, 'UNKNOWN');
      await bankFaults({ dropShare: 0 });
      await remittanceWhen(koperasi.supervisor, closed.remittanceId, 'CONFIRMED');
      const posts = (await bankRequests({ path: '/bank/v1/remittances' })).requests;
      const statusQuestions = await bankRequests({
        path: `/bank/v1/remittances/${closed.remittanceId}`,
      });
      expect(statusQuestions.total).toBeGreaterThanOrEqual(1);
      expect(
        posts.filter((request: any) => request.batch_ref === closed.remittanceId),
      ).toHaveLength(1);
    });

    it('given a batch that never reached the bank, then the status question finds it NOT_FOUND and the same batch is sent again', async () => {
      const koperasi = await newKoperasi();
      const loan = await generatedLoan(koperasi.teller, 'KUR');
      const collected = await collect(koperasi.teller, loan.loanNo, loan.installmentDue);
      await waitFor(
        'notice acknowledged',
        async () =>
          (await collection(koperasi.teller, collected.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      // A timeout: the bank hangs, drops the connection and does nothing.
      await bankFaults({ timeoutShare: 1, hangMs: 200 });
      const closed = await closeRemittance(koperasi.supervisor);
      await remittanceWhen(koperasi.supervisor, closed.remittanceId, 'UNKNOWN');
      await bankFaults({ timeoutShare: 0 });
      await remittanceWhen(koperasi.supervisor, closed.remittanceId, 'CONFIRMED');
      const posts = (await bankRequests({ path: '/bank/v1/remittances' })).requests.filter(
        (request: any) => request.batch_ref === closed.remittanceId,
      );
      expect(posts.length).toBeGreaterThanOrEqual(2);
      const { rows } = await loansDb.query(
        `SELECT count(*)::int AS n FROM remittances WHERE koperasi_id = $1`,
        [koperasi.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('given five supervisors close batches at once while the bank holds them, then every collection is in exactly one open batch', async () => {
      const koperasi = await newKoperasi();
      const collectionIds: string[] = [];
      for (let index = 0; index < 6; index++) {
        const loan = await generatedLoan(koperasi.teller, 'KUPEDES');
        const collected = await collect(koperasi.teller, loan.loanNo, 100_000 + index);
        expect(collected.status).toBe(201);
        collectionIds.push(collected.body.collectionId);
      }
      await waitFor('notices acknowledged', async () =>
        (
          await koperasi.supervisor.get(`/loans/collections?status=UNREMITTED`)
        ).body.collections.every((c: any) => c.noticeStatus === 'ACKNOWLEDGED'),
      );
      await bankFaults({ remittanceOutcome: 'HOLD' });
      const closes = await Promise.all(
        Array.from({ length: 5 }, () => koperasi.supervisor.post('/loans/remittances', {})),
      );
      const batches = closes
        .filter((response) => response.status === 201)
        .map((response) => response.body as Remittance);
      const refused = closes.filter((response) => response.status !== 201);
      expect(
        refused.every(
          (response) => response.status === 422 && response.body.error === 'NOTHING_TO_REMIT',
        ),
      ).toBe(true);
      expect(batches.reduce((sum, batch) => sum + batch.collectionCount, 0)).toBe(6);
      const { rows } = await loansDb.query<{ collection_id: string; live: number }>(
        `SELECT c.collection_id, count(i.remittance_id) FILTER (WHERE i.active)::int AS live
         FROM collections c LEFT JOIN remittance_items i ON i.collection_id = c.collection_id
         WHERE c.koperasi_id = $1 GROUP BY c.collection_id`,
        [koperasi.id],
      );
      expect(rows.map((row) => row.live)).toEqual(Array(6).fill(1));
      // And the database itself refuses a second live batch for a collection.
      const stray = randomUUID();
      await loansDb.query(
        `INSERT INTO remittances (remittance_id, koperasi_id, status, collection_count, collected_rp, fee_netted_rp, remit_rp, supervisor_id, closed_at)
         VALUES ($1, $2, 'REJECTED', 0, 0, 0, 0, 'test', now())`,
        [stray, koperasi.id],
      );
      await expect(
        loansDb.query(
          `INSERT INTO remittance_items (remittance_id, collection_id) VALUES ($1, $2)`,
          [stray, collectionIds[0]],
        ),
      ).rejects.toThrow(/remittance_items_one_live_batch/);
      await bankFaults({ remittanceOutcome: 'CONFIRM' });
      for (const batch of batches)
        await remittanceWhen(koperasi.supervisor, batch.remittanceId, 'CONFIRMED');
    });
  });

  describe('restarts', () => {
    it('given the loans service is killed with a notice undelivered and a batch held at the bank, when it starts again, then it delivers the notice once and follows the batch to confirmation', async () => {
      const koperasi = await newKoperasi();
      const remitted = await generatedLoan(koperasi.teller, 'KUR');
      const first = await collect(koperasi.teller, remitted.loanNo, remitted.installmentDue);
      await waitFor(
        'notice acknowledged',
        async () =>
          (await collection(koperasi.teller, first.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
      );
      await bankFaults({ remittanceOutcome: 'HOLD' });
      const held = await closeRemittance(koperasi.supervisor);
      await waitFor('the bank to hold the batch', async () =>
        (await bankRequests({ path: '/bank/v1/remittances' })).requests.some(
          (r: any) => r.batch_ref === held.remittanceId,
        ),
      );

      const loan = await generatedLoan(koperasi.teller, 'KUPEDES');
      await bankFaults({ latencyMsByLoan: { [loan.loanNo]: 1_500 } });
      const pending = collect(koperasi.teller, loan.loanNo, 150_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await bankFaults({ down: true });
      const collected = await pending;
      expect(collected.status).toBe(201);
      await waitFor(
        'a notice refused',
        async () => (await bankRequests({ reference: collected.body.collectionId })).total >= 1,
        20_000,
      );

      suite.kill('loans');
      await bankFaults({ down: false, latencyMsByLoan: {}, remittanceOutcome: 'CONFIRM' });
      const backAt = new Date().toISOString();
      await suite.start('loans');
      await waitFor(
        'the notice acknowledged after the restart',
        async () =>
          (await collection(koperasi.teller, collected.body.collectionId)).noticeStatus ===
          'ACKNOWLEDGED',
        30_000,
      );
      await remittanceWhen(koperasi.supervisor, held.remittanceId, 'CONFIRMED');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(
        (await bankRequests({ reference: collected.body.collectionId, since: backAt })).total,
      ).toBe(1);
      const posts = (await bankRequests({ path: '/bank/v1/remittances' })).requests.filter(
        (r: any) => r.batch_ref === held.remittanceId,
      );
      expect(posts).toHaveLength(1);
    }, 120_000);
  });

  describe('books', () => {
    it('given collections in both fee modes remitted and confirmed, then the liability to the bank (212000) is zero and the trial balance balances', async () => {
      const koperasi = await newKoperasi();
      const kur = await generatedLoan(koperasi.teller, 'KUR');
      const kupedes = await generatedLoan(koperasi.teller, 'KUPEDES');
      await collect(koperasi.teller, kur.loanNo, kur.installmentDue);
      await collect(koperasi.teller, kupedes.loanNo, 400_000);
      await waitFor('notices acknowledged', async () =>
        (
          await koperasi.supervisor.get(`/loans/collections?status=UNREMITTED`)
        ).body.collections.every((c: any) => c.noticeStatus === 'ACKNOWLEDGED'),
      );
      const closed = await closeRemittance(koperasi.supervisor);
      await remittanceWhen(koperasi.supervisor, closed.remittanceId, 'CONFIRMED');
      const line = (balance: TrialBalance, code: string) =>
        balance.lines.find((candidate) => candidate.code === code) ?? { debit: 0, credit: 0 };
      let books: TrialBalance | undefined;
      await waitFor(
        'the ledger to post the remittance',
        async () => {
          books = (await koperasi.supervisor.get<TrialBalance>('/ledger/trial-balance')).body;
          return line(books, '112100').credit === closed.remit;
        },
        45_000,
      );
      expect(books!.totalDebit).toBe(books!.totalCredit);
      expect(line(books!, '212000')).toMatchObject({ debit: 0, credit: 0 });
      expect(line(books!, '111000').debit).toBe(kur.installmentDue + 400_000);
      expect(line(books!, '112100').credit).toBe(kur.installmentDue + 400_000 - 2_000);
      expect(line(books!, '420000').credit).toBe(2_500 + 2_000);
      expect(line(books!, '114100').debit).toBe(2_500);
    });
  });
});
