import { waitFor } from '@koperasi/testing';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import type { ApiClient } from '../support/api-client.js';
import { staffedKoperasi } from '../support/staffed-koperasi.js';
import { SuiteHarness } from '../support/suite-harness.js';

const FLOAT_RP = 500_000;
const SHORT_RP = 5_000;
const NOTES = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100];

/** The count a teller gives note by note: the largest notes first. */
function denominationsOf(amountRp: number): { value: number; count: number }[] {
  let rest = amountRp;
  return NOTES.map((value) => {
    const count = Math.floor(rest / value);
    rest -= count * value;
    return { value, count };
  }).filter((line) => line.count > 0);
}

describe('cash at the counter end to end: buka kasir, a mixed day, tutup kasir short and approved, the books and the replay', () => {
  const suite = new SuiteHarness();
  let teller: ApiClient;
  let forgetfulTeller: ApiClient;
  let supervisor: ApiClient;
  let memberId: string;
  let expectedRp: number;
  let drawerId: string;

  beforeAll(async () => {
    await suite.startAll();
    const koperasi = await staffedKoperasi(
      suite.gatewayUrl,
      {
        code: 'BDK',
        name: 'KKMP Bendan Kergon',
        kelurahan: 'Bendan Kergon',
        kecamatan: 'Pekalongan Barat',
        kotaKabupaten: 'Kota Pekalongan',
        provinsi: 'Jawa Tengah',
      },
      { 'teller.siti': 'teller', 'teller.agus': 'teller', 'supervisor.budi': 'supervisor' },
      { ppobTopUp: { amountRp: 1_000_000, bankTransferRef: 'BRI-TRF-KASIR-1' }, kurFeeRp: 2_500 },
    );
    ({
      'teller.siti': teller,
      'teller.agus': forgetfulTeller,
      'supervisor.budi': supervisor,
    } = koperasi.staff);
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

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

  it('given buka kasir with a float, then the drawer is OPEN and a second opening is refused', async () => {
    const opened = await teller.post('/cash-drawer/open', { openingFloat: FLOAT_RP });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'OPEN',
      openingFloat: FLOAT_RP,
      tellerName: 'Teller Siti',
    });
    drawerId = opened.body.drawerId;
    const again = await teller.post('/cash-drawer/open', { openingFloat: FLOAT_RP });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('DRAWER_ALREADY_OPEN');
  }, 30_000);

  it('given a mixed day, then the drawer expects the float plus everything taken less everything paid out, by kind', async () => {
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
    ).toBe(200);
    expect(
      (await teller.post(`/members/${memberId}/simpanan-sukarela/deposits`, { amount: 100_000 }))
        .status,
    ).toBe(200);
    expect(
      (await teller.post(`/members/${memberId}/simpanan-sukarela/withdrawals`, { amount: 30_000 }))
        .status,
    ).toBe(200);
    const payment = await teller.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
    });
    expect(payment.status).toBeLessThan(300);
    const ppobRp: number = payment.body.totalAmount;
    const installment = await teller.post('/loans/installments', {
      loanNo: TEST_LOANS.current.loanNo,
      amount: TEST_LOANS.current.installmentRp,
    });
    expect(installment.status).toBe(201);
    // The other teller works without opening a drawer, and forgets to close it.
    expect(
      (
        await forgetfulTeller.post(`/members/${memberId}/simpanan-sukarela/deposits`, {
          amount: 50_000,
        })
      ).status,
    ).toBe(200);

    expectedRp = FLOAT_RP + 25_000 + 100_000 - 30_000 + ppobRp + TEST_LOANS.current.installmentRp;
    let drawer: any;
    await waitFor(
      'the ledger to book the whole day in the drawer',
      async () => {
        drawer = (await teller.get('/cash-drawer')).body;
        return drawer.expected.total === expectedRp;
      },
      45_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last drawer ${JSON.stringify(drawer)}`);
    });
    expect(drawer.expected.lines).toEqual([
      { kind: 'opening-float', count: 1, in: FLOAT_RP, out: 0 },
      { kind: 'simpanan', count: 3, in: 125_000, out: 30_000 },
      { kind: 'ppob', count: 1, in: ppobRp, out: 0 },
      { kind: 'angsuran', count: 1, in: TEST_LOANS.current.installmentRp, out: 0 },
    ]);
    expect(drawer).toMatchObject({ status: 'OPEN', counted: null, difference: null });
  }, 90_000);

  it('given tutup kasir counted Rp5.000 short by note and coin, then the drawer is COUNTED with the shortage, and notes that do not add up are refused', async () => {
    const countedRp = expectedRp - SHORT_RP;
    const wrong = await teller.post('/cash-drawer/close', {
      counted: countedRp,
      denominations: [{ value: 100_000, count: 1 }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('INVALID_DENOMINATIONS');

    const closed = await teller.post('/cash-drawer/close', {
      counted: countedRp,
      denominations: denominationsOf(countedRp),
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'COUNTED',
      counted: countedRp,
      difference: -SHORT_RP,
      expected: { total: expectedRp },
    });
    expect(closed.body.denominations).toEqual(denominationsOf(countedRp));
  }, 30_000);

  it('given the closed drawer, when the teller takes savings, PPOB or an installment, then 409 says the drawer is closed and nothing changes', async () => {
    const before = await balances();
    const savingsBefore = (await teller.get(`/members/${memberId}`)).body.savings;
    const attempts = await Promise.all([
      teller.post(`/members/${memberId}/simpanan-sukarela/deposits`, { amount: 10_000 }),
      teller.post(`/members/${memberId}/simpanan-sukarela/withdrawals`, { amount: 10_000 }),
      teller.post('/billpay/payments', {
        productCode: 'PLN20',
        customerNo: TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
      }),
      teller.post('/loans/installments', {
        loanNo: TEST_LOANS.current.loanNo,
        amount: TEST_LOANS.current.installmentRp,
      }),
    ]);
    for (const attempt of attempts) {
      expect({ status: attempt.status, error: attempt.body.error }).toEqual({
        status: 409,
        error: 'CASH_DRAWER_CLOSED',
      });
      expect(attempt.body.message).toContain('Kasir sudah ditutup hari ini');
    }
    // The other teller's drawer still takes cash.
    expect(
      (
        await forgetfulTeller.post(`/members/${memberId}/simpanan-sukarela/deposits`, {
          amount: 20_000,
        })
      ).status,
    ).toBe(200);
    expect((await teller.get(`/members/${memberId}`)).body.savings.sukarela).toBe(
      savingsBefore.sukarela + 20_000,
    );
    await waitFor(
      "the other teller's deposit in the books",
      async () => (await balances())['111000'] === before['111000'] + 20_000,
      30_000,
    );
    expect((await teller.get('/cash-drawer')).body.expected.total).toBe(expectedRp);
  }, 60_000);

  it('given the supervisor, then today shows both drawers with the forgotten one not closed; approving books the shortage to selisih kas and the drawer goes back to zero', async () => {
    const today = await supervisor.get('/cash-drawers');
    expect(today.status).toBe(200);
    expect(today.body.notClosed).toBe(2);
    const byName = Object.fromEntries(
      today.body.drawers.map((drawer: any) => [drawer.tellerName, drawer]),
    );
    expect(byName['Teller Siti']).toMatchObject({ status: 'COUNTED', difference: -SHORT_RP });
    expect(byName['Teller Agus']).toMatchObject({
      status: 'UNOPENED',
      openingFloat: 0,
      expected: { total: 70_000 },
    });

    expect(
      (
        await teller.post(
          `/cash-drawers/${today.body.date}/${byName['Teller Siti'].tellerId}/approve`,
          {},
        )
      ).status,
    ).toBe(403);
    const notCounted = await supervisor.post(
      `/cash-drawers/${today.body.date}/${byName['Teller Agus'].tellerId}/approve`,
      {},
    );
    expect({ status: notCounted.status, error: notCounted.body.error }).toEqual({
      status: 409,
      error: 'DRAWER_NOT_COUNTED',
    });

    const before = await balances();
    const approved = await supervisor.post(
      `/cash-drawers/${today.body.date}/${byName['Teller Siti'].tellerId}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'CLOSED',
      difference: -SHORT_RP,
      approverName: 'Supervisor Budi',
      counted: expectedRp - SHORT_RP,
    });

    let after: Record<string, number> = {};
    await waitFor(
      'the closing in the books',
      async () => {
        after = await balances();
        return after['530000'] === SHORT_RP;
      },
      30_000,
    );
    // Only the forgotten drawer still holds cash; the vault got back the count less the float it gave.
    expect(after['111000']).toBe(before['111000'] - expectedRp);
    expect(after['111000']).toBe(70_000);
    expect(after['111100']).toBe(expectedRp - SHORT_RP - FLOAT_RP);
    const cash = await supervisor.get(`/ledger/cash-by-teller?date=${today.body.date}`);
    const siti = cash.body.find((row: any) => row.tellerId === byName['Teller Siti'].tellerId);
    expect(siti.debit - siti.credit).toBe(0);
    const trial = await supervisor.get('/ledger/trial-balance');
    expect(trial.body.totalDebit).toBe(trial.body.totalCredit);

    const later = await supervisor.get('/cash-drawers');
    expect(later.body.notClosed).toBe(1);
    expect(later.body.drawers[0]).toMatchObject({ tellerName: 'Teller Agus', status: 'UNOPENED' });
  }, 60_000);

  it('given the closed drawer, then its recap prints on the 58 mm roll: kinds, expected, counted, the shortage and the approver', async () => {
    const printed = await teller.post(`/receipts/kasir/${drawerId}/prints`, {}, null);
    expect(printed.status).toBe(201);
    expect(printed.body.copy).toBe('CA');
    const text = printed.body.lines.join('\n');
    expect(printed.body.lines.every((line: string) => line.length <= 32)).toBe(true);
    for (const expected of [
      'REKAP KASIR HARIAN',
      'Teller Siti',
      'Modal awal (1x)',
      'Angsuran (1x)',
      'SELISIH KURANG',
      'Rp5.000',
      'Supervisor Budi',
      'Kasir ditutup',
    ]) {
      expect(text).toContain(expected);
    }
  }, 30_000);

  it('given the day, when the auditors replay it from the event stores, then the rebuilt books are identical to live', async () => {
    await waitFor(
      'the ledger to post every event',
      async () => (await balances())['111000'] === 70_000,
      30_000,
    );
    const run = await suite.runAuditCli('replay', '--json');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout).comparison).toMatchObject({
      identical: true,
      accounts: [],
      members: [],
      cashByTellerDay: [],
    });
  }, 120_000);
});
