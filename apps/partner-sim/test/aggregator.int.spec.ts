import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AggregatorPaths,
  type AggregatorCallback,
  type InquiryResponse,
  type StatementResponse,
  type TransactionResponse,
} from '@koperasi/contracts';
import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../src/aggregator/test-customers.js';
import { PartnerSimUnderTest, TEST_OPTIONS } from './partner-sim-under-test.js';

interface Received {
  signature: string | undefined;
  rawBody: string;
}

const PLN_METER = TEST_CUSTOMERS.plnPrepaid.valid.customerNo;
const PHONE = TEST_CUSTOMERS.telco.valid;
let sequence = 0;
const newRef = () => `ref-${Date.now()}-${++sequence}`;

describe('partner-sim aggregator over HTTP', () => {
  let sim: PartnerSimUnderTest;
  let receiver: Server;
  const received: Received[] = [];
  /** How many of the next callbacks the receiver answers 500. */
  let failNextCallbacks = 0;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          signature: request.headers['x-hub-signature'] as string | undefined,
          rawBody: Buffer.concat(chunks).toString(),
        });
        response.statusCode = failNextCallbacks-- > 0 ? 500 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    sim = await PartnerSimUnderTest.start(`http://127.0.0.1:${port}/callbacks`);
  });

  afterAll(async () => {
    await sim?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  beforeEach(async () => {
    await sim.admin('POST', '/admin/reset');
    await sim.admin('PUT', '/admin/aggregator/faults', { cutOffWib: null, callbackDelayMs: 50 });
    received.length = 0;
    failNextCallbacks = 0;
  });

  const pay = (refId: string, productCode: string, customerNo: string) =>
    sim.aggregator<TransactionResponse>(AggregatorPaths.transaction, refId, {
      product_code: productCode,
      customer_no: customerNo,
    });
  const inquire = (refId: string, productCode: string, customerNo: string) =>
    sim.aggregator<InquiryResponse>(AggregatorPaths.inquiry, refId, {
      product_code: productCode,
      customer_no: customerNo,
    });
  const status = (refId: string) =>
    sim.aggregator<TransactionResponse>(AggregatorPaths.status, refId);
  const balance = async () =>
    (await sim.aggregator<{ data: { deposit_rp: number } }>(AggregatorPaths.balance, '')).data
      .deposit_rp;
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const statement = async () =>
    (await sim.aggregator<StatementResponse>(AggregatorPaths.statement, '', { date: today() }))
      .data;

  it('Given a request signed with the wrong key or username, When it arrives, Then it is refused with rc 40 and nothing is debited', async () => {
    const before = await balance();
    const refId = newRef();
    const forged = await sim.json<TransactionResponse>('POST', AggregatorPaths.transaction, {
      username: TEST_OPTIONS.aggregatorUsername,
      sign: createHmac('sha256', 'not-the-key')
        .update(TEST_OPTIONS.aggregatorUsername + refId)
        .digest('hex'),
      ref_id: refId,
      product_code: 'PLN20',
      customer_no: PLN_METER,
    });
    const otherUser = await sim.json<{ data: { rc: string } }>('POST', AggregatorPaths.balance, {
      username: 'someone-else',
      sign: createHmac('sha256', TEST_OPTIONS.aggregatorApiKey)
        .update('someone-else')
        .digest('hex'),
    });
    expect(forged.data).toMatchObject({ rc: '40', status: 'Gagal' });
    expect(otherUser.data.rc).toBe('40');
    expect(await balance()).toBe(before);
    expect((await status(refId)).data.rc).toBe('43');
  });

  it('Given a paid ref_id, When it is sent again, Then rc 49 and the deposit is debited once', async () => {
    const refId = newRef();
    const before = await balance();
    const first = await pay(refId, 'PLN50', PLN_METER);
    const again = await Promise.all([pay(refId, 'PLN50', PLN_METER), pay(refId, 'TSEL10', PHONE)]);
    const meter = TEST_CUSTOMERS.plnPrepaid.valid;
    expect(first.data).toMatchObject({
      status: 'Sukses',
      rc: '00',
      price_rp: 50_150,
      customer_name: meter.customerName,
      subscriber_id: meter.subscriberId,
      segment_power: meter.segmentPower,
      kwh: '33.6',
    });
    expect(first.data.sn).toMatch(/^\d{20}$/);
    expect(first.data.trx_id).toMatch(/^TRX\d{12}$/);
    expect(again.map((answer) => answer.data.rc)).toEqual(['49', '49']);
    expect(await balance()).toBe(before - 50_150);
    expect((await statement()).lines.filter((line) => line.ref_id === refId)).toHaveLength(1);
    expect((await status(refId)).data).toMatchObject({
      status: 'Sukses',
      sn: first.data.sn,
      trx_id: first.data.trx_id,
      kwh: '33.6',
    });
  });

  it('Given telco credit, When it is bought, Then the answer carries a serial number and the aggregator transaction id', async () => {
    const answer = await pay(newRef(), 'TSEL10', PHONE);
    expect(answer.data).toMatchObject({ status: 'Sukses', rc: '00', price_rp: 10_250 });
    expect(answer.data.sn).toMatch(/^\d{16}$/);
    expect(answer.data.trx_id).toMatch(/^TRX\d{12}$/);
    expect(answer.data.kwh).toBeUndefined();
    expect(answer.data.customer_name).toBeUndefined();
  });

  it('Given a postpaid bill paid late, When it is asked and paid, Then the penalty is on top of the bill and in the price', async () => {
    const customer = TEST_CUSTOMERS.plnPostpaid.withPenalty;
    const refId = newRef();
    const inquiry = await inquire(refId, 'PLNPOST', customer.customerNo);
    expect(inquiry.data).toMatchObject({
      rc: '00',
      customer_name: customer.customerName,
      subscriber_id: customer.customerNo,
      segment_power: customer.segmentPower,
      period: customer.period,
      bill_rp: 250_000,
      penalty_rp: 5_000,
      admin_rp: 2_500,
      price_rp: 256_800,
    });
    const before = await balance();
    const payment = await pay(refId, 'PLNPOST', customer.customerNo);
    expect(payment.data).toMatchObject({
      status: 'Sukses',
      price_rp: 256_800,
      customer_name: customer.customerName,
    });
    expect(await balance()).toBe(before - 256_800);
    const pdam = TEST_CUSTOMERS.pdam.withPenalty;
    expect((await inquire(newRef(), 'PDAM', pdam.customerNo)).data).toMatchObject({
      bill_rp: 120_000,
      penalty_rp: 10_000,
      price_rp: 131_800,
    });
    expect(
      (await inquire(newRef(), 'PDAM', TEST_CUSTOMERS.pdam.valid.customerNo)).data,
    ).toMatchObject({ penalty_rp: 0 });
  });

  it('Given a postpaid inquiry, When it is paid with the same ref_id, Then it succeeds once and the bill then answers already paid', async () => {
    const customer = TEST_CUSTOMERS.plnPostpaid.valid;
    const refId = newRef();
    const inquiry = await inquire(refId, 'PLNPOST', customer.customerNo);
    expect(inquiry.data).toMatchObject({
      rc: '00',
      customer_name: customer.customerName,
      period: customer.period,
      bill_rp: customer.billRp,
      admin_rp: customer.adminRp,
      price_rp: customer.priceRp,
    });
    const payment = await pay(refId, 'PLNPOST', customer.customerNo);
    expect(payment.data).toMatchObject({ status: 'Sukses', rc: '00', price_rp: customer.priceRp });
    expect((await pay(refId, 'PLNPOST', customer.customerNo)).data.rc).toBe('49');
    expect((await inquire(newRef(), 'PLNPOST', customer.customerNo)).data.rc).toBe('50');
    expect((await pay(newRef(), 'PLNPOST', customer.customerNo)).data.rc).toBe('50');
  });

  it('Given the test customers, When they are asked, Then each answers its documented rc', async () => {
    const cases: [string, string, string][] = [
      ['PLN20', TEST_CUSTOMERS.plnPrepaid.unknown, '54'],
      ['PLN20', '1234', '54'],
      ['TSEL10', TEST_CUSTOMERS.telco.unknown, '54'],
      ['PLNPOST', TEST_CUSTOMERS.plnPostpaid.unknown, '54'],
      ['PLNPOST', TEST_CUSTOMERS.plnPostpaid.billNotYetAvailable, '60'],
      ['PLNPOST', TEST_CUSTOMERS.plnPostpaid.alreadyPaid, '50'],
      ['PDAM', TEST_CUSTOMERS.pdam.unknown, '54'],
      ['PDAM', TEST_CUSTOMERS.pdam.billNotYetAvailable, '60'],
      ['PDAM', TEST_CUSTOMERS.pdam.alreadyPaid, '50'],
      ['BPJSKES', TEST_CUSTOMERS.bpjsKesehatan.unknown, '54'],
      ['BPJSKES', TEST_CUSTOMERS.bpjsKesehatan.billNotYetAvailable, '60'],
      ['BPJSKES', TEST_CUSTOMERS.bpjsKesehatan.alreadyPaid, '50'],
      ['BPJSKES', '7777701234567890', '54'],
      ['NOPE', PLN_METER, '55'],
      ['PDAM', TEST_CUSTOMERS.pdam.valid.customerNo, '00'],
      ['BPJSKES', TEST_CUSTOMERS.bpjsKesehatan.valid.customerNo, '00'],
      ['PDAM', '2009999999', '00'],
    ];
    const answers = await Promise.all(
      cases.map(([product, customer]) => inquire(newRef(), product, customer)),
    );
    expect(answers.map((answer) => answer.data.rc)).toEqual(cases.map(([, , rc]) => rc));
    expect(answers[14].data).toMatchObject({
      customer_name: 'AHMAD YANI',
      bill_rp: 85_000,
      price_rp: 86_700,
    });
    const derived = answers[16].data;
    expect(derived.bill_rp! % 100).toBe(0);
    expect(derived.price_rp).toBe(derived.bill_rp! + 1_800);
    expect((await inquire(newRef(), 'PDAM', '2009999999')).data).toEqual({
      ...derived,
      ref_id: expect.any(String),
    });
    expect((await inquire(newRef(), 'PLN100', PLN_METER)).data).toMatchObject({
      customer_name: 'BUDI SANTOSO',
      segment_power: 'R1/1300VA',
      subscriber_id: '523010012345',
      bill_rp: 100_000,
      price_rp: 100_150,
    });
  });

  it('Given a pending outcome, When it resolves, Then a callback signed with HMAC-SHA1 of the raw body arrives and status shows the result', async () => {
    const refId = newRef();
    await sim.admin('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [PHONE]: 'PENDING_THEN_SUCCESS' },
    });
    const before = await balance();
    const answer = await pay(refId, 'TSEL25', PHONE);
    expect(answer.data).toMatchObject({ status: 'Pending', rc: '03', sn: '' });
    expect(await balance()).toBe(before - 25_200);
    await waitFor('the callback', async () => received.length === 1, 5_000);
    const [callback] = received;
    const expected = `sha1=${createHmac('sha1', TEST_OPTIONS.aggregatorCallbackSecret).update(callback.rawBody).digest('hex')}`;
    expect(callback.signature).toBe(expected);
    const body = JSON.parse(callback.rawBody) as AggregatorCallback;
    expect(body.callback_id).toEqual(expect.any(String));
    expect(Date.parse(body.sent_at)).toBeGreaterThan(Date.now() - 10_000);
    expect(body.data).toMatchObject({
      ref_id: refId,
      status: 'Sukses',
      rc: '00',
      price_rp: 25_200,
    });
    expect((await status(refId)).data).toMatchObject({ status: 'Sukses', sn: body.data.sn });
  });

  it('Given a pending outcome that fails, When it resolves, Then the deposit is refunded with a REFUND line and the callback says Gagal', async () => {
    const refId = newRef();
    await sim.admin('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [PHONE]: 'PENDING_THEN_FAILED' },
    });
    const before = await balance();
    expect((await pay(refId, 'TSEL10', PHONE)).data.rc).toBe('03');
    await waitFor('the callback', async () => received.length === 1, 5_000);
    expect((JSON.parse(received[0].rawBody) as AggregatorCallback).data).toMatchObject({
      status: 'Gagal',
      rc: '02',
    });
    expect(await balance()).toBe(before);
    expect(
      (await statement()).lines.filter((line) => line.ref_id === refId).map((line) => line.type),
    ).toEqual(['DEBIT', 'REFUND']);
    expect((await status(refId)).data).toMatchObject({ status: 'Gagal', rc: '02' });
  });

  it('Given the receiver fails the first callback, When the sim retries, Then a second, freshly signed delivery succeeds', async () => {
    failNextCallbacks = 1;
    const refId = newRef();
    await sim.admin('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [PHONE]: 'PENDING_THEN_SUCCESS' },
    });
    await pay(refId, 'TSEL10', PHONE);
    await waitFor('two deliveries', async () => received.length === 2, 5_000);
    const ids = received.map(
      (delivery) => (JSON.parse(delivery.rawBody) as AggregatorCallback).callback_id,
    );
    expect(new Set(ids).size).toBe(2);
    const log = await sim.json<{ deliveries: { attempt: number; http_status: number }[] }>(
      'GET',
      `/admin/aggregator/callbacks?ref_id=${refId}`,
    );
    expect(log.deliveries.map((delivery) => [delivery.attempt, delivery.http_status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it('Given a dropped response, When the payment is made, Then the client sees a reset, the deposit is debited and status shows Sukses', async () => {
    const refId = newRef();
    await sim.admin('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [PLN_METER]: 'DROP' },
    });
    const before = await balance();
    await expect(pay(refId, 'PLN20', PLN_METER)).rejects.toThrow();
    expect(await balance()).toBe(before - 20_150);
    expect((await status(refId)).data).toMatchObject({ status: 'Sukses', rc: '00' });
    expect((await pay(refId, 'PLN20', PLN_METER)).data.rc).toBe('49');
    expect(await balance()).toBe(before - 20_150);
  });

  it('Given a deposit below the price, When paying, Then rc 44, nothing is debited and the ref_id stays free', async () => {
    await sim.admin('PUT', '/admin/aggregator/deposit', { balanceRp: 50_000 });
    const refId = newRef();
    expect((await pay(refId, 'PLN100', PLN_METER)).data).toMatchObject({
      status: 'Gagal',
      rc: '44',
      price_rp: 100_150,
    });
    expect(await balance()).toBe(50_000);
    expect((await status(refId)).data.rc).toBe('43');
    await sim.admin('POST', '/admin/aggregator/deposit/topups', {
      amountRp: 100_000,
      ref: 'TRF-1',
    });
    expect((await pay(refId, 'PLN100', PLN_METER)).data.rc).toBe('00');
  });

  it('Given the PLN cut-off window covers now, When PLN is asked, Then rc 109; telco still works', async () => {
    const wib = new Date(Date.now() + 7 * 3600_000);
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    await sim.admin('PUT', '/admin/aggregator/faults', {
      cutOffWib: {
        start: hhmm(new Date(wib.getTime() - 3600_000)),
        end: hhmm(new Date(wib.getTime() + 3600_000)),
      },
    });
    expect((await pay(newRef(), 'PLN20', PLN_METER)).data).toMatchObject({
      status: 'Gagal',
      rc: '109',
    });
    expect(
      (await inquire(newRef(), 'PLNPOST', TEST_CUSTOMERS.plnPostpaid.valid.customerNo)).data.rc,
    ).toBe('109');
    expect((await pay(newRef(), 'TSEL10', PHONE)).data.rc).toBe('00');
  });

  it('Given top-ups, debits and a refund, When the statement is read, Then opening plus the lines is the closing, line by line', async () => {
    await sim.admin('PUT', '/admin/aggregator/deposit', { balanceRp: 0 });
    await sim.admin('POST', '/admin/aggregator/deposit/topups', {
      amountRp: 500_000,
      ref: 'TRF-A',
    });
    await sim.admin('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { '081200000001': 'PENDING_THEN_FAILED', '081200000002': 'FAILED' },
    });
    await pay(newRef(), 'PLN50', PLN_METER);
    await pay(newRef(), 'TSEL10', '081200000001');
    await pay(newRef(), 'TSEL10', '081200000002');
    await pay(newRef(), 'PDAM', TEST_CUSTOMERS.pdam.valid.customerNo);
    await waitFor(
      'the refund',
      async () => (await statement()).lines.some((line) => line.type === 'REFUND'),
      5_000,
    );
    const day = await statement();
    expect(day.lines.map((line) => line.type)).toEqual([
      'TOPUP',
      'DEBIT',
      'DEBIT',
      'DEBIT',
      'REFUND',
    ]);
    let running = day.opening_rp;
    for (const line of day.lines) {
      running += line.type === 'DEBIT' ? -line.amount_rp : line.amount_rp;
      expect(line.balance_after_rp).toBe(running);
    }
    expect(day.opening_rp).toBe(0);
    expect(day.closing_rp).toBe(running);
    expect(day.closing_rp).toBe(500_000 - 50_150 - 86_700);
    expect(await balance()).toBe(day.closing_rp);
  });

  it('Given the same seed, When the same payments run twice, Then the outcomes repeat', async () => {
    const run = async () => {
      await sim.admin('POST', '/admin/reset');
      await sim.admin('PUT', '/admin/aggregator/faults', {
        cutOffWib: null,
        pendingShare: 0.3,
        failureShare: 0.3,
        seed: 42,
        callbacksEnabled: false,
      });
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i++)
        outcomes.push((await pay(`seeded-${i}`, 'TSEL10', PHONE)).data.rc);
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['00', '02', '03']));
  });

  it('Given a slow customer, When others pay meanwhile, Then only the slow one waits and status shows it in process', async () => {
    await sim.admin('PUT', '/admin/aggregator/faults', {
      latencyMsByCustomer: { '081299999999': 1_500 },
    });
    const slowRef = newRef();
    const slow = pay(slowRef, 'TSEL10', '081299999999');
    const started = Date.now();
    await pay(newRef(), 'TSEL10', PHONE);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(
      (await sim.aggregator<TransactionResponse>(AggregatorPaths.status, slowRef)).data.rc,
    ).toBe('03');
    expect((await slow).data.rc).toBe('00');
    expect((await status(slowRef)).data.rc).toBe('00');
  });

  it('Given requests, When the log is read, Then each one is there with its ref_id and customer, filterable', async () => {
    await sim.admin('DELETE', '/admin/requests');
    const refId = newRef();
    await pay(refId, 'TSEL10', PHONE);
    await pay(refId, 'TSEL10', PHONE);
    await status(refId);
    const log = await sim.json<{
      total: number;
      requests: { path: string; customer_no: string }[];
    }>(
      'GET',
      `/admin/requests?ref_id=${refId}&path=${encodeURIComponent(AggregatorPaths.transaction)}`,
    );
    expect(log.total).toBe(2);
    expect(log.requests[0]).toMatchObject({
      path: AggregatorPaths.transaction,
      customer_no: PHONE,
      product_code: 'TSEL10',
    });
  });

  it('Given a misspelt or out-of-range knob, When it is set, Then 400 names it and no knob changes', async () => {
    const before = await sim.json<unknown>('GET', '/admin/aggregator/faults');
    const typo = await sim.raw('PUT', '/admin/aggregator/faults', {
      pendingShar: 0.5,
      latencyMs: 10,
    });
    const range = await sim.raw('PUT', '/admin/aggregator/faults', { pendingShare: 1.5 });
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as { message: string }).message).toContain('pendingShar');
    expect(range.status).toBe(400);
    expect(await sim.json<unknown>('GET', '/admin/aggregator/faults')).toEqual(before);
  });
});
