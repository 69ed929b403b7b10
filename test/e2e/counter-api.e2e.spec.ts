import { waitFor } from '@koperasi/testing';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

/** The counter app's API: names on users and receipts, supervisors staffing their counter, the day's work, CA/CU prints. */

const RECEIPT_WIDTH = 32;
const TELLER_NAME = 'Siti Rahmawati';

interface Payment {
  paymentId: string;
  refId: string;
  status: 'PROCESSING' | 'PENDING' | 'SUCCESS' | 'FAILED';
  refund: 'OWED' | 'PAID' | null;
}

interface Print {
  kind: string;
  id: string;
  copy: 'CA' | 'CU';
  printedAt: string;
  printCount: number;
  lines: string[];
  /** Set on refusals. */
  error?: string;
  message?: string;
}

interface Today {
  date: string;
  tellerId: string;
  tellerName: string;
  totals: { kind: string; count: number; amount: number }[];
  transactions: {
    kind: string;
    id: string;
    time: string;
    amount: number;
    status: string;
    description: string;
    reference: string;
    partnerRef: string | null;
    receipt: { kind: string; id: string } | null;
  }[];
  ppobDeposit: { available: number; balance: number };
  ppobPending: {
    count: number;
    payments: { paymentId: string; status: string; tellerName: string }[];
  };
  ppobRefundsOwed: { count: number; payments: { paymentId: string; refund: string }[] };
}

function wibToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Valid Semarang NIKs (33 74 01): a man born 15-08-1990 and serial `serial`. */
function nik(serial: number): string {
  return `337401150890${String(serial).padStart(4, '0')}`;
}

let meterSerial = 0;
function freshMeter(): string {
  meterSerial += 1;
  return `148${String(Date.now() % 100_000).padStart(5, '0')}${String(meterSerial).padStart(3, '0')}`;
}

function expectPrintable(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    expect(typeof line).toBe('string');
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
  }
}

