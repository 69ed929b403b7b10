import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { TEST_CUSTOMERS } from '../../apps/partner-sim/src/aggregator/test-customers.js';
import { BrowserSuite, DESKTOP, PHONE } from './support/browser-suite.js';

/** The ledger books asynchronously, behind the relays; the fee must arrive within this. */
const LEDGER_WAIT_MS = 60_000;
const TRANSACTION = '/aggregator/v1/transaction';

/** A fresh 11-digit meter partner-sim takes as a valid customer, so its request log counts this test's calls only. */
let meterSerial = 0;
function freshMeter(): string {
  meterSerial += 1;
  return `148${String(Date.now() % 100_000).padStart(5, '0')}${String(meterSerial).padStart(3, '0')}`;
}

function wibToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

interface ApiPayment {
  paymentId: string;
  status: string;
  totalAmount: number;
  price: number | null;
  receipt: { token: string | null; totalAmount: number } | null;
}

describe('PPOB at the counter: pick, inquire, pay once, follow the outcome (real suite, Debian Chromium)', () => {
  const suite = new BrowserSuite(['partner-sim', 'members', 'billpay', 'ledger', 'gateway']);
  const startDate = wibToday();

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  /** The screen as a reviewer sees it: a screenshot, nothing wider than the screen, no serious axe finding. */
  async function looksRight(page: Page, name: string): Promise<void> {
    await suite.screenshot(page, name);
    expect({ name, overflowPx: await suite.horizontalOverflowPx(page) }).toEqual({
      name,
      overflowPx: 0,
    });
    expect({ name, violations: await suite.seriousA11yViolations(page) }).toEqual({
      name,
      violations: [],
    });
  }

  async function openPpob(
    page: Page,
    size: { width: number; height: number } = DESKTOP,
  ): Promise<void> {
    void size;
    await suite.logIn(page, 'teller', '/ppob');
    await page.getByRole('heading', { name: 'Pembayaran PPOB' }).waitFor();
    await page.getByRole('radio', { name: 'Token PLN' }).waitFor();
  }

  /** Token PLN 20.000 for `meter` up to the confirm step, with screenshots under `shots` when given. */
  async function tokenToConfirm(page: Page, meter: string, shots?: string): Promise<void> {
    await page.getByRole('radio', { name: 'Token PLN' }).check();
    await page.getByRole('radio', { name: /Rp 20\.000/ }).check();
    await page.getByLabel('Nomor meter').fill(meter);
    if (shots) await looksRight(page, `ppob-product-${shots}`);
    await page.getByRole('button', { name: 'Cek nomor' }).click();
    await page.getByRole('heading', { name: 'Periksa lalu bayar' }).waitFor();
    if (shots) await looksRight(page, `ppob-confirm-${shots}`);
  }

  const payButton = (page: Page) => page.getByRole('button', { name: /^Bayar Rp/ });

  async function ppobFeeIncome(): Promise<number> {
    const response = await suite.staff.supervisor.api.get(
      `/ledger/fee-income?from=${startDate}&to=${wibToday()}`,
    );
    expect(response.status).toBe(200);
    return (
      (response.body.totals as { source: string; amount: number }[]).find(
        (line) => line.source === 'PPOB',
      )?.amount ?? 0
    );
  }

  async function paymentOf(page: Page): Promise<ApiPayment> {
    const paymentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const response = await suite.staff.supervisor.api.get<ApiPayment>(
      `/billpay/payments/${paymentId}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  it(
    'sells a PLN token end to end: the token in 5 groups of 4, the right total, and the fee income rises by exactly the margin',
    async () => {
      const feeBefore = await ppobFeeIncome();
      const page = await suite.newPage(DESKTOP);
      await openPpob(page);
      // The catalog grouped by kind, with what the customer pays for each nominal.
      for (const kind of ['Token PLN', 'PLN Pascabayar', 'PDAM', 'BPJS Kesehatan', 'Pulsa/Data'])
        await page.getByRole('radio', { name: kind }).waitFor();
      await page.getByText('Pelanggan bayar Rp 22.500').waitFor();

      const meter = TEST_CUSTOMERS.plnPrepaid.valid;
      await tokenToConfirm(page, meter.customerNo, '1280');
      const confirm = page.getByTestId('bill-details');
      for (const text of [meter.customerName, meter.segmentPower, meter.subscriberId])
        await confirm.getByText(text).waitFor();
      expect(await page.getByTestId('bill-total').textContent()).toBe('Rp 22.500');

      await payButton(page).click();
      await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor();
      const token = (await page.getByTestId('pln-token').textContent())?.trim() ?? '';
      expect(token).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
      const payment = await paymentOf(page);
      expect(payment.status).toBe('SUCCESS');
      expect(token).toBe(payment.receipt?.token?.replaceAll('-', ' '));
      expect(await page.getByTestId('bill-total').textContent()).toBe('Rp 22.500');
      expect(payment.totalAmount).toBe(22_500);
      await page.getByText(/kWh:/).waitFor();
      await looksRight(page, 'ppob-receipt-1280');

      // The original receipt prints (CA) with the token on it.
      await page.evaluate('window.print = () => undefined');
      await page.getByRole('button', { name: 'Cetak struk' }).click();
      await page.getByTestId('receipt-paper').waitFor();
      expect(await page.getByTestId('receipt-paper').textContent()).toContain(
        payment.receipt!.token!.slice(0, 4),
      );
      await page.getByRole('button', { name: 'Cetak ulang' }).waitFor();

      const margin = payment.totalAmount - (payment.price ?? Number.NaN);
      expect(margin).toBeGreaterThan(0);
      let feeAfter = feeBefore;
      await waitFor(
        'the ledger to book the fee',
        async () => (feeAfter = await ppobFeeIncome()) === feeBefore + margin,
        LEDGER_WAIT_MS,
      ).catch(() => undefined);
      expect(feeAfter - feeBefore).toBe(margin);
    },
    2 * LEDGER_WAIT_MS,
  );

  it('shows a payment left pending as "Dalam proses", never as a receipt, and turns it to Sukses by itself when the callback comes', async () => {
    const meter = freshMeter();
    await suite.partnerSim('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [meter]: 'PENDING_THEN_SUCCESS' },
      callbackDelayMs: 6_000,
    });
    const page = await suite.newPage(DESKTOP);
    await openPpob(page);
    await tokenToConfirm(page, meter);
    await payButton(page).click();
    await page.getByRole('heading', { name: 'Pembayaran dalam proses' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/ppob\/pembayaran\/[\w-]+$/);
    await page.getByText('Jangan ulangi pembayaran').waitFor();
    expect(await page.getByTestId('pln-token').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cetak struk' }).count()).toBe(0);
    expect(await payButton(page).count()).toBe(0);
    await looksRight(page, 'ppob-pending-1280');

    await page.evaluate('window.__samePage = true');
    await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor({ timeout: 45_000 });
    expect(await page.evaluate('window.__samePage')).toBe(true);
    expect((await page.getByTestId('pln-token').textContent())?.trim()).toMatch(
      /^\d{4} \d{4} \d{4} \d{4} \d{4}$/,
    );
    expect((await paymentOf(page)).status).toBe('SUCCESS');
  }, 90_000);

  it('pays once for a double click on Bayar', async () => {
    const meter = freshMeter();
    const page = await suite.newPage(DESKTOP);
    await openPpob(page);
    await tokenToConfirm(page, meter);
    await payButton(page).dblclick();
    await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor();
    expect(await suite.partnerCalls(TRANSACTION, { customer_no: meter })).toBe(1);
  });

  it('after a connection lost on Bayar, says the outcome is unknown, offers only "Periksa lagi" with the same key, and pays once', async () => {
    const meter = freshMeter();
    const page = await suite.newPage(DESKTOP);
    await openPpob(page);
    await tokenToConfirm(page, meter);
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/v1/billpay/payments', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (dropped) return route.continue();
      dropped = true;
      // The payment reaches the gateway and is taken; its answer never reaches the counter.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await payButton(page).click();
    await page.getByText('Hasil transaksi belum diketahui').waitFor();
    expect(await payButton(page).count()).toBe(0);
    // Esc does not step back to a form that could pay again.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Periksa lagi' }).click();
    await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await suite.partnerCalls(TRANSACTION, { customer_no: meter })).toBe(1);
  });

  it('takes a whole payment from the keyboard alone: kind, nominal, number, Enter, Esc back, Enter, Enter', async () => {
    const meter = freshMeter();
    const page = await suite.newPage(DESKTOP);
    await openPpob(page);
    const focused = () =>
      page.evaluate(
        'document.activeElement && (document.activeElement.id || document.activeElement.value)',
      ) as Promise<string>;
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('token');
    // Arrows move through the kinds; back to Token PLN.
    await page.keyboard.press('ArrowRight');
    await page.getByLabel('ID pelanggan PLN (IDPEL)').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByLabel('Nomor meter').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('PLN20');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: /Rp 50\.000/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('ppob-customer-no');
    await page.keyboard.type(meter.slice(0, 5));
    await page.keyboard.press('Enter');
    await page.getByText('Nomor meter harus 11 digit.').waitFor();
    await page.keyboard.type(meter.slice(5));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Periksa lalu bayar' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Nomor meter').waitFor();
    await waitFor(
      'the number field to have the focus again',
      async () => (await focused()) === 'ppob-customer-no',
      5_000,
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Periksa lalu bayar' }).waitFor();
    expect(await page.getByTestId('bill-total').textContent()).toBe('Rp 52.500');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Bayar Rp 52.500');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor();
    expect(await suite.partnerCalls(TRANSACTION, { customer_no: meter })).toBe(1);
  });

  it('tells a failed payment as a refund a supervisor pays back', async () => {
    for (const [size, name] of [
      [DESKTOP, '1280'],
      [PHONE, '360'],
    ] as const) {
      const meter = freshMeter();
      await suite.partnerSim('PUT', '/admin/aggregator/faults', {
        outcomeByCustomer: { [meter]: 'FAILED' },
      });
      const page = await suite.newPage(size);
      await openPpob(page, size);
      await tokenToConfirm(page, meter);
      await payButton(page).click();
      await page.getByRole('heading', { name: 'Pembayaran gagal' }).waitFor();
      await page.getByText('Uang pelanggan Rp 22.500 harus dikembalikan').waitFor();
      await page.getByText(/penyelia dari menu Refund/).waitFor();
      expect(await page.getByTestId('pln-token').count()).toBe(0);
      expect((await paymentOf(page)).status).toBe('FAILED');
      await looksRight(page, `ppob-failed-${name}`);
    }
  });

  it('fits a 360 px phone: product pick, rules as typed, refusals in words, confirm, receipt and the pending slip', async () => {
    const page = await suite.newPage(PHONE);
    await openPpob(page, PHONE);
    // Each number's rule, as the teller types.
    await page.getByRole('radio', { name: 'Pulsa/Data' }).check();
    await page.getByLabel('Nomor HP').fill('0712');
    await page.getByText('Nomor HP harus diawali 08 dan 10–13 digit.').waitFor();
    await page.getByRole('radio', { name: 'PLN Pascabayar' }).check();
    await page.getByLabel('ID pelanggan PLN (IDPEL)').fill('51234567890');
    await page.getByRole('button', { name: 'Cek tagihan' }).click();
    await page.getByText('ID pelanggan PLN harus 12 digit.').waitFor();
    // The aggregator's refusal, next to the number.
    await page.getByLabel('ID pelanggan PLN (IDPEL)').fill(TEST_CUSTOMERS.plnPostpaid.unknown);
    await page.getByRole('button', { name: 'Cek tagihan' }).click();
    await page.getByText('Nomor pelanggan tidak dikenal').waitFor();
    await page.getByLabel('ID pelanggan PLN (IDPEL)').fill(TEST_CUSTOMERS.plnPostpaid.alreadyPaid);
    await page.getByRole('button', { name: 'Cek tagihan' }).click();
    await page.getByText('Tagihan ini sudah lunas').waitFor();
    // A bill with a penalty: denda shown, in the total.
    const late = TEST_CUSTOMERS.plnPostpaid.withPenalty;
    await page.getByLabel('ID pelanggan PLN (IDPEL)').fill(late.customerNo);
    await page.getByRole('button', { name: 'Cek tagihan' }).click();
    await page.getByRole('heading', { name: 'Periksa lalu bayar' }).waitFor();
    await page.getByText('Denda').waitFor();
    expect(await page.getByTestId('bill-total').textContent()).toBe('Rp 257.500');
    await page.getByRole('button', { name: 'Ubah (Esc)' }).click();

    await tokenToConfirm(page, TEST_CUSTOMERS.plnPrepaid.valid.customerNo, '360');
    await payButton(page).click();
    await page.getByRole('heading', { name: 'Pembayaran berhasil' }).waitFor();
    await looksRight(page, 'ppob-receipt-360');

    const meter = freshMeter();
    await suite.partnerSim('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [meter]: 'PENDING_THEN_SUCCESS' },
      callbackDelayMs: 20_000,
    });
    await page.getByRole('link', { name: 'Transaksi PPOB baru' }).click();
    await tokenToConfirm(page, meter);
    await payButton(page).click();
    await page.getByRole('heading', { name: 'Pembayaran dalam proses' }).waitFor();
    await looksRight(page, 'ppob-pending-360');
  }, 90_000);
});
