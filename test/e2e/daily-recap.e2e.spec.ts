import { waitFor } from '@koperasi/testing';
import { nowInWib } from '@koperasi/service-kit';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import type { PaymentResponse } from '../../apps/gateway/src/billpay/billpay.responses.js';
import type { DailyRecapResponse } from '../../apps/gateway/src/counter/recap/daily-recap.responses.js';
import type { ApiClient } from '../support/api-client.js';
import { staffedKoperasi } from '../support/staffed-koperasi.js';
import { SuiteHarness } from '../support/suite-harness.js';

const FAILING_METER = '14799000011';
const KUR_FEE_RP = 2_500;

/** What the koperasi took for a paid PPOB payment, and kept of it once the aggregator took its price. */
function takenAndKept(view: PaymentResponse): { total: number; fee: number } {
  if (view.price === null) throw new Error(`payment ${view.paymentId} has no price yet`);
  return { total: view.totalAmount, fee: view.totalAmount - view.price };
}

describe('daily recap end to end: a known mixed day of two tellers and a supervisor, per teller and for the koperasi', () => {
  const suite = new SuiteHarness();
  let siti: ApiClient;
  let agus: ApiClient;
  let supervisor: ApiClient;
  let ids: Record<'siti' | 'agus', string>;
  const today = nowInWib().slice(0, 10);
  let pln: { total: number; fee: number };
  let pdam: { total: number; fee: number };
  let failedTotal: number;
  let koperasiId: string;

  beforeAll(async () => {
    await suite.startAll();
    const koperasi = await staffedKoperasi(
      suite.gatewayUrl,
      {
        code: 'RKP',
        name: 'KKMP Rekap Sari',
        kelurahan: 'Kramat Sari',
        kecamatan: 'Pekalongan Barat',
        kotaKabupaten: 'Kota Pekalongan',
        provinsi: 'Jawa Tengah',
      },
      { 'teller.siti': 'teller', 'teller.agus': 'teller', 'supervisor.budi': 'supervisor' },
      {
        ppobTopUp: { amountRp: 1_000_000, bankTransferRef: 'BRI-TRF-REKAP-1' },
        kurFeeRp: KUR_FEE_RP,
      },
    );
    koperasiId = koperasi.koperasiId;
    ids = { siti: koperasi.userIds['teller.siti'], agus: koperasi.userIds['teller.agus'] };
    ({ 'teller.siti': siti, 'teller.agus': agus, 'supervisor.budi': supervisor } = koperasi.staff);
    await suite.partnerSim('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [FAILING_METER]: 'FAILED' },
    });
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  /** A prepaid product is paid by its code; a bill (PDAM) after its inquiry. */
  async function paid(teller: ApiClient, productCode: string, customerNo: string, status: string) {
    const inquiry =
      productCode === 'PDAM'
        ? await teller.post('/billpay/inquiries', { productCode, customerNo }, null)
        : null;
    const payment = await teller.post(
      '/billpay/payments',
      inquiry ? { inquiryId: inquiry.body.inquiryId } : { productCode, customerNo },
    );
    expect(payment.status).toBeLessThan(300);
    let view!: PaymentResponse;
    await waitFor(
      `payment ${productCode} ${customerNo} to be ${status}`,
      async () => {
        view = (await teller.get<PaymentResponse>(`/billpay/payments/${payment.body.paymentId}`))
          .body;
        return view.status === status;
      },
      30_000,
    );
    return view;
  }

  it('given the mixed day, then the supervisor sees each teller and the koperasi per product and kind, to the rupiah', async () => {
    const member = await siti.post('/members', {
      nik: '3375064108900002',
      fullName: 'Sri Wahyuni',
      address: 'Jl. Kramat 3',
      kelurahan: 'Kramat Sari',
    });
    expect(member.status).toBe(201);
    const memberId = member.body.id;
    for (const [path, body] of [
      ['simpanan-pokok', { amount: 25_000 }],
      ['simpanan-wajib', { periods: [today.slice(0, 7)], amount: 15_000 }],
      ['simpanan-sukarela/deposits', { amount: 100_000 }],
      ['simpanan-sukarela/withdrawals', { amount: 30_000 }],
    ] as const) {
      expect((await siti.post(`/members/${memberId}/${path}`, body)).status).toBe(200);
    }
    const plnView = await paid(
      siti,
      'PLN20',
      TEST_CUSTOMERS.plnPrepaid.valid.customerNo,
      'SUCCESS',
    );
    pln = takenAndKept(plnView);
    const failed = await paid(siti, 'PLN20', FAILING_METER, 'FAILED');
    failedTotal = failed.totalAmount;
    expect(
      (
        await siti.post('/loans/installments', {
          loanNo: TEST_LOANS.current.loanNo,
          amount: TEST_LOANS.current.installmentRp,
        })
      ).status,
    ).toBe(201);
    expect(
      (await agus.post(`/members/${memberId}/simpanan-sukarela/deposits`, { amount: 50_000 }))
        .status,
    ).toBe(200);
    const pdamView = await paid(agus, 'PDAM', TEST_CUSTOMERS.pdam.valid.customerNo, 'SUCCESS');
    pdam = takenAndKept(pdamView);
    expect(pdam).toEqual({ total: 87_500, fee: 800 });
    // A supervisor pays the failed payment back; the cash leaves the drawer that took it (Siti's).
    expect((await supervisor.post(`/billpay/payments/${failed.paymentId}/refund`, {})).status).toBe(
      200,
    );

    let recap!: DailyRecapResponse;
    await waitFor(
      'the refund to be booked in Siti’s drawer',
      async () => {
        recap = (await supervisor.get<DailyRecapResponse>(`/counter/recap?date=${today}`)).body;
        return recap.koperasi?.lines.some((line) => line.kind === 'refund') === true;
      },
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last recap ${JSON.stringify(recap)}`);
    });
    const byTeller = (id: string) =>
      recap.tellers
        .find((teller) => teller.tellerId === id)!
        .lines.map(({ kind, product, count, in: inRp, out, fee }) => ({
          kind,
          product,
          count,
          in: inRp,
          out,
          fee,
        }));
    expect(byTeller(ids.siti)).toEqual([
      { kind: 'simpanan', product: 'pokok', count: 1, in: 25_000, out: 0, fee: 0 },
      { kind: 'simpanan', product: 'wajib', count: 1, in: 15_000, out: 0, fee: 0 },
      { kind: 'simpanan', product: 'sukarela-deposit', count: 1, in: 100_000, out: 0, fee: 0 },
      { kind: 'simpanan', product: 'sukarela-withdrawal', count: 1, in: 0, out: 30_000, fee: 0 },
      { kind: 'ppob', product: 'PLN20', count: 1, in: pln.total, out: 0, fee: pln.fee },
      { kind: 'ppob-gagal', product: 'PPOB', count: 1, in: failedTotal, out: 0, fee: 0 },
      {
        kind: 'angsuran',
        product: 'KUR',
        count: 1,
        in: TEST_LOANS.current.installmentRp,
        out: 0,
        fee: KUR_FEE_RP,
      },
      { kind: 'refund', product: 'refund', count: 1, in: 0, out: failedTotal, fee: 0 },
    ]);
    expect(byTeller(ids.agus)).toEqual([
      { kind: 'simpanan', product: 'sukarela-deposit', count: 1, in: 50_000, out: 0, fee: 0 },
      { kind: 'ppob', product: 'PDAM', count: 1, in: 87_500, out: 0, fee: 800 },
    ]);
    expect(recap.tellers.map((teller) => teller.tellerId)).toEqual([ids.agus, ids.siti]);
    const inRp =
      25_000 + 15_000 + 100_000 + pln.total + failedTotal + TEST_LOANS.current.installmentRp;
    expect(recap.koperasi!.totals).toEqual({
      count: 10,
      in: inRp + 50_000 + 87_500,
      out: 30_000 + failedTotal,
      fee: pln.fee + KUR_FEE_RP + 800,
      net: inRp + 50_000 + 87_500 - 30_000 - failedTotal,
    });
    expect(recap.koperasi!.lines.find((line) => line.product === 'sukarela-deposit')).toMatchObject(
      { count: 2, in: 150_000 },
    );
    expect(recap.truncated).toBe(false);
    expect(recap.receiptId).toBe(`${today}.${koperasiId}`);
  }, 180_000);

  it('given the recap, then it agrees with the books: each drawer holds its net, and the fees are the fee income booked', async () => {
    const recap = (await supervisor.get<DailyRecapResponse>(`/counter/recap?date=${today}`)).body;
    let accounts: Record<string, number> = {};
    await waitFor(
      'the ledger to book the fees',
      async () => {
        const listed = (await supervisor.get('/ledger/accounts')).body;
        accounts = Object.fromEntries(
          listed.map((account: { code: string; balance: number }) => [
            account.code,
            account.balance,
          ]),
        );
        return (accounts['410000'] ?? 0) + (accounts['420000'] ?? 0) === recap.koperasi!.totals.fee;
      },
      30_000,
    );
    const drawers = (await supervisor.get(`/cash-drawers?date=${today}`)).body.drawers;
    for (const teller of recap.tellers) {
      const drawer = drawers.find(
        (each: { tellerId: string }) => each.tellerId === teller.tellerId,
      );
      expect({ teller: teller.tellerName, cash: drawer.expected.total }).toEqual({
        teller: teller.tellerName,
        cash: teller.totals.net,
      });
    }
  }, 60_000);

  it('given a teller, then the recap is their own only, prints on the 58 mm roll, and the koperasi’s is refused them', async () => {
    const own = await agus.get(`/counter/recap?date=${today}`);
    expect(own.status).toBe(200);
    expect(own.body.koperasi).toBeNull();
    expect(own.body.tellers.map((teller: { tellerId: string }) => teller.tellerId)).toEqual([
      ids.agus,
    ]);
    expect(own.body.tellers[0].totals).toEqual({
      count: 2,
      in: 137_500,
      out: 0,
      fee: 800,
      net: 137_500,
    });
    const printed = await agus.post(`/receipts/rekap/${own.body.receiptId}/prints`, {}, null);
    expect(printed.status).toBe(201);
    expect(printed.body.copy).toBe('CA');
    expect(printed.body.lines.every((line: string) => line.length <= 32)).toBe(true);
    const text = printed.body.lines.join('\n');
    for (const expected of [
      'REKAP HARIAN KASIR',
      'Teller Agus',
      'PDAM Tirta Moedal (1x)',
      'Rp137.500',
      'Rp800',
    ])
      expect(text).toContain(expected);
    const koperasi = await agus.post(`/receipts/rekap/${today}.${koperasiId}/prints`, {}, null);
    expect(koperasi.status).toBe(403);
    const other = await agus.post(`/receipts/rekap/${today}.${ids.siti}/prints`, {}, null);
    expect(other.status).toBe(403);
    const bad = await agus.post(`/receipts/rekap/2026-02-30.${ids.agus}/prints`, {}, null);
    expect(bad.status).toBe(400);
  }, 30_000);

  it('given the supervisor, then the koperasi’s recap prints on the roll (CA, then CU) and as an A4 page with the same figures', async () => {
    const first = await supervisor.post(`/receipts/rekap/${today}.${koperasiId}/prints`, {}, null);
    expect(first.status).toBe(201);
    expect(first.body.copy).toBe('CA');
    const text = first.body.lines.join('\n');
    for (const expected of [
      'REKAP HARIAN KOPERASI',
      'TOTAL KOPERASI',
      'Teller Siti',
      'Teller Agus',
    ])
      expect(text).toContain(expected);
    expect(
      (await supervisor.post(`/receipts/rekap/${today}.${koperasiId}/prints`, {}, null)).body.copy,
    ).toBe('CU');
    const page = await supervisor.getText(`/counter/recap/export?date=${today}&format=html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('Rekap Harian Koperasi');
    expect(page.text).toContain('Total koperasi');
    expect(page.text).toContain('87.500');
  }, 30_000);
});