describe('counter API end to end: names, supervisors creating tellers, the day at the counter, CA/CU receipts', () => {
  const suite = new SuiteHarness();
  let admin: ApiClient;
  let supervisor: ApiClient;
  let teller: ApiClient;
  let otherTeller: ApiClient;
  let gedawangId: string;
  let tegalsariId: string;
  let tellerId: string;
  /** What the teller did, for the day's view and the prints. */
  const done: {
    pokokEventId?: string;
    depositEventId?: string;
    paymentId?: string;
    refId?: string;
    collectionId?: string;
    installment?: number;
  } = {};
  let pendingPaymentId: string;
  let failedPaymentId: string;

  const sim = <T = any>(method: string, path: string, body?: unknown) =>
    suite.partnerSim<T>(method, path, body);

  const forceOutcome = (customerNo: string, outcome: string) =>
    sim('PUT', '/admin/aggregator/faults', { outcomeByCustomer: { [customerNo]: outcome } });

  async function paymentWhen(
    client: ApiClient,
    paymentId: string,
    status: Payment['status'],
  ): Promise<Payment> {
    let last: Payment | null = null;
    await waitFor(
      `payment ${paymentId} to be ${status}`,
      async () => {
        last = (await client.get<Payment>(`/billpay/payments/${paymentId}`)).body;
        return last.status === status;
      },
      30_000,
    );
    return last as unknown as Payment;
  }

  const print = (client: ApiClient, kind: string, id: string): Promise<ApiResponse<Print>> =>
    client.post<Print>(`/receipts/${kind}/${id}/prints`, {}, null);

  beforeAll(async () => {
    await suite.startAll(['partner-sim', 'members', 'billpay', 'loans', 'gateway']);
    admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const ids: string[] = [];
    for (const [code, name, kelurahan, kecamatan] of [
      ['GDW', 'KKMP Gedawang', 'Gedawang', 'Banyumanik'],
      ['TGS', 'KKMP Tegalsari', 'Tegalsari', 'Candisari'],
    ]) {
      const created = await admin.post('/koperasi', {
        code,
        name,
        kelurahan,
        kecamatan,
        kotaKabupaten: 'Kota Semarang',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    [gedawangId, tegalsariId] = ids;
    for (const [username, fullName, role, koperasiId] of [
      ['supervisor.gedawang', 'Bambang Sutrisno', 'supervisor', gedawangId],
      ['teller.tegalsari', 'Agus Setiawan', 'teller', tegalsariId],
    ]) {
      const created = await admin.post('/users', {
        username,
        fullName,
        password: DEMO_PASSWORD,
        role,
        koperasiId,
      });
      expect(created.status).toBe(201);
    }
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.gedawang', DEMO_PASSWORD);
    otherTeller = await new ApiClient(suite.gatewayUrl).login('teller.tegalsari', DEMO_PASSWORD);

    // The aggregator's deposit and ours start from the same transfer, so PPOB payments can be taken.
    await sim('PUT', '/admin/aggregator/faults', { cutOffWib: null, callbackDelayMs: 600_000 });
    await sim('PUT', '/admin/aggregator/deposit', { balanceRp: 0 });
    await sim('POST', '/admin/aggregator/deposit/topups', {
      amountRp: 5_000_000,
      ref: 'BRI-GDW-COUNTER',
    });
    const topUp = await supervisor.post('/billpay/deposit/topups', {
      amount: 5_000_000,
      bankTransferRef: 'BRI-GDW-COUNTER',
    });
    expect(topUp.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  describe('users and login', () => {
    it('given the admin, when a user is created without a valid fullName, then 400 names the field', async () => {
      const base = {
        username: 'teller.noname',
        password: DEMO_PASSWORD,
        role: 'teller',
        koperasiId: gedawangId,
      };
      for (const fullName of [undefined, 'S', 'R2D2 Droid', '<script>', 'x'.repeat(101)]) {
        const response = await admin.post<any>('/users', { ...base, fullName });
        expect(response.status).toBe(400);
        expect(response.body.error).toBe('VALIDATION_FAILED');
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
          'fullName',
        );
      }
    });

    it('given a supervisor, when it creates a teller without naming a koperasi, then the teller is in its koperasi with the trimmed full name', async () => {
      const created = await supervisor.post<any>('/users', {
        username: 'teller.gedawang',
        fullName: `  Siti   Rahmawati `,
        password: DEMO_PASSWORD,
        role: 'teller',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: 'teller.gedawang',
        fullName: TELLER_NAME,
        role: 'teller',
        koperasiId: gedawangId,
        kotaKabupaten: null,
      });
      tellerId = created.body.id;
      const again = await supervisor.post<any>('/users', {
        username: 'teller.gedawang2',
        fullName: "Dewi O'Neil-Putri",
        password: DEMO_PASSWORD,
        role: 'teller',
        koperasiId: gedawangId,
      });
      expect(again.status).toBe(201);
      expect(again.body.fullName).toBe("Dewi O'Neil-Putri");
      teller = await new ApiClient(suite.gatewayUrl).login('teller.gedawang', DEMO_PASSWORD);
    });

    it('given a supervisor, when it asks for another role or another koperasi, then 403 says what it may do; a teller may not create users', async () => {
      const base = { fullName: 'Rina Wati', password: DEMO_PASSWORD };
      const asSupervisor = await supervisor.post<any>('/users', {
        ...base,
        username: 'supervisor.baru',
        role: 'supervisor',
      });
      expect(asSupervisor.status).toBe(403);
      expect(asSupervisor.body.message).toMatch(/only tellers/);
      const asAuditor = await supervisor.post<any>('/users', {
        ...base,
        username: 'auditor.baru',
        role: 'auditor',
      });
      expect(asAuditor.status).toBe(403);
      const elsewhere = await supervisor.post<any>('/users', {
        ...base,
        username: 'teller.lain',
        role: 'teller',
        koperasiId: tegalsariId,
      });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body).toMatchObject({
        error: 'FORBIDDEN',
        details: [{ field: 'koperasiId' }],
      });
      expect(elsewhere.body.message).toMatch(/own koperasi/);
      const byTeller = await teller.post<any>('/users', {
        ...base,
        username: 'teller.ketiga',
        role: 'teller',
      });
      expect(byTeller.status).toBe(403);
      for (const username of ['supervisor.baru', 'auditor.baru', 'teller.lain', 'teller.ketiga']) {
        expect(
          (await admin.call('POST', '/auth/login', { username, password: DEMO_PASSWORD })).status,
        ).toBe(401);
      }
    });

    it('given the new teller, when it logs in, then the answer carries its full name, role, koperasi and name, and when the token expires', async () => {
      const before = Date.now();
      const login = await admin.call<any>('POST', '/auth/login', {
        username: 'teller.gedawang',
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toEqual({
        id: tellerId,
        username: 'teller.gedawang',
        fullName: TELLER_NAME,
        role: 'teller',
        koperasiId: gedawangId,
        koperasiName: 'KKMP Gedawang',
        kotaKabupaten: null,
      });
      expect(login.body.expiresIn).toBe(900);
      const expiresAt = Date.parse(login.body.expiresAt);
      expect(new Date(expiresAt).toISOString()).toBe(login.body.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + 899_000 - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000 + 1000);
      const adminLogin = await admin.call<any>('POST', '/auth/login', {
        username: 'admin',
        password: DEMO_PASSWORD,
      });
      expect(adminLogin.body.user).toMatchObject({
        role: 'admin',
        koperasiId: null,
        koperasiName: null,
      });
      expect(typeof adminLogin.body.user.fullName).toBe('string');
    });
  });

  describe("the teller's day", () => {
    it('given a sukarela deposit, a PPOB payment and an installment by the teller, then /counter/today shows each with the right totals', async () => {
      const registered = await teller.post('/members', {
        nik: nik(1),
        fullName: 'Budi Santoso',
        address: 'Jl. Gedawang Raya 1',
        kelurahan: 'Gedawang',
      });
      expect(registered.status).toBe(201);
      const memberId = registered.body.id as string;
      const pokok = await teller.post(`/members/${memberId}/simpanan-pokok`, { amount: 25_000 });
      expect(pokok.status).toBe(200);
      done.pokokEventId = pokok.body.eventId;
      const deposit = await teller.post(`/members/${memberId}/simpanan-sukarela/deposits`, {
        amount: 150_000,
      });
      expect(deposit.status).toBe(200);
      expect(deposit.body).toMatchObject({
        memberId,
        amount: 150_000,
        savings: { pokok: 25_000, sukarela: 150_000 },
      });
      done.depositEventId = deposit.body.eventId;

      const meter = freshMeter();
      await forceOutcome(meter, 'SUCCESS');
      const paid = await teller.post<Payment>('/billpay/payments', {
        productCode: 'PLN20',
        customerNo: meter,
      });
      expect(paid.status).toBeLessThan(300);
      done.paymentId = (await paymentWhen(teller, paid.body.paymentId, 'SUCCESS')).paymentId;
      done.refId = paid.body.refId;

      const loan = await teller.get(`/loans/accounts/${TEST_LOANS.current.loanNo}`);
      expect(loan.status).toBe(200);
      done.installment = loan.body.installmentDue as number;
      const collected = await teller.post('/loans/installments', {
        loanNo: TEST_LOANS.current.loanNo,
        amount: done.installment,
      });
      expect(collected.status).toBe(201);
      done.collectionId = collected.body.collectionId;

      // The supervisor's own work is not the teller's.
      const supervisorDeposit = await supervisor.post(
        `/members/${memberId}/simpanan-sukarela/deposits`,
        { amount: 5_000 },
      );
      expect(supervisorDeposit.status).toBe(200);

      const today = await teller.get<Today>('/counter/today');
      expect(today.status).toBe(200);
      expect(today.body).toMatchObject({ date: wibToday(), tellerId, tellerName: TELLER_NAME });
      expect(today.body.totals).toEqual([
        { kind: 'simpanan_pokok', count: 1, amount: 25_000 },
        { kind: 'simpanan_wajib', count: 0, amount: 0 },
        { kind: 'simpanan_sukarela_setor', count: 1, amount: 150_000 },
        { kind: 'simpanan_sukarela_tarik', count: 0, amount: 0 },
        { kind: 'ppob', count: 1, amount: 22_500 },
        { kind: 'angsuran', count: 1, amount: done.installment },
      ]);
      const byId = new Map(
        today.body.transactions.map((transaction) => [transaction.id, transaction]),
      );
      expect(today.body.transactions).toHaveLength(4);
      expect(byId.get(done.depositEventId!)).toMatchObject({
        kind: 'simpanan_sukarela_setor',
        amount: 150_000,
        status: 'SUCCESS',
        reference: done.depositEventId,
        receipt: { kind: 'simpanan', id: done.depositEventId },
      });
      expect(byId.get(done.depositEventId!)!.description).toContain('Budi Santoso');
      expect(byId.get(done.depositEventId!)!.description).toMatch(/GDW-\d+/);
      expect(byId.get(done.paymentId!)).toMatchObject({
        kind: 'ppob',
        amount: 22_500,
        status: 'SUCCESS',
        receipt: { kind: 'ppob', id: done.paymentId },
      });
      expect(byId.get(done.paymentId!)!.description).toContain(meter);
      expect(byId.get(done.collectionId!)).toMatchObject({
        kind: 'angsuran',
        amount: done.installment,
        status: 'SUCCESS',
        receipt: { kind: 'angsuran', id: done.collectionId },
      });
      expect(byId.get(done.collectionId!)!.description).toContain(TEST_LOANS.current.loanNo);
      expect(byId.get(done.collectionId!)!.description).toContain('WARSITO');
      const times = today.body.transactions.map((transaction) => transaction.time);
      expect([...times].sort().reverse()).toEqual(times);
      expect(today.body.ppobDeposit.balance).toBeGreaterThan(0);
      expect(today.body.ppobDeposit.available).toBeLessThanOrEqual(today.body.ppobDeposit.balance);
      expect(today.body.ppobPending).toEqual({ count: 0, payments: [] });

      const explicit = await teller.get<Today>(`/counter/today?date=${wibToday()}`);
      expect(explicit.body.totals).toEqual(today.body.totals);
      const yesterday = await teller.get<Today>('/counter/today?date=2020-01-01');
      expect(yesterday.status).toBe(200);
      expect(yesterday.body.transactions).toEqual([]);

      const supervisorsDay = await supervisor.get<Today>('/counter/today');
      expect(supervisorsDay.status).toBe(200);
      expect(supervisorsDay.body.transactions.map((transaction) => transaction.amount)).toEqual([
        5_000,
      ]);
      const otherDay = await otherTeller.get<Today>('/counter/today');
      expect(otherDay.status).toBe(200);
      expect(otherDay.body.transactions).toEqual([]);
      expect(otherDay.body.totals.every((total) => total.count === 0 && total.amount === 0)).toBe(
        true,
      );
    }, 120_000);

    it('given a pending and a failed PPOB payment, then the day lists them, counts only the pending one, and the koperasi sees both', async () => {
      const pendingMeter = freshMeter();
      await forceOutcome(pendingMeter, 'PENDING_THEN_SUCCESS');
      const pending = await teller.post<Payment>('/billpay/payments', {
        productCode: 'PLN20',
        customerNo: pendingMeter,
      });
      expect(pending.status).toBe(202);
      pendingPaymentId = pending.body.paymentId;
      const failedMeter = freshMeter();
      await forceOutcome(failedMeter, 'FAILED');
      const failed = await teller.post<Payment>('/billpay/payments', {
        productCode: 'PLN20',
        customerNo: failedMeter,
      });
      expect(failed.body).toMatchObject({ status: 'FAILED', refund: 'OWED' });
      failedPaymentId = failed.body.paymentId;

      const today = (await teller.get<Today>('/counter/today')).body;
      expect(today.totals.find((total) => total.kind === 'ppob')).toEqual({
        kind: 'ppob',
        count: 2,
        amount: 45_000,
      });
      const listed = today.transactions.filter((transaction) => transaction.kind === 'ppob');
      expect(listed.map((transaction) => transaction.status).sort()).toEqual([
        'FAILED',
        'PENDING',
        'SUCCESS',
      ]);
      expect(listed.find((transaction) => transaction.id === pendingPaymentId)!.receipt).toBeNull();
      expect(today.ppobPending.count).toBe(1);
      expect(today.ppobPending.payments[0]).toMatchObject({
        paymentId: pendingPaymentId,
        status: 'PENDING',
        tellerName: TELLER_NAME,
      });
      expect(today.ppobRefundsOwed.count).toBe(1);
      expect(today.ppobRefundsOwed.payments[0]).toMatchObject({
        paymentId: failedPaymentId,
        refund: 'OWED',
      });
      // The koperasi's PPOB worries are the supervisor's too.
      const supervisorsDay = (await supervisor.get<Today>('/counter/today')).body;
      expect(supervisorsDay.ppobPending.count).toBe(1);
      expect(supervisorsDay.ppobRefundsOwed.count).toBe(1);
    }, 60_000);

    it.each([['2026-02-30'], ['2026-13-01'], ['22-11-2026'], ['today']])(
      'given date=%s, then 400 says to write a real date',
      async (date) => {
        const response = await teller.get<any>(`/counter/today?date=${date}`);
        expect(response.status).toBe(400);
        expect(response.body.error).toBe('VALIDATION_FAILED');
        expect(response.body.message).toContain('date');
        expect(response.body.details[0].field).toBe('date');
      },
    );

    it('given the admin, who has no counter, then /counter/today is refused', async () => {
      expect((await admin.get('/counter/today')).status).toBe(403);
    });
  });

  describe('receipts printed with CA/CU', () => {
    it.each([
      [
        'simpanan',
        () => done.depositEventId!,
        ['BUKTI SETOR SIMPANAN', 'Budi Santoso', 'Rp150.000', 'Simpanan Sukarela'],
      ],
      ['ppob', () => done.paymentId!, ['PLN', 'Rp22.500']],
      [
        'angsuran',
        () => done.collectionId!,
        ['BUKTI SETORAN ANGSURAN', 'WARSITO', TEST_LOANS.current.loanNo],
      ],
    ])(
      'given a %s transaction, when printed twice, then first CA then CU with the time, 32 columns, the koperasi and the teller by full name',
      async (kind, idOf, words) => {
        const id = idOf();
        const partnerRefs: string[] = [];
        if (kind === 'angsuran') {
          // The bank's reference prints once the bank acknowledged the collection notice; wait so both prints carry it.
          let bankRef: string | null = null;
          await waitFor(
            'the bank to acknowledge the collection',
            async () => {
              bankRef = (await teller.get<any>(`/loans/installments/${id}/receipt`)).body.bankRef;
              return typeof bankRef === 'string';
            },
            30_000,
          );
          partnerRefs.push(bankRef!);
        }
        const first = await print(teller, kind, id);
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({ kind, id, copy: 'CA', printCount: 1 });
        expectPrintable(first.body.lines);
        expect(first.body.lines[first.body.lines.length - 1]).toBe('CA');
        const text = first.body.lines.join('\n');
        expect(text).toContain('KKMP GEDAWANG');
        expect(text).toContain(TELLER_NAME);
        expect(text).not.toContain('teller.gedawang');
        expect(text).toContain('WIB');
        for (const word of words) expect(text).toContain(word);
        // Our reference, whole even when wrapped over two lines.
        expect(first.body.lines.join('').replace(/\s/g, '')).toContain(
          kind === 'ppob' ? done.refId! : id,
        );
        for (const ref of partnerRefs)
          expect(first.body.lines.join('').replace(/\s/g, '')).toContain(ref.replace(/\s/g, ''));

        const second = await print(supervisor, kind, id);
        expect(second.status).toBe(201);
        expect(second.body).toMatchObject({ copy: 'CU', printCount: 2 });
        expectPrintable(second.body.lines);
        const mark = second.body.lines[second.body.lines.length - 1];
        expect(mark).toMatch(/^CU {2}\d{2}-\d{2}-\d{4} \d{2}:\d{2} WIB$/);
        const wib = new Date(Date.parse(second.body.printedAt) + 7 * 3600_000).toISOString();
        expect(mark).toBe(
          `CU  ${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`,
        );
        expect(second.body.lines.slice(0, -1)).toEqual(first.body.lines.slice(0, -1));
        expect(Date.parse(second.body.printedAt)).toBeGreaterThanOrEqual(
          Date.parse(first.body.printedAt),
        );
      },
    );

    it('given a receipt not printed yet, when two counters print it at the same moment, then exactly one is the original', async () => {
      const prints = await Promise.all(
        [1, 2, 3, 4].map(() => print(teller, 'simpanan', done.pokokEventId!)),
      );
      for (const response of prints) expect(response.status).toBe(201);
      expect(prints.filter((response) => response.body.copy === 'CA')).toHaveLength(1);
      expect(prints.map((response) => response.body.printCount).sort()).toEqual([1, 2, 3, 4]);
      const original = prints.find((response) => response.body.copy === 'CA')!;
      expect(original.body.lines.join('\n')).toContain('Simpanan Pokok');
      expect(original.body.lines.join('\n')).toContain('Rp25.000');
    });

    it("given another koperasi's transaction, when its teller prints it, then 404, and nothing is recorded as printed", async () => {
      for (const [kind, id] of [
        ['simpanan', done.depositEventId!],
        ['ppob', done.paymentId!],
        ['angsuran', done.collectionId!],
      ]) {
        const response = await print(otherTeller, kind, id);
        expect(response.status).toBe(404);
        expect(typeof response.body.message).toBe('string');
      }
      const unknown = await print(teller, 'simpanan', '00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
    });

    it('given a PPOB payment not successful, a wrong kind, or the admin, then a 4xx says why', async () => {
      const pending = await print(teller, 'ppob', pendingPaymentId);
      expect(pending.status).toBe(409);
      expect(pending.body.error).toBe('RECEIPT_NOT_AVAILABLE');
      expect(pending.body.message).toMatch(/PENDING/);
      const failed = await print(teller, 'ppob', failedPaymentId);
      expect(failed.status).toBe(409);
      const wrongKind = await print(teller, 'pulsa', done.paymentId!);
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.message).toContain('ppob, angsuran, simpanan');
      expect((await print(admin, 'ppob', done.paymentId!)).status).toBe(403);
    });

    it('given the existing HTML receipts, then they name the teller by full name too', async () => {
      const installment = await teller.get<any>(`/loans/installments/${done.collectionId}/receipt`);
      expect(installment.status).toBe(200);
      expect(installment.body.tellerName).toBe(TELLER_NAME);
      const response = await fetch(
        `${suite.gatewayUrl}/billpay/payments/${done.paymentId}/receipt?format=html`,
        {
          headers: { authorization: `Bearer ${await loginToken('teller.gedawang')}` },
        },
      );
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(TELLER_NAME);
    });
  });

  async function loginToken(username: string): Promise<string> {
    const login = await admin.call<any>('POST', '/auth/login', {
      username,
      password: DEMO_PASSWORD,
    });
    return login.body.accessToken;
  }
});
