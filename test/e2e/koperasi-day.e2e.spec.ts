import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import type { ApiClient } from '../support/api-client.js';
import { staffedKoperasi } from '../support/staffed-koperasi.js';
import { SuiteHarness } from '../support/suite-harness.js';

const FLOAT_RP = 400_000;
const SHORT_RP = 3_000;
const KUR_FEE_RP = 2_500;
/** The relays publish below the server-wide oldest open transaction: other suites on the same PostgreSQL slow the books. */
const LEDGER_WAIT_MS = 60_000;

function wibToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * A whole koperasi day and month end through the gateway (issue 14): the opening float, a mixed day, tutup kasir
 * short and approved, a notice the bank refuses reversed and paid back, setor ke bank, a remittance, the bank paying
 * its fees; the books balance after, and the
 * auditors' replay rebuilds the same books from the events.
 */
describe('a koperasi day and month end to end: drawer, setor ke bank, remittance, the bank paying its fees, the books', () => {
  const suite = new SuiteHarness();
  let teller: ApiClient;
  let supervisor: ApiClient;
  let auditor: ApiClient;
  let tellerId: string;
  let expectedRp: number;
  let nextLoan = 71_000;

  const sim = <T = any>(method: string, path: string, body?: unknown) =>
    suite.partnerSim<T>(method, path, body);

  async function balances(): Promise<Record<string, number>> {
    const response = await supervisor.get('/ledger/accounts');
    expect(response.status).toBe(200);
    return Object.fromEntries(
      response.body.map((account: { code: string; balance: number }) => [
        account.code,
        account.balance,
      ]),
    );
  }

  async function booksReach(
    what: string,
    check: (books: Record<string, number>) => boolean,
  ): Promise<Record<string, number>> {
    let books: Record<string, number> = {};
    await waitFor(what, async () => check((books = await balances())), LEDGER_WAIT_MS).catch(
      (error: Error) => {
        throw new Error(`${error.message}; last balances ${JSON.stringify(books)}`);
      },
    );
    return books;
  }

  /** A generated current KUR loan at partner-sim's bank, not collected on yet. */
  async function kurLoan(): Promise<{ loanNo: string; installmentDue: number }> {
    for (let tries = 0; tries < 50; tries++) {
      const loanNo = `${TEST_LOANS.generatedPrefix}${String(nextLoan++).padStart(11, '0')}`;
      const account = await teller.get(`/loans/accounts/${loanNo}`);
      expect(account.status).toBe(200);
      if (account.body.product === 'KUR')
        return { loanNo, installmentDue: account.body.installmentDue };
    }
    throw new Error('no generated KUR loan found');
  }

  beforeAll(async () => {
    await suite.startAll();
    await sim('POST', '/admin/reset');
    const koperasi = await staffedKoperasi(
      suite.gatewayUrl,
      {
        code: 'KRP',
        name: 'KKMP Karangpanas',
        kelurahan: 'Karangrejo',
        kecamatan: 'Gajahmungkur',
        kotaKabupaten: 'Kota Semarang',
        provinsi: 'Jawa Tengah',
      },
      { 'teller.rini': 'teller', 'supervisor.hadi': 'supervisor', 'auditor.wati': 'auditor' },
      { ppobTopUp: { amountRp: 500_000, bankTransferRef: 'BRI-TRF-KRP-1' }, kurFeeRp: KUR_FEE_RP },
    );
    ({
      'teller.rini': teller,
      'supervisor.hadi': supervisor,
      'auditor.wati': auditor,
    } = koperasi.staff);
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  it('given buka kasir and a mixed day with a notice the bank refuses (reversed, paid back from the drawer), when the teller counts Rp3.000 short and the supervisor approves, then the vault holds the count less the float', async () => {
    const opened = await teller.post('/cash-drawer/open', { openingFloat: FLOAT_RP });
    expect(opened.status).toBe(200);
    tellerId = opened.body.tellerId;
    const member = await teller.post('/members', {
      nik: '3374114405910002',
      fullName: 'Dewi Lestari',
      address: 'Jl. Karangrejo 7',
      kelurahan: 'Karangrejo',
    });
    expect(member.status).toBe(201);
    expect(
      (await teller.post(`/members/${member.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBe(200);
    expect(
      (
        await teller.post(`/members/${member.body.id}/simpanan-sukarela/deposits`, {
          amount: 200_000,
        })
      ).status,
    ).toBe(200);
    const payment = await teller.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
    });
    expect(payment.status).toBeLessThan(300);
    // The JSON receipt names the koperasi and the teller as the printed struk does.
    const receipt = await teller.get(`/billpay/payments/${payment.body.paymentId}/receipt`);
    expect(receipt.body).toMatchObject({
      koperasiName: 'KKMP Karangpanas',
      tellerName: 'Teller Rini',
    });
    const loans = [await kurLoan(), await kurLoan()];
    for (const loan of loans)
      expect(
        (
          await teller.post('/loans/installments', {
            loanNo: loan.loanNo,
            amount: loan.installmentDue,
          })
        ).status,
      ).toBe(201);
    const installmentsRp = loans.reduce((sum, loan) => sum + loan.installmentDue, 0);

    // The bank refuses one notice for good: the collection is reversed and the supervisor pays it back from the teller's drawer.
    const refusedLoan = await kurLoan();
    await sim('PUT', '/admin/bank/faults', {
      refuseCollectionByLoan: {
        [refusedLoan.loanNo]: 'Rekening pinjaman sedang direstrukturisasi',
      },
    });
    const refusedCollection = await teller.post('/loans/installments', {
      loanNo: refusedLoan.loanNo,
      amount: refusedLoan.installmentDue,
    });
    expect(refusedCollection.status).toBe(201);
    let refused: any[] = [];
    await waitFor(
      'the bank to refuse the notice',
      async () =>
        (refused = (await supervisor.get('/loans/refused-collections')).body).length === 1,
      LEDGER_WAIT_MS,
    );
    expect(refused[0]).toMatchObject({
      collectionId: refusedCollection.body.collectionId,
      noticeStatus: 'REFUSED',
      remittance: 'REFUSED',
      refusal: {
        code: 'COLLECTION_REFUSED',
        reason: 'Rekening pinjaman sedang direstrukturisasi',
        paidBack: null,
      },
    });
    await booksReach('the refusal in the books', (b) => b['215000'] === refusedLoan.installmentDue);
    const payBackPath = `/loans/refused-collections/${refusedCollection.body.collectionId}/pay-back`;
    expect((await teller.post(payBackPath, { tellerId })).status).toBe(403);
    const paidBack = await supervisor.post(payBackPath, { tellerId });
    expect(paidBack.status).toBe(200);
    expect(paidBack.body.refusal.paidBack).toMatchObject({
      tellerId,
      paidByName: 'Supervisor Hadi',
    });
    const again = await supervisor.post(payBackPath, { tellerId });
    expect({ status: again.status, error: again.body.error }).toEqual({
      status: 409,
      error: 'ALREADY_PAID_BACK',
    });
    await booksReach('the pay-back in the books', (b) => b['215000'] === 0);
    expectedRp = FLOAT_RP + 25_000 + 200_000 + payment.body.totalAmount + installmentsRp;
    let drawer: any;
    await waitFor(
      'the whole day in the drawer',
      async () => (drawer = (await teller.get('/cash-drawer')).body).expected.total === expectedRp,
      LEDGER_WAIT_MS,
    );
    expect(drawer.expected.lines).toContainEqual({
      kind: 'angsuran',
      count: 3,
      in: installmentsRp + refusedLoan.installmentDue,
      out: 0,
    });
    expect(drawer.expected.lines).toContainEqual({
      kind: 'refund',
      count: 1,
      in: 0,
      out: refusedLoan.installmentDue,
    });

    expect(
      (await teller.post('/cash-drawer/close', { counted: expectedRp - SHORT_RP })).status,
    ).toBe(200);
    const approved = await supervisor.post(`/cash-drawers/${wibToday()}/${tellerId}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'CLOSED', difference: -SHORT_RP });
    const books = await booksReach('the closing in the books', (b) => b['530000'] === SHORT_RP);
    expect(books['111100']).toBe(expectedRp - SHORT_RP - FLOAT_RP);
    expect(books['111000']).toBe(0);
    expect(books['114100']).toBe(2 * KUR_FEE_RP);
  }, 180_000);

  it('given the vault, when the supervisor records setor ke bank, then the slip is taken once, never more than the vault, and the cash moves to the bank account', async () => {
    const before = await balances();
    const vaultRp = before['111100'];
    const listed = await supervisor.get('/bank/deposits');
    expect(listed.body).toEqual({ vaultBalance: vaultRp, deposits: [] });

    const tooMuch = await supervisor.post('/bank/deposits', {
      amount: vaultRp + 1,
      slipRef: 'SLIP-KRP-0001',
    });
    expect({ status: tooMuch.status, error: tooMuch.body.error }).toEqual({
      status: 422,
      error: 'MORE_THAN_VAULT',
    });
    expect(
      (await teller.post('/bank/deposits', { amount: 1_000, slipRef: 'SLIP-KRP-0001' })).status,
    ).toBe(403);
    expect(
      (await auditor.post('/bank/deposits', { amount: 1_000, slipRef: 'SLIP-KRP-0001' })).status,
    ).toBe(403);
    expect(
      (await supervisor.post('/bank/deposits', { amount: 1_000, slipRef: 'SLIP<0001>' })).status,
    ).toBe(400);
    expect(
      (await supervisor.post('/bank/deposits', { amount: 0, slipRef: 'SLIP-KRP-0001' })).status,
    ).toBe(400);

    const depositRp = vaultRp - 100_000;
    const recorded = await supervisor.post('/bank/deposits', {
      amount: depositRp,
      slipRef: 'SLIP-KRP-0001',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      slipRef: 'SLIP-KRP-0001',
      amount: depositRp,
      recordedByName: 'Supervisor Hadi',
    });
    const again = await supervisor.post('/bank/deposits', {
      amount: 10_000,
      slipRef: 'slip-krp-0001',
    });
    expect({ status: again.status, error: again.body.error }).toEqual({
      status: 409,
      error: 'SLIP_ALREADY_RECORDED',
    });

    const after = await booksReach('the deposit in the books', (b) => b['111100'] === 100_000);
    expect(after['112100']).toBe(before['112100'] + depositRp);
    const entries = await auditor.get('/bank/deposits');
    expect(entries.body).toMatchObject({
      vaultBalance: 100_000,
      deposits: [{ slipRef: 'SLIP-KRP-0001', amount: depositRp }],
    });
  }, 120_000);

  it('given the installments, when the supervisor remits them, then the bank confirms and nothing is owed to it but its fees', async () => {
    await waitFor(
      'notices acknowledged',
      async () =>
        (await supervisor.get('/loans/collections?status=UNREMITTED')).body.collections.every(
          (c: any) => c.noticeStatus === 'ACKNOWLEDGED',
        ),
      LEDGER_WAIT_MS,
    );
    const closed = await supervisor.post('/loans/remittances', {});
    expect(closed.status).toBe(201);
    // The refused collection is never remitted.
    expect(closed.body.collectionCount).toBe(2);
    await waitFor(
      'the bank to confirm',
      async () =>
        (await supervisor.get(`/loans/remittances/${closed.body.remittanceId}`)).body.status ===
        'CONFIRMED',
      LEDGER_WAIT_MS,
    );
    const books = await booksReach('the remittance in the books', (b) => b['212000'] === 0);
    expect(books['114100']).toBe(2 * KUR_FEE_RP);
  }, 120_000);

  it('given the fees the bank owes for the month, when it pays them in two transfers, then no more than owed is taken and the report shows nothing left', async () => {
    const month = wibToday().slice(0, 7);
    const bankBefore = (await balances())['112100'];
    const owed = await supervisor.get('/bank/fees');
    expect(owed.status).toBe(200);
    expect(owed.body).toMatchObject({
      months: [{ period: month, accrued: 2 * KUR_FEE_RP, settled: 0, owed: 2 * KUR_FEE_RP }],
      totalOwed: 2 * KUR_FEE_RP,
    });

    const tooMuch = await supervisor.post('/bank/fee-settlements', {
      amount: 2 * KUR_FEE_RP + 1,
      reference: 'BRI-FEE-1',
      period: month,
    });
    expect({ status: tooMuch.status, error: tooMuch.body.error }).toEqual({
      status: 422,
      error: 'MORE_THAN_OWED',
    });
    const nothingOwed = await supervisor.post('/bank/fee-settlements', {
      amount: 1_000,
      reference: 'BRI-FEE-1',
      period: '2025-01',
    });
    expect({ status: nothingOwed.status, error: nothingOwed.body.error }).toEqual({
      status: 422,
      error: 'MORE_THAN_OWED',
    });
    expect(
      (
        await teller.post('/bank/fee-settlements', {
          amount: 1_000,
          reference: 'BRI-FEE-1',
          period: month,
        })
      ).status,
    ).toBe(403);

    expect(
      (
        await supervisor.post('/bank/fee-settlements', {
          amount: 3_000,
          reference: 'BRI-FEE-1',
          period: month,
        })
      ).status,
    ).toBe(201);
    const sameRef = await supervisor.post('/bank/fee-settlements', {
      amount: 2_000,
      reference: 'bri-fee-1',
      period: month,
    });
    expect({ status: sameRef.status, error: sameRef.body.error }).toEqual({
      status: 409,
      error: 'REFERENCE_ALREADY_RECORDED',
    });
    expect(
      (
        await supervisor.post('/bank/fee-settlements', {
          amount: 2_001,
          reference: 'BRI-FEE-2',
          period: month,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await supervisor.post('/bank/fee-settlements', {
          amount: 2_000,
          reference: 'BRI-FEE-2',
          period: month,
        })
      ).status,
    ).toBe(201);

    const settled = await auditor.get('/bank/fees');
    expect(settled.body).toMatchObject({
      months: [{ period: month, accrued: 5_000, settled: 5_000, owed: 0 }],
      totalOwed: 0,
    });
    expect(settled.body.settlements.map((s: any) => s.reference)).toEqual([
      'BRI-FEE-2',
      'BRI-FEE-1',
    ]);
    const books = await booksReach('the settlements in the books', (b) => b['114100'] === 0);
    expect(books['112100']).toBe(bankBefore + 2 * KUR_FEE_RP);
  }, 120_000);

  it('given entries a system step posted (the PPOB fee at the outcome, the bank refusing a notice), when the auditor traces them, then they lead to the teller who took the money', async () => {
    const fees = await auditor.get('/audit/entries?accountCode=410000');
    const ppobFee = fees.body.entries.find((entry: any) =>
      entry.lines.some((line: any) => line.accountCode === '410000' && line.credit > 0),
    );
    expect(ppobFee.trace.actor).toBe('system:billpay-dispatcher');
    const refusals = await auditor.get('/audit/entries?accountCode=215000');
    const refusal = refusals.body.entries.find(
      (entry: any) => entry.trace.eventType === 'CollectionRefusedByBank',
    );
    for (const entry of [ppobFee, refusal]) {
      const trace = await auditor.get(`/audit/entries/${entry.id}/trace`);
      expect(trace.status).toBe(200);
      expect(trace.body.user).toMatchObject({ username: 'teller.rini', role: 'teller' });
      expect(trace.body.command).toMatchObject({ method: 'POST' });
      expect(trace.body.origin.type).toMatch(/^(BillPaymentRequested|InstallmentCollected)$/);
    }
  }, 60_000);

  it('given the day and the month end, then the trial balance balances and the replay rebuilds the same books', async () => {
    const trial = await auditor.get('/ledger/trial-balance');
    expect(trial.status).toBe(200);
    expect(trial.body.totalDebit).toBe(trial.body.totalCredit);
    const run = await suite.runAuditCli('replay', '--json');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout).comparison).toMatchObject({
      identical: true,
      accounts: [],
      members: [],
      cashByTellerDay: [],
    });
  }, 180_000);
});
