import { createHmac, randomUUID } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

// Short waits so pending payments and a restart resolve within a test's time; the status poll stays slower
// than partner-sim's callback delay so the callback test really is resolved by the callback.
process.env.BILLPAY_SCAN_INTERVAL_MS = '250';
process.env.BILLPAY_RESUME_AFTER_MS = '3000';
process.env.BILLPAY_STATUS_POLL_BASE_MS = '2000';
process.env.BILLPAY_STATUS_POLL_MAX_MS = '3000';

/**
 * The relays publish only below the server-wide oldest open transaction, so another suite's long transaction on
 * the same PostgreSQL delays the books; tests that wait for the ledger get this long, and twice that to run.
 */
const LEDGER_WAIT_MS = 60_000;
const LEDGER_TEST_MS = 2 * LEDGER_WAIT_MS;
const PLN = TEST_CUSTOMERS.plnPrepaid.valid.customerNo;
const IDPEL = TEST_CUSTOMERS.plnPostpaid.valid.customerNo;

interface Payment {
  paymentId: string;
  refId: string;
  status: 'PROCESSING' | 'PENDING' | 'SUCCESS' | 'FAILED';
  totalAmount: number;
  price: number | null;
  refund: 'OWED' | 'PAID' | null;
  resolvedBy: string | null;
  receipt: {
    refId: string;
    partnerRef: string | null;
    token: string | null;
    serialNo: string | null;
    customerName: string | null;
    subscriberId: string | null;
    segmentPower: string | null;
    kwh: string | null;
    billAmount: number;
    penalty: number;
    totalAmount: number;
  } | null;
  links: { self: string; receipt?: string };
  /** Set on refusals. */
  error?: string;
  message?: string;
}

/** A fresh 11-digit meter number partner-sim treats as a valid customer, one per test. */
let meterSerial = 0;
function freshMeter(): string {
  meterSerial += 1;
  return `147${String(Date.now() % 100_000).padStart(5, '0')}${String(meterSerial).padStart(3, '0')}`;
}

function wibToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

