import {
  BankPaths,
  type BankLoan,
  type CollectionAck,
  type RemittanceStatusResponse,
} from '@koperasi/contracts';
import { TEST_LOANS } from '../src/bank/test-loans.js';
import { PartnerSimUnderTest, TEST_OPTIONS } from './partner-sim-under-test.js';

const AUTH = {
  authorization: `Bearer ${TEST_OPTIONS.bankApiKey}`,
  'x-agent-id': 'kkmp-test-agent',
};
let sequence = 0;
const newRef = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

describe('partner-sim bank over HTTP', () => {
  let sim: PartnerSimUnderTest;

  beforeAll(async () => {
    sim = await PartnerSimUnderTest.start();
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(async () => {
    await sim.admin('POST', '/admin/reset');
  });

  const lookup = async (loanNo: string) => {
    const response = await sim.raw('GET', BankPaths.loan(loanNo), undefined, AUTH);
    return {
      status: response.status,
      body: (await response.json()) as BankLoan & { code?: string },
    };
  };
  const collect = async (reference: string, loanNo: string, amountRp: number) => {
    const response = await sim.raw(
      'POST',
      BankPaths.collections,
      { reference, loan_no: loanNo, amount_rp: amountRp, collected_at: new Date().toISOString() },
      AUTH,
    );
    return {
      status: response.status,
      body: (await response.json()) as CollectionAck & { code?: string },
    };
  };
  const remit = async (
    batchRef: string,
    items: { reference: string; amount_rp: number }[],
    totalRp = items.reduce((sum, item) => sum + item.amount_rp, 0),
  ) => {
    const response = await sim.raw(
      'POST',
      BankPaths.remittances,
      { batch_ref: batchRef, total_rp: totalRp, items },
      AUTH,
    );
    return { status: response.status, body: (await response.json()) as RemittanceStatusResponse };
  };
  const batchStatus = async (batchRef: string) => {
    const response = await sim.raw('GET', BankPaths.remittance(batchRef), undefined, AUTH);
    return { status: response.status, body: (await response.json()) as RemittanceStatusResponse };
  };

  it('Given no or a wrong bearer token or no agent id, When the bank is called, Then 401 or 400', async () => {
    const none = await sim.raw('GET', BankPaths.loan(TEST_LOANS.current.loanNo));
    const wrong = await sim.raw('GET', BankPaths.loan(TEST_LOANS.current.loanNo), undefined, {
      authorization: 'Bearer nope',
      'x-agent-id': 'a',
    });
    const noAgent = await sim.raw('GET', BankPaths.loan(TEST_LOANS.current.loanNo), undefined, {
      authorization: AUTH.authorization,
    });
    expect([none.status, wrong.status, noAgent.status]).toEqual([401, 401, 400]);
  });

  it('Given the test loans, When they are looked up, Then current, in arrears, closed, generated and unknown answer as documented', async () => {
    const current = await lookup(TEST_LOANS.current.loanNo);
    expect(current.body).toMatchObject({
      borrower_name: 'WARSITO',
      product: 'KUR',
      status: 'ACTIVE',
      installment_due_rp: 1_250_000,
      installments_in_arrears: 0,
      penalty_rp: 0,
      max_payment_rp: 1_250_000,
    });
    const arrears = await lookup(TEST_LOANS.inArrears.loanNo);
    expect(arrears.body).toMatchObject({
      borrower_name: 'SRI WAHYUNI',
      product: 'KUPEDES',
      installments_in_arrears: 2,
      penalty_rp: 45_000,
      max_payment_rp: 2_295_000,
    });
    expect((await lookup(TEST_LOANS.closed.loanNo)).body).toMatchObject({
      status: 'CLOSED',
      max_payment_rp: 0,
    });
    const generated = await lookup('000912345678901');
    expect(generated.body.status).toBe('ACTIVE');
    expect(generated.body.max_payment_rp).toBeGreaterThan(1_000_000_000);
    expect((await lookup('000912345678901')).body).toEqual(generated.body);
    for (const unknown of [TEST_LOANS.unknown, '000812345678901', '0009123']) {
      const answer = await lookup(unknown);
      expect([answer.status, answer.body.code]).toEqual([404, 'LOAN_NOT_FOUND']);
    }
  });

  it('Given a collection notice sent three times, When the bank counts it, Then one ack, counted once, and the due falls once (arrears first)', async () => {
    const reference = newRef('col');
    const answers = await Promise.all(
      [1, 2, 3].map(() => collect(reference, TEST_LOANS.inArrears.loanNo, 1_000_000)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.bank_ref)).size).toBe(1);
    expect(answers[0].body).toMatchObject({ reference, status: 'ACKNOWLEDGED' });
    const counted = await sim.json<{ total: number }>(
      'GET',
      `/admin/bank/collections?reference=${reference}`,
    );
    expect(counted.total).toBe(1);
    // 1,000,000 pays the first arrear (750,000) and 250,000 of the second.
    expect((await lookup(TEST_LOANS.inArrears.loanNo)).body).toMatchObject({
      installments_in_arrears: 1,
      penalty_rp: 45_000,
      max_payment_rp: 1_295_000,
    });
    await collect(newRef('col'), TEST_LOANS.inArrears.loanNo, 500_000 + 45_000);
    expect((await lookup(TEST_LOANS.inArrears.loanNo)).body).toMatchObject({
      installments_in_arrears: 0,
      penalty_rp: 0,
      installment_due_rp: 750_000,
      max_payment_rp: 750_000,
    });
  });

  it('Given a loan, When a notice overpays, is on a closed or unknown loan, or reuses a reference for another amount, Then 422, 404 or 409 and nothing is counted', async () => {
    const reference = newRef('col');
    expect((await collect(reference, TEST_LOANS.current.loanNo, 1_250_001)).body.code).toBe(
      'AMOUNT_EXCEEDS_DUE',
    );
    expect((await collect(newRef('col'), TEST_LOANS.closed.loanNo, 100_000)).body.code).toBe(
      'LOAN_CLOSED',
    );
    expect((await collect(newRef('col'), TEST_LOANS.unknown, 100_000)).status).toBe(404);
    expect((await collect(reference, TEST_LOANS.current.loanNo, 1_250_000)).status).toBe(200);
    const conflict = await collect(reference, TEST_LOANS.current.loanNo, 1_000_000);
    expect([conflict.status, conflict.body.code]).toEqual([409, 'REFERENCE_CONFLICT']);
    const malformed = await sim.raw(
      'POST',
      BankPaths.collections,
      { reference: 'x', loan_no: TEST_LOANS.current.loanNo, amount_rp: -5 },
      AUTH,
    );
    expect(malformed.status).toBe(400);
    expect((await sim.json<{ total: number }>('GET', '/admin/bank/collections')).total).toBe(1);
  });

  it('Given collections, When a batch is remitted twice and confirmed, Then one CONFIRMED batch with a bank_ref, and its collections cannot be remitted again', async () => {
    const a = newRef('col');
    const b = newRef('col');
    await collect(a, '000900000000001', 300_000);
    await collect(b, '000900000000002', 400_000);
    const items = [
      { reference: a, amount_rp: 300_000 },
      { reference: b, amount_rp: 400_000 },
    ];
    const batchRef = newRef('batch');
    const [first, second] = [await remit(batchRef, items), await remit(batchRef, items)];
    expect(first.body).toMatchObject({ batch_ref: batchRef, status: 'CONFIRMED', reason: null });
    expect(first.body.bank_ref).toMatch(/^BRIR/);
    expect(second.body).toEqual(first.body);
    expect((await batchStatus(batchRef)).body).toEqual(first.body);
    expect((await remit(batchRef, items.slice(0, 1))).status).toBe(409);
    expect((await remit(newRef('batch'), items)).body).toMatchObject({
      status: 'REJECTED',
      reason: expect.stringContaining(batchRef),
    });
  });

  it('Given the bank rejects, When the same collections go in a new batch after, Then the first is REJECTED with the reason and the second CONFIRMED', async () => {
    const a = newRef('col');
    await collect(a, '000900000000003', 250_000);
    await sim.admin('PUT', '/admin/bank/faults', {
      remittanceOutcome: 'REJECT',
      rejectReason: 'Rekening tujuan salah',
    });
    const rejected = await remit(newRef('batch'), [{ reference: a, amount_rp: 250_000 }]);
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      reason: 'Rekening tujuan salah',
      bank_ref: null,
    });
    await sim.admin('PUT', '/admin/bank/faults', { remittanceOutcome: 'CONFIRM' });
    expect((await remit(newRef('batch'), [{ reference: a, amount_rp: 250_000 }])).body.status).toBe(
      'CONFIRMED',
    );
  });

  it('Given HOLD, When a batch arrives, Then it stays RECEIVED until the knob changes; unknown batches and items answer as documented', async () => {
    const a = newRef('col');
    await collect(a, '000900000000004', 100_000);
    await sim.admin('PUT', '/admin/bank/faults', { remittanceOutcome: 'HOLD' });
    const batchRef = newRef('batch');
    expect((await remit(batchRef, [{ reference: a, amount_rp: 100_000 }])).body.status).toBe(
      'RECEIVED',
    );
    expect((await batchStatus(batchRef)).body.status).toBe('RECEIVED');
    await sim.admin('PUT', '/admin/bank/faults', { remittanceOutcome: 'CONFIRM' });
    expect((await batchStatus(batchRef)).body.status).toBe('CONFIRMED');
    const missing = await batchStatus('no-such-batch');
    expect([missing.status, missing.body.status]).toEqual([404, 'NOT_FOUND']);
    expect(
      (await remit(newRef('batch'), [{ reference: 'never-notified', amount_rp: 1 }])).body,
    ).toMatchObject({ status: 'REJECTED' });
    const wrongTotal = await remit(newRef('batch'), [{ reference: a, amount_rp: 100_000 }], 99_999);
    expect(wrongTotal.body.status).toBe('REJECTED');
  });

  it('Given the bank is down, times out or drops answers, When it is called, Then 503, a reset with nothing counted, or a reset with the collection counted', async () => {
    await sim.admin('PUT', '/admin/bank/faults', { down: true });
    expect((await collect(newRef('col'), TEST_LOANS.current.loanNo, 100_000)).status).toBe(503);
    await sim.admin('PUT', '/admin/bank/faults', { down: false, timeoutShare: 1, hangMs: 100 });
    const timedOut = newRef('col');
    await expect(collect(timedOut, TEST_LOANS.current.loanNo, 100_000)).rejects.toThrow();
    await sim.admin('PUT', '/admin/bank/faults', {
      timeoutShare: 0,
      faultByLoan: { [TEST_LOANS.current.loanNo]: 'DROP' },
    });
    const dropped = newRef('col');
    await expect(collect(dropped, TEST_LOANS.current.loanNo, 100_000)).rejects.toThrow();
    const counted = await sim.json<{ collections: { notice: { reference: string } }[] }>(
      'GET',
      '/admin/bank/collections',
    );
    expect(counted.collections.map((collection) => collection.notice.reference)).toEqual([dropped]);
    await sim.admin('PUT', '/admin/bank/faults', { faultByLoan: {} });
    expect((await collect(dropped, TEST_LOANS.current.loanNo, 100_000)).status).toBe(200);
    expect((await lookup(TEST_LOANS.current.loanNo)).body.max_payment_rp).toBe(1_150_000);
    const log = await sim.json<{ total: number }>('GET', `/admin/requests?reference=${dropped}`);
    expect(log.total).toBe(2);
  });
});