describe('PPOB bill payments end to end: gateway -> billpay -> partner-sim, callbacks, ledger', () => {
  const suite = new SuiteHarness();
  let teller: ApiClient;
  let supervisor: ApiClient;
  let auditor: ApiClient;
  let otherTeller: ApiClient;
  let otherSupervisor: ApiClient;
  /** Every payment's outcome and fee, for the books at the end. */
  const paid: { status: Payment['status']; fee: number; productCode: string }[] = [];
  const startDate = wibToday();
  /** Left pending by the callback tests; the restart test sees them resolved. */
  const pendingForRestart: string[] = [];

  const sim = <T = any>(method: string, path: string, body?: unknown) =>
    suite.partnerSim<T>(method, path, body);

  /** The printed struk's lines (the HTML receipt's monospace block), checked to fit 32 columns. */
  let receiptToken: string | null = null;
  async function printedReceipt(paymentId: string): Promise<string[]> {
    receiptToken ??= (
      await new ApiClient(suite.gatewayUrl).call<{ accessToken: string }>('POST', '/auth/login', {
        username: 'teller.gedawang',
        password: DEMO_PASSWORD,
      })
    ).body.accessToken;
    const response = await fetch(
      `${suite.gatewayUrl}/billpay/payments/${paymentId}/receipt?format=html`,
      { headers: { authorization: `Bearer ${receiptToken}` } },
    );
    expect(response.status).toBe(200);
    const page = await response.text();
    const lines = /<pre>([\s\S]*)<\/pre>/
      .exec(page)![1]
      .split('\n')
      .map((line) => line.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(32);
    return lines;
  }

  const faults = (patch: Record<string, unknown>) => sim('PUT', '/admin/aggregator/faults', patch);
  const forceOutcome = (customerNo: string, outcome: string) =>
    faults({ outcomeByCustomer: { [customerNo]: outcome } });

  async function aggregatorCalls(
    query: { ref_id?: string; customer_no?: string },
    path = '/aggregator/v1/transaction',
  ): Promise<number> {
    const search = new URLSearchParams({ path, ...query });
    return (await sim<{ total: number }>('GET', `/admin/requests?${search.toString()}`)).total;
  }

  async function payPrepaid(
    client: ApiClient,
    productCode: string,
    customerNo: string,
    key = randomUUID(),
  ): Promise<ApiResponse<Payment>> {
    return client.post<Payment>('/billpay/payments', { productCode, customerNo }, key);
  }

  async function eventually(
    client: ApiClient,
    paymentId: string,
    status: Payment['status'],
    timeoutMs = 30_000,
  ): Promise<Payment> {
    let last: Payment | null = null;
    await waitFor(
      `payment ${paymentId} to be ${status}`,
      async () => {
        last = (await client.get<Payment>(`/billpay/payments/${paymentId}`)).body;
        return last.status === status;
      },
      timeoutMs,
    );
    return last as unknown as Payment;
  }

  function signedCallback(
    data: Record<string, unknown>,
    sentAt = new Date().toISOString(),
  ): { raw: string; signature: string } {
    const raw = JSON.stringify({ callback_id: randomUUID(), sent_at: sentAt, data });
    return {
      raw,
      signature: `sha1=${createHmac('sha1', suite.secrets.AGGREGATOR_CALLBACK_SECRET).update(raw).digest('hex')}`,
    };
  }

  async function postCallback(raw: string, signature: string): Promise<ApiResponse> {
    const response = await fetch(`${suite.gatewayUrl}/billpay/callbacks/digiflazz`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
      body: raw,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** Waits for the ledger to show this much in PPOB suspense and refunds owed, then checks the trial balance. */
  async function booksShow(suspenseRp: number, refundsOwedRp: number): Promise<void> {
    await waitFor(
      `the ledger to show suspense ${suspenseRp} and refunds owed ${refundsOwedRp}`,
      async () => {
        const accounts = (await auditor.get('/ledger/accounts')).body as {
          code: string;
          balance: number;
        }[];
        const balance = (code: string) =>
          accounts.find((account) => account.code === code)?.balance ?? 0;
        return balance('213000') === suspenseRp && balance('214000') === refundsOwedRp;
      },
      LEDGER_WAIT_MS,
    );
    const trial = (await auditor.get('/ledger/trial-balance')).body;
    expect(trial.totalDebit).toBeGreaterThan(0);
    expect(trial.totalDebit).toBe(trial.totalCredit);
  }

  beforeAll(async () => {
    await suite.startAll(['partner-sim', 'members', 'billpay', 'ledger', 'gateway']);
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const ids: string[] = [];
    for (const [code, name, kelurahan] of [
      ['GDW', 'KKMP Gedawang', 'Gedawang'],
      ['TGS', 'KKMP Tegalsari', 'Tegalsari'],
    ]) {
      const created = await admin.post('/koperasi', {
        code,
        name,
        kelurahan,
        kecamatan: 'Banyumanik',
        kotaKabupaten: 'Kota Semarang',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    for (const [username, role, koperasiId] of [
      ['teller.gedawang', 'teller', ids[0]],
      ['supervisor.gedawang', 'supervisor', ids[0]],
      ['auditor.gedawang', 'auditor', ids[0]],
      ['teller.tegalsari', 'teller', ids[1]],
      ['supervisor.tegalsari', 'supervisor', ids[1]],
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
    teller = await new ApiClient(suite.gatewayUrl).login('teller.gedawang', DEMO_PASSWORD);
    supervisor = await new ApiClient(suite.gatewayUrl).login('supervisor.gedawang', DEMO_PASSWORD);
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.gedawang', DEMO_PASSWORD);
    otherTeller = await new ApiClient(suite.gatewayUrl).login('teller.tegalsari', DEMO_PASSWORD);
    otherSupervisor = await new ApiClient(suite.gatewayUrl).login(
      'supervisor.tegalsari',
      DEMO_PASSWORD,
    );

    // The aggregator's deposit starts from our transfer, so the statement and our books can be reconciled.
    await faults({ cutOffWib: null, callbackDelayMs: 1_000 });
    await sim('PUT', '/admin/aggregator/deposit', { balanceRp: 0 });
    await sim('POST', '/admin/aggregator/deposit/topups', {
      amountRp: 10_000_000,
      ref: 'BRI-GDW-0001',
    });
    const topUp = await supervisor.post('/billpay/deposit/topups', {
      amount: 10_000_000,
      bankTransferRef: 'BRI-GDW-0001',
    });
    expect(topUp.status).toBe(201);
    expect(topUp.body.deposit).toEqual({ balance: 10_000_000, reserved: 0, available: 10_000_000 });
  }, 300_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  describe('catalog and inquiries', () => {
    it('given the platform default catalog, when a teller or an auditor lists products, then every kind is there with its format', async () => {
      for (const client of [teller, auditor]) {
        const products = await client.get('/billpay/products');
        expect(products.status).toBe(200);
        expect(products.body.map((product: { code: string }) => product.code).sort()).toEqual([
          'BPJSKES',
          'PDAM',
          'PLN100',
          'PLN20',
          'PLN50',
          'PLNPOST',
          'TSEL10',
          'TSEL25',
        ]);
      }
      const products = (await teller.get('/billpay/products')).body;
      expect(products.find((product: { code: string }) => product.code === 'PLN20')).toMatchObject({
        kind: 'PREPAID',
        denomination: 20_000,
        adminFee: 2_500,
        totalAmount: 22_500,
        customerNoFormat: 'a PLN meter number is 11 digits',
      });
    });

    it('given a postpaid PLN customer, when inquiring, then name, period, bill, admin fee and total come back with an expiry', async () => {
      const inquiry = await teller.post(
        '/billpay/inquiries',
        { productCode: 'PLNPOST', customerNo: IDPEL },
        null,
      );
      expect(inquiry.status).toBe(201);
      expect(inquiry.body).toMatchObject({
        customerName: 'SITI AMINAH',
        period: TEST_CUSTOMERS.plnPostpaid.valid.period,
        billAmount: 300_000,
        adminFee: 2_500,
        totalAmount: 302_500,
      });
      const expiresInMs = Date.parse(inquiry.body.expiresAt) - Date.now();
      expect(expiresInMs).toBeGreaterThan(0);
      expect(expiresInMs).toBeLessThanOrEqual(15 * 60_000);
    });

    it.each([
      [
        'a malformed IDPEL',
        400,
        'INVALID_CUSTOMER_NO',
        { productCode: 'PLNPOST', customerNo: '51234' },
        '12 digits',
      ],
      [
        'a malformed BPJS number',
        400,
        'INVALID_CUSTOMER_NO',
        { productCode: 'BPJSKES', customerNo: '7777701234567890' },
        'starting 88888',
      ],
      [
        'a product not in the catalog',
        404,
        'PRODUCT_NOT_FOUND',
        { productCode: 'XL50', customerNo: '081234567890' },
        'XL50',
      ],
      [
        'an unknown customer',
        422,
        'CUSTOMER_NOT_FOUND',
        { productCode: 'PLNPOST', customerNo: TEST_CUSTOMERS.plnPostpaid.unknown },
        'customer',
      ],
      [
        'a bill not yet available',
        422,
        'BILL_NOT_YET_AVAILABLE',
        { productCode: 'PLNPOST', customerNo: TEST_CUSTOMERS.plnPostpaid.billNotYetAvailable },
        'not available',
      ],
      [
        'an already paid bill',
        422,
        'BILL_ALREADY_PAID',
        { productCode: 'PDAM', customerNo: TEST_CUSTOMERS.pdam.alreadyPaid },
        'already paid',
      ],
      [
        'an unknown PLN meter',
        422,
        'CUSTOMER_NOT_FOUND',
        { productCode: 'PLN20', customerNo: TEST_CUSTOMERS.plnPrepaid.unknown },
        'customer',
      ],
    ])('given %s, when inquiring, then %i %s', async (_case, status, code, body, words) => {
      const response = await teller.post('/billpay/inquiries', body, null);
      expect(response.status).toBe(status);
      expect(response.body.error).toBe(code);
      expect(response.body.message).toContain(words);
    });

    it('given the PLN cut-off window, when inquiring a PLN bill, then 422 PLN_CUT_OFF', async () => {
      const nowWib = new Date(Date.now() + 7 * 3600 * 1000);
      const hhmm = (date: Date) => date.toISOString().slice(11, 16);
      await faults({
        cutOffWib: {
          start: hhmm(new Date(nowWib.getTime() - 60_000)),
          end: hhmm(new Date(nowWib.getTime() + 120_000)),
        },
      });
      try {
        const response = await teller.post(
          '/billpay/inquiries',
          { productCode: 'PLNPOST', customerNo: '512399999999' },
          null,
        );
        expect(response.status).toBe(422);
        expect(response.body.error).toBe('PLN_CUT_OFF');
      } finally {
        await faults({ cutOffWib: null });
      }
    });
  });

  describe('payments', () => {
    it('given a PLN meter, when paying PLN20, then SUCCESS at once with a 20-digit token in 5 groups of 4 and a printable receipt', async () => {
      const meter = freshMeter();
      const response = await payPrepaid(teller, 'PLN20', meter);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'SUCCESS',
        totalAmount: 22_500,
        price: 20_150,
        resolvedBy: 'RESPONSE',
        refund: null,
      });
      expect(response.body.receipt?.token).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}-\d{4}$/);
      // Paid without an inquiry: name, IDPEL, tariff/power and kWh come from the aggregator's answer.
      expect(response.body.receipt).toMatchObject({
        refId: response.body.refId,
        partnerRef: expect.stringMatching(/^TRX\d{12}$/),
        customerName: expect.any(String),
        subscriberId: expect.stringMatching(/^\d{12}$/),
        segmentPower: expect.stringMatching(/^[A-Z]\d\/\d+VA$/),
        kwh: expect.stringMatching(/^\d+\.\d$/),
        penalty: 0,
      });
      paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' });

      const login = await new ApiClient(suite.gatewayUrl).call<{ accessToken: string }>(
        'POST',
        '/auth/login',
        {
          username: 'auditor.gedawang',
          password: DEMO_PASSWORD,
        },
      );
      const html = await fetch(
        `${suite.gatewayUrl}${response.body.links.receipt!.replace('/api/v1', '')}`,
        {
          headers: { authorization: `Bearer ${login.body.accessToken}`, accept: 'text/html' },
        },
      );
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toContain('text/html');
      const page = await html.text();
      const printed = /<pre>([\s\S]*)<\/pre>/.exec(page)![1].split('\n');
      for (const line of printed)
        expect(line.replace(/&amp;|&lt;|&gt;|&quot;|&#39;/g, '_').length).toBeLessThanOrEqual(32);
      expect(page).toContain(response.body.receipt!.token!);
      expect(page).toContain('KKMP GEDAWANG');
      // The kasir is the teller's name as the gateway keeps it (full name, else username): never blank.
      expect(printed.find((line) => line.startsWith('Kasir'))).toMatch(/^Kasir\s+: \S/);
      expect(printed).toContain(`No Meter  : ${meter}`);
      expect(printed).toContain(`Tarif/Daya: ${response.body.receipt!.segmentPower}`);
      expect(printed).toContain(
        `Jml kWh${response.body.receipt!.kwh!.replace('.', ',').padStart(25)}`,
      );
      expect(printed).toContain(`Ref Mitra : ${response.body.receipt!.partnerRef}`);
    });

    it('given a PLN prepaid inquiry, when paying it, then the inquiry ref_id is the payment ref_id and it cannot be paid twice', async () => {
      const inquiry = await teller.post(
        '/billpay/inquiries',
        { productCode: 'PLN50', customerNo: PLN },
        null,
      );
      expect(inquiry.body).toMatchObject({
        customerName: 'BUDI SANTOSO',
        segmentPower: 'R1/1300VA',
        billAmount: 50_000,
        totalAmount: 52_500,
      });
      const payment = await teller.post<Payment>('/billpay/payments', {
        inquiryId: inquiry.body.inquiryId,
      });
      expect(payment.status).toBe(200);
      expect(payment.body).toMatchObject({
        status: 'SUCCESS',
        refId: inquiry.body.refId,
        price: 50_150,
      });
      expect(inquiry.body).toMatchObject({
        subscriberId: TEST_CUSTOMERS.plnPrepaid.valid.subscriberId,
        penalty: 0,
      });
      expect(payment.body.receipt).toMatchObject({
        customerName: 'BUDI SANTOSO',
        subscriberId: TEST_CUSTOMERS.plnPrepaid.valid.subscriberId,
        segmentPower: 'R1/1300VA',
        kwh: '33.6',
        billAmount: 50_000,
        totalAmount: 52_500,
      });
      const printed = await printedReceipt(payment.body.paymentId);
      expect(printed).toEqual(
        expect.arrayContaining([
          `No Meter  : ${PLN}`,
          `IDPEL     : ${TEST_CUSTOMERS.plnPrepaid.valid.subscriberId}`,
          'Nama      : BUDI SANTOSO',
          'Tarif/Daya: R1/1300VA',
          `Rp Bayar${'Rp50.000'.padStart(24)}`,
          `Jml kWh${'33,6'.padStart(25)}`,
          `Admin${'Rp2.500'.padStart(27)}`,
          `TOTAL${'Rp52.500'.padStart(27)}`,
          payment.body.refId,
        ]),
      );
      paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN50' });
      const again = await teller.post('/billpay/payments', { inquiryId: inquiry.body.inquiryId });
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('INQUIRY_ALREADY_USED');
    });

    it.each([
      ['PLN postpaid', 'PLNPOST', IDPEL, 302_500, 301_800],
      ['PDAM', 'PDAM', TEST_CUSTOMERS.pdam.valid.customerNo, 87_500, 86_700],
      [
        'BPJS Kesehatan',
        'BPJSKES',
        TEST_CUSTOMERS.bpjsKesehatan.valid.customerNo,
        107_500,
        106_800,
      ],
    ])(
      'given a %s bill, when paying its inquiry, then SUCCESS with the aggregator price and the exact fee',
      async (_kind, productCode, customerNo, total, price) => {
        const inquiry = await teller.post('/billpay/inquiries', { productCode, customerNo }, null);
        expect(inquiry.status).toBe(201);
        const payment = await teller.post<Payment>('/billpay/payments', {
          inquiryId: inquiry.body.inquiryId,
        });
        expect(payment.status).toBe(200);
        expect(payment.body).toMatchObject({
          status: 'SUCCESS',
          totalAmount: total,
          price,
          refId: inquiry.body.refId,
        });
        expect(payment.body.receipt).toMatchObject({
          totalAmount: total,
          penalty: 0,
          token: null,
          partnerRef: expect.stringMatching(/^TRX/),
        });
        paid.push({ status: 'SUCCESS', fee: total - price, productCode });
        const paidAgain = await teller.post(
          '/billpay/inquiries',
          { productCode, customerNo },
          null,
        );
        expect(paidAgain.body.error).toBe('BILL_ALREADY_PAID');
      },
    );

    it('given a PLN postpaid bill paid late, when paying, then the penalty is in the inquiry, the total, the price and the printed Denda', async () => {
      const customer = TEST_CUSTOMERS.plnPostpaid.withPenalty;
      const inquiry = await teller.post(
        '/billpay/inquiries',
        { productCode: 'PLNPOST', customerNo: customer.customerNo },
        null,
      );
      expect(inquiry.status).toBe(201);
      expect(inquiry.body).toMatchObject({
        customerName: customer.customerName,
        segmentPower: customer.segmentPower,
        period: customer.period,
        billAmount: 250_000,
        penalty: 5_000,
        adminFee: 2_500,
        totalAmount: 257_500,
      });
      const payment = await teller.post<Payment>('/billpay/payments', {
        inquiryId: inquiry.body.inquiryId,
      });
      expect(payment.body).toMatchObject({
        status: 'SUCCESS',
        billAmount: 250_000,
        penalty: 5_000,
        totalAmount: 257_500,
        price: 256_800,
      });
      expect(payment.body.receipt).toMatchObject({
        billAmount: 250_000,
        penalty: 5_000,
        totalAmount: 257_500,
        partnerRef: expect.stringMatching(/^TRX/),
      });
      // The books take the whole total: the fee is total - price, the penalty passes through to the biller.
      paid.push({ status: 'SUCCESS', fee: 257_500 - 256_800, productCode: 'PLNPOST' });
      const printed = await printedReceipt(payment.body.paymentId);
      expect(printed).toEqual(
        expect.arrayContaining([
          `IDPEL     : ${customer.customerNo}`,
          `Nama      : ${customer.customerName}`,
          'Periode   : OKT 2026',
          `Tagihan${'Rp250.000'.padStart(25)}`,
          `Denda${'Rp5.000'.padStart(27)}`,
          `TOTAL${'Rp257.500'.padStart(27)}`,
          `Ref Mitra : ${payment.body.receipt!.partnerRef}`,
        ]),
      );
    });

    it('given telco credit, when paying without an inquiry, then SUCCESS with the price list price and the SN on the receipt', async () => {
      const payment = await payPrepaid(teller, 'TSEL10', TEST_CUSTOMERS.telco.valid);
      expect(payment.body).toMatchObject({ status: 'SUCCESS', totalAmount: 11_500, price: 10_250 });
      paid.push({ status: 'SUCCESS', fee: 1_250, productCode: 'TSEL10' });
      expect(payment.body.receipt).toMatchObject({
        serialNo: expect.stringMatching(/^\d{16}$/),
        token: null,
        kwh: null,
      });
      const printed = await printedReceipt(payment.body.paymentId);
      expect(printed).toEqual(
        expect.arrayContaining([
          `No HP     : ${TEST_CUSTOMERS.telco.valid}`,
          `SN        : ${payment.body.receipt!.serialNo}`,
          `Nominal${'Rp10.000'.padStart(25)}`,
          `TOTAL${'Rp11.500'.padStart(27)}`,
        ]),
      );
    });

    it('given a postpaid product, when paying without an inquiry, then 422 INQUIRY_REQUIRED and no call out', async () => {
      const response = await payPrepaid(teller, 'PLNPOST', '512311112222');
      expect(response.status).toBe(422);
      expect(response.body.error).toBe('INQUIRY_REQUIRED');
      expect(await aggregatorCalls({ customer_no: '512311112222' })).toBe(0);
    });

    it('given a malformed meter number, when paying, then 400 naming the rule', async () => {
      const response = await payPrepaid(teller, 'PLN20', '1234');
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('11 digits');
    });

    it(
      'given the aggregator fails the payment, then FAILED with the refund owed, and a supervisor (only) pays it back once',
      async () => {
        const meter = freshMeter();
        await forceOutcome(meter, 'FAILED');
        const before = (await teller.get('/billpay/deposit')).body;
        const failed = await payPrepaid(teller, 'PLN20', meter);
        expect(failed.status).toBe(200);
        expect(failed.body).toMatchObject({
          status: 'FAILED',
          refund: 'OWED',
          price: null,
          resolvedBy: 'RESPONSE',
        });
        expect((await teller.get('/billpay/deposit')).body).toEqual(before);
        paid.push({ status: 'FAILED', fee: 0, productCode: 'PLN20' });
        await booksShow(0, 22_500);

        const byTeller = await teller.post(`/billpay/payments/${failed.body.paymentId}/refund`, {});
        expect(byTeller.status).toBe(403);
        const refund = await supervisor.post(
          `/billpay/payments/${failed.body.paymentId}/refund`,
          {},
        );
        expect(refund.status).toBe(200);
        expect(refund.body).toMatchObject({ amount: 22_500, refund: 'PAID' });
        const twice = await supervisor.post(
          `/billpay/payments/${failed.body.paymentId}/refund`,
          {},
        );
        expect(twice.status).toBe(409);
        expect(twice.body.error).toBe('REFUND_ALREADY_PAID');
        expect((await teller.get(`/billpay/payments/${failed.body.paymentId}`)).body.refund).toBe(
          'PAID',
        );
        await booksShow(0, 0);
      },
      LEDGER_TEST_MS,
    );

    it(
      'given a pending answer, then 202 PENDING with a link, never refundable, and the signed callback makes it SUCCESS',
      async () => {
        const meter = freshMeter();
        await forceOutcome(meter, 'PENDING_THEN_SUCCESS');
        const pending = await payPrepaid(teller, 'PLN100', meter);
        expect(pending.status).toBe(202);
        expect(pending.body.status).toBe('PENDING');
        expect(pending.body.links.self).toBe(`/api/v1/billpay/payments/${pending.body.paymentId}`);
        const refund = await supervisor.post(
          `/billpay/payments/${pending.body.paymentId}/refund`,
          {},
        );
        expect(refund.status).toBe(422);
        expect(refund.body.error).toBe('PAYMENT_NOT_FAILED');

        const done = await eventually(teller, pending.body.paymentId, 'SUCCESS');
        expect(done).toMatchObject({ resolvedBy: 'CALLBACK', price: 100_150 });
        expect(done.receipt?.token).toMatch(/^\d{4}(-\d{4}){4}$/);
        paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN100' });
        const deliveries = await sim<{ deliveries: { http_status: number }[] }>(
          'GET',
          `/admin/aggregator/callbacks?ref_id=${pending.body.refId}`,
        );
        expect(deliveries.deliveries.map((delivery) => delivery.http_status)).toEqual([200]);
        await booksShow(0, 0);
      },
      LEDGER_TEST_MS,
    );

    it(
      'given a pending answer and no callback, then status polling finds it failed, and only then it is refunded',
      async () => {
        const meter = freshMeter();
        await faults({
          callbacksEnabled: false,
          outcomeByCustomer: { [meter]: 'PENDING_THEN_FAILED' },
        });
        try {
          const pending = await payPrepaid(teller, 'PLN20', meter);
          expect(pending.body.status).toBe('PENDING');
          const failed = await eventually(teller, pending.body.paymentId, 'FAILED');
          expect(failed).toMatchObject({ resolvedBy: 'STATUS_CHECK', refund: 'OWED' });
          expect(await aggregatorCalls({ ref_id: pending.body.refId })).toBe(1);
          expect(
            await aggregatorCalls({ ref_id: pending.body.refId }, '/aggregator/v1/status'),
          ).toBeGreaterThanOrEqual(1);
          paid.push({ status: 'FAILED', fee: 0, productCode: 'PLN20' });
          await booksShow(0, 22_500);
          const refund = await supervisor.post(
            `/billpay/payments/${pending.body.paymentId}/refund`,
            {},
          );
          expect(refund.status).toBe(200);
          await booksShow(0, 0);
        } finally {
          await faults({ callbacksEnabled: true });
        }
      },
      LEDGER_TEST_MS,
    );

    it('given the same Idempotency-Key 10 times at once, then one payment and one call at the aggregator, and every answer names it', async () => {
      const meter = freshMeter();
      await faults({ latencyMsByCustomer: { [meter]: 300 } });
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => payPrepaid(teller, 'PLN20', meter, key)),
      );
      const ids = new Set(responses.map((response) => response.body.paymentId));
      expect(ids.size).toBe(1);
      for (const response of responses) expect([200, 202]).toContain(response.status);
      expect(await aggregatorCalls({ customer_no: meter })).toBe(1);
      const done = await eventually(teller, [...ids][0], 'SUCCESS');
      // A later repeat of the key answers from the store but shows the payment as it is now.
      const repeat = await payPrepaid(teller, 'PLN20', meter, key);
      expect(repeat.body).toMatchObject({ paymentId: done.paymentId, status: 'SUCCESS' });
      expect(await aggregatorCalls({ customer_no: meter })).toBe(1);
      paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' });
    });

    it('given the answer is lost, then a status check finds the payment done: no second payment, no refund', async () => {
      const meter = freshMeter();
      await forceOutcome(meter, 'DROP');
      const balanceBefore = (await sim<{ balanceRp: number }>('GET', '/admin/aggregator/deposit'))
        .balanceRp;
      const response = await payPrepaid(teller, 'PLN20', meter);
      expect(['PROCESSING', 'PENDING']).toContain(response.body.status);
      const done = await eventually(teller, response.body.paymentId, 'SUCCESS');
      expect(done).toMatchObject({ resolvedBy: 'STATUS_CHECK', refund: null, price: 20_150 });
      expect(await aggregatorCalls({ ref_id: response.body.refId })).toBe(1);
      expect(await aggregatorCalls({ customer_no: meter })).toBe(1);
      expect((await sim<{ balanceRp: number }>('GET', '/admin/aggregator/deposit')).balanceRp).toBe(
        balanceBefore - 20_150,
      );
      paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' });
    });

    it('given a 10 s aggregator for one customer, when other counters pay meanwhile, then they finish at normal speed', async () => {
      const slowMeter = freshMeter();
      await faults({ latencyMsByCustomer: { [slowMeter]: 10_000 } });
      const slowStarted = Date.now();
      const slow = payPrepaid(teller, 'PLN20', slowMeter);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const othersMs: number[] = [];
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          const started = Date.now();
          const response = await payPrepaid(teller, 'PLN20', freshMeter());
          othersMs.push(Date.now() - started);
          expect(response.body.status).toBe('SUCCESS');
        }),
      );
      for (const ms of othersMs) expect(ms).toBeLessThan(2_000);
      const slowAnswer = await slow;
      expect(slowAnswer.status).toBe(202);
      expect(slowAnswer.body.status).toBe('PROCESSING');
      expect(Date.now() - slowStarted).toBeLessThan(6_000);
      await eventually(teller, slowAnswer.body.paymentId, 'SUCCESS', 30_000);
      for (let i = 0; i < 6; i++)
        paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' });
    });

    it('given a deposit that cannot cover the price, when paying, then 422 DEPOSIT_TOO_LOW and nothing reaches the aggregator', async () => {
      const topUp = await otherSupervisor.post('/billpay/deposit/topups', {
        amount: 20_000,
        bankTransferRef: 'BRI-TGS-0001',
      });
      expect(topUp.status).toBe(201);
      const meter = freshMeter();
      const refused = await payPrepaid(otherTeller, 'PLN20', meter);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('DEPOSIT_TOO_LOW');
      expect(refused.body.message).toContain('Rp20.000 available');
      expect(await aggregatorCalls({ customer_no: meter })).toBe(0);
      expect((await otherTeller.get('/billpay/deposit')).body).toEqual({
        balance: 20_000,
        reserved: 0,
        available: 20_000,
      });
      const sameRef = await otherSupervisor.post('/billpay/deposit/topups', {
        amount: 5_000,
        bankTransferRef: 'BRI-TGS-0001',
      });
      expect(sameRef.status).toBe(409);
      expect(sameRef.body.error).toBe('DUPLICATE_TRANSFER_REF');
    });

    it('keeps koperasi apart and auditors reading only', async () => {
      const payment = await payPrepaid(teller, 'TSEL25', TEST_CUSTOMERS.telco.valid);
      paid.push({ status: 'SUCCESS', fee: 1_300, productCode: 'TSEL25' });
      expect((await otherTeller.get(`/billpay/payments/${payment.body.paymentId}`)).status).toBe(
        404,
      );
      expect(
        (await otherTeller.get(`/billpay/payments/${payment.body.paymentId}/receipt`)).status,
      ).toBe(404);
      expect((await auditor.get(`/billpay/payments/${payment.body.paymentId}`)).status).toBe(200);
      expect((await payPrepaid(auditor, 'PLN20', freshMeter())).status).toBe(403);
      expect(
        (await auditor.post('/billpay/deposit/topups', { amount: 1_000, bankTransferRef: 'X-1' }))
          .status,
      ).toBe(403);
      expect(
        (await teller.post('/billpay/deposit/topups', { amount: 1_000, bankTransferRef: 'X-2' }))
          .status,
      ).toBe(403);
    });
  });

  describe('callbacks', () => {
    it('refuses a forged, a stale and a replayed callback, and changes nothing', async () => {
      const meter = freshMeter();
      await faults({
        callbackDelayMs: 20_000,
        outcomeByCustomer: { [meter]: 'PENDING_THEN_SUCCESS' },
      });
      const pending = await payPrepaid(teller, 'PLN20', meter);
      await faults({ callbackDelayMs: 1_000 });
      expect(pending.body.status).toBe('PENDING');
      const gagal = {
        ref_id: pending.body.refId,
        product_code: 'PLN20',
        customer_no: meter,
        status: 'Gagal',
        rc: '02',
        message: 'x',
        price_rp: 20_150,
        sn: '',
        balance_rp: 0,
      };

      const forged = signedCallback(gagal);
      const wrongSecret = `sha1=${createHmac('sha1', 'not-the-secret').update(forged.raw).digest('hex')}`;
      const refusedForged = await postCallback(forged.raw, wrongSecret);
      expect(refusedForged.status).toBe(401);
      expect(refusedForged.body.error).toBe('INVALID_SIGNATURE');
      const tampered = await postCallback(
        forged.raw.replace('"rc":"02"', '"rc":"00"'),
        forged.signature,
      );
      expect(tampered.status).toBe(401);

      const stale = signedCallback(gagal, new Date(Date.now() - 10 * 60_000).toISOString());
      const refusedStale = await postCallback(stale.raw, stale.signature);
      expect(refusedStale.status).toBe(401);
      expect(refusedStale.body.error).toBe('STALE_CALLBACK');
      expect((await teller.get(`/billpay/payments/${pending.body.paymentId}`)).body.status).toBe(
        'PENDING',
      );

      // A genuine delivery of an earlier payment, sent again: a replay.
      const earlier = (
        await sim<{ deliveries: { raw_body: string; signature: string; http_status: number }[] }>(
          'GET',
          '/admin/aggregator/callbacks',
        )
      ).deliveries.find((delivery) => delivery.http_status === 200);
      expect(earlier).toBeDefined();
      const replayed = await postCallback(earlier!.raw_body, earlier!.signature);
      expect(replayed.status).toBe(409);
      expect(replayed.body.error).toBe('REPLAYED_CALLBACK');
      pendingForRestart.push(pending.body.paymentId);
    });

    it('stores but does not apply a signed callback that contradicts a final outcome', async () => {
      const success = await payPrepaid(teller, 'PLN20', freshMeter());
      paid.push({ status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' });
      const contradiction = signedCallback({
        ref_id: success.body.refId,
        status: 'Gagal',
        rc: '02',
        message: 'late',
        price_rp: 0,
        sn: '',
        balance_rp: 0,
      });
      const answer = await postCallback(contradiction.raw, contradiction.signature);
      expect(answer.status).toBe(200);
      expect(answer.body.verdict).toBe('CONTRADICTS');
      expect((await teller.get(`/billpay/payments/${success.body.paymentId}`)).body).toMatchObject({
        status: 'SUCCESS',
        refund: null,
      });
    });
  });

  describe('restart', () => {
    it('given payments pending and one whose call is in flight, when billpay is killed and started again, then all are resolved', async () => {
      const [toSucceed, toFail, inFlight] = [freshMeter(), freshMeter(), freshMeter()];
      await faults({
        callbacksEnabled: false,
        callbackDelayMs: 4_000,
        latencyMsByCustomer: { [inFlight]: 5_000 },
        outcomeByCustomer: { [toSucceed]: 'PENDING_THEN_SUCCESS', [toFail]: 'PENDING_THEN_FAILED' },
      });
      try {
        const a = await payPrepaid(teller, 'PLN20', toSucceed);
        const b = await payPrepaid(teller, 'PLN20', toFail);
        const c = payPrepaid(teller, 'PLN20', inFlight);
        expect([a.body.status, b.body.status]).toEqual(['PENDING', 'PENDING']);
        await new Promise((resolve) => setTimeout(resolve, 3_500));
        suite.kill('billpay');
        const inFlightAnswer = await c;
        expect(inFlightAnswer.body.status).toBe('PROCESSING');
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        await suite.start('billpay');
        expect(await eventually(teller, a.body.paymentId, 'SUCCESS', 45_000)).toMatchObject({
          resolvedBy: 'STATUS_CHECK',
        });
        expect(await eventually(teller, b.body.paymentId, 'FAILED', 45_000)).toMatchObject({
          refund: 'OWED',
        });
        const resumed = await eventually(teller, inFlightAnswer.body.paymentId, 'SUCCESS', 45_000);
        expect(resumed.resolvedBy).toBe('STATUS_CHECK');
        expect(await aggregatorCalls({ customer_no: inFlight })).toBe(1);
        for (const id of pendingForRestart) await eventually(teller, id, 'SUCCESS', 90_000);
        paid.push(
          { status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' },
          { status: 'FAILED', fee: 0, productCode: 'PLN20' },
        );
        paid.push(
          { status: 'SUCCESS', fee: 2_350, productCode: 'PLN20' },
          ...pendingForRestart.map(() => ({
            status: 'SUCCESS' as const,
            fee: 2_350,
            productCode: 'PLN20',
          })),
        );
        const refund = await supervisor.post(`/billpay/payments/${b.body.paymentId}/refund`, {});
        expect(refund.status).toBe(200);
      } finally {
        await faults({ callbacksEnabled: true, callbackDelayMs: 1_000 });
      }
    }, 180_000);
  });

  describe('deposit and books', () => {
    it("reconciles our deposit with the aggregator statement: another koperasi's top-up on the shared account is no difference, opening and movement compare like with like; then names an unknown line", async () => {
      const deposit = (await supervisor.get('/billpay/deposit')).body;
      const aggregatorBalance = (
        await sim<{ balanceRp: number }>('GET', '/admin/aggregator/deposit')
      ).balanceRp;
      expect(deposit.reserved).toBe(0);
      expect(deposit.balance).toBe(aggregatorBalance);
      // Tegalsari's top-up reaches the same aggregator account: a line on the statement that is not Gedawang's.
      await sim('POST', '/admin/aggregator/deposit/topups', {
        amountRp: 20_000,
        ref: 'BRI-TGS-0001',
      });
      const clean = await supervisor.get(`/billpay/reconciliation?date=${wibToday()}`);
      expect(clean.status).toBe(200);
      expect(clean.body.differences).toEqual([]);
      expect(clean.body.ours.closing - clean.body.ours.opening).toBe(clean.body.ours.movement);
      expect(clean.body.ours.movement).toBe(clean.body.theirs.movement);
      expect(clean.body.theirs.closing - clean.body.ours.closing).toBe(20_000);
      const tegalsari = await otherSupervisor.get(`/billpay/reconciliation?date=${wibToday()}`);
      expect(tegalsari.body).toMatchObject({
        differences: [],
        ours: { movement: 20_000 },
        theirs: { movement: 20_000 },
      });

      await sim('POST', '/admin/aggregator/deposit/topups', {
        amountRp: 5_000,
        ref: 'BRI-UNRECORDED-9',
      });
      const differing = await auditor.get(`/billpay/reconciliation?date=${wibToday()}`);
      expect(differing.body.differences).toEqual([
        {
          kind: 'MISSING_ON_OUR_SIDE',
          ref: 'BRI-UNRECORDED-9',
          ours: null,
          theirs: 5_000,
          ourStatus: null,
        },
      ]);
      expect(differing.body.theirs.movement - differing.body.ours.movement).toBe(5_000);
      expect((await teller.get(`/billpay/reconciliation?date=${wibToday()}`)).status).toBe(403);
      expect((await supervisor.get('/billpay/reconciliation?date=2026-13-01')).status).toBe(400);
    });

    it(
      'books every step: the exact PPOB fee per product, nothing left in suspense or owed, and a balanced trial balance',
      async () => {
        const expectedFees = new Map<string, number>();
        for (const payment of paid)
          expectedFees.set(
            payment.productCode,
            (expectedFees.get(payment.productCode) ?? 0) + payment.fee,
          );
        const total = [...expectedFees.values()].reduce((sum, fee) => sum + fee, 0);
        const today = wibToday();
        let feeIncome: any = null;
        let accounts: { code: string; balance: number }[] = [];
        const balance = (code: string) =>
          accounts.find((account) => account.code === code)?.balance ?? 0;
        // The ledger books asynchronously: wait until the last refund and the last fee have arrived.
        await waitFor(
          'the ledger to book every billpay event',
          async () => {
            // From the day the suite started: a run may cross midnight WIB.
            feeIncome = (
              await supervisor.get(
                `/ledger/fee-income?from=${startDate}&to=${today}&groupBy=product`,
              )
            ).body;
            accounts = (await auditor.get('/ledger/accounts')).body;
            const ppob = feeIncome.totals?.find(
              (line: { source: string }) => line.source === 'PPOB',
            );
            return ppob?.amount === total && balance('213000') === 0 && balance('214000') === 0;
          },
          LEDGER_WAIT_MS,
        ).catch(() => undefined);
        expect({
          fees: feeIncome.totals,
          suspense: balance('213000'),
          refundsOwed: balance('214000'),
        }).toEqual({
          fees: expect.arrayContaining([
            expect.objectContaining({ source: 'PPOB', amount: total }),
          ]),
          suspense: 0,
          refundsOwed: 0,
        });
        for (const [productCode, fee] of expectedFees) {
          if (fee === 0) continue;
          expect(
            feeIncome.rows.find((row: { product?: string }) => row.product === productCode),
          ).toMatchObject({ amount: fee });
        }
        const trial = (await auditor.get('/ledger/trial-balance')).body;
        expect(trial.totalDebit).toBe(trial.totalCredit);
        expect(balance('410000')).toBe(total);
        expect(balance('113100')).toBe((await supervisor.get('/billpay/deposit')).body.balance);
      },
      LEDGER_TEST_MS,
    );

    it('answers 503 when the aggregator is down, and records nothing', async () => {
      suite.kill('partner-sim');
      const response = await teller.post(
        '/billpay/inquiries',
        { productCode: 'PLNPOST', customerNo: '512388887777' },
        null,
      );
      expect(response.status).toBe(503);
      expect(response.body.error).toBe('AGGREGATOR_UNAVAILABLE');
      const billpayDb = new pg.Pool({ connectionString: suite.databaseUrl('billpay'), max: 1 });
      try {
        const { rows } = await billpayDb.query(
          `SELECT count(*)::int AS n FROM inquiries WHERE customer_no = '512388887777'`,
        );
        expect(rows[0].n).toBe(0);
      } finally {
        await billpayDb.end();
      }
    });
  });
});
