import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { BrowserSuite, DESKTOP, pageSoon, PHONE } from './support/browser-suite.js';

/** The supervisor's screens, their addresses and what each shows once its data is in. */
const SCREENS = [
  { name: 'refund', path: '/penyelia/refund', title: 'Refund PPOB' },
  { name: 'deposit', path: '/penyelia/deposit', title: 'Deposit PPOB' },
  { name: 'setoran-bank', path: '/penyelia/setoran-bank', title: 'Setoran angsuran ke bank' },
  { name: 'kasir', path: '/penyelia/kasir', title: 'Kasir baru' },
] as const;

/** What the supervisor's screens call: a teller typing their addresses must cause none of these. */
const SUPERVISOR_DATA_CALLS = [
  '/api/v1/counter/today',
  '/api/v1/billpay/deposit',
  '/api/v1/billpay/reconciliation',
  '/api/v1/loans/collections',
  '/api/v1/billpay/products',
];

/** A fresh 11-digit meter number partner-sim treats as a valid PLN customer. */
let meterSerial = 0;
function freshMeter(): string {
  meterSerial += 1;
  return `147${String(Date.now() % 100_000).padStart(5, '0')}${String(meterSerial).padStart(3, '0')}`;
}

/** A generated current loan at partner-sim's bank, unique to this run. */
let loanSerial = 0;
function freshLoanNo(): string {
  loanSerial += 1;
  return `${TEST_LOANS.generatedPrefix}${String(Date.now() % 100_000_000).padStart(8, '0')}${String(loanSerial).padStart(3, '0')}`;
}

/** Whole rupiah from `Rp 10.000.000` as the screen shows it. */
function rupiahOf(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

describe('counter app: the supervisor screens (refunds, PPOB deposit, remittance to the bank, new tellers)', () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  /** A PPOB payment the aggregator fails, taken by the teller through the API: its money is owed back. */
  async function failedPayment(): Promise<{
    paymentId: string;
    customerNo: string;
    totalAmount: number;
  }> {
    const customerNo = freshMeter();
    await suite.partnerSim('PUT', '/admin/aggregator/faults', {
      outcomeByCustomer: { [customerNo]: 'FAILED' },
    });
    const paid = await suite.staff.teller.api.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo,
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'FAILED', refund: 'OWED', totalAmount: 22_500 });
    return { paymentId: paid.body.paymentId, customerNo, totalAmount: paid.body.totalAmount };
  }

  /** An installment collected by the teller through the API (lookup, then collect), optionally until the bank has acknowledged it. */
  async function collectedInstallment(options: {
    acknowledged: boolean;
  }): Promise<{ collectionId: string; amount: number }> {
    const teller = suite.staff.teller.api;
    const loanNo = freshLoanNo();
    const account = await teller.get(`/loans/accounts/${loanNo}`);
    expect(account.status).toBe(200);
    const collected = await teller.post('/loans/installments', {
      loanNo,
      amount: account.body.installmentDue,
    });
    expect(collected.status).toBe(201);
    const { collectionId } = collected.body;
    if (options.acknowledged) {
      await waitFor(
        `the bank to acknowledge collection ${collectionId}`,
        async () =>
          (await teller.get(`/loans/installments/${collectionId}/receipt`)).body.noticeStatus ===
          'ACKNOWLEDGED',
      );
    }
    return { collectionId, amount: account.body.installmentDue };
  }

  async function supervisorPage(
    path: string,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<Page> {
    const page = await suite.newPage(viewport);
    await suite.logIn(page, 'supervisor', path);
    return page;
  }

  it('shows the supervisor a failed payment whose refund is owed; paying it asks first, then marks it paid, and the API agrees', async () => {
    const failed = await failedPayment();
    const page = await supervisorPage('/penyelia/refund');
    await page.getByRole('heading', { name: 'Refund PPOB', level: 1 }).waitFor();

    const row = page.getByRole('row').filter({ hasText: failed.customerNo });
    await row.waitFor();
    const rowText = await row.textContent();
    // Who paid what, whose drawer the money comes from, when: as the supervisor checks it against the slip.
    expect(rowText).toContain('PLN Token 20.000');
    expect(rowText).toContain(suite.staff.teller.fullName);
    expect(rowText).toContain('Rp 22.500');
    expect(rowText).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB/);

    await row.getByRole('button', { name: /^Bayar refund Rp 22\.500/ }).click();
    const confirm = page.getByTestId('refund-confirm');
    await confirm.getByText('Serahkan uang tunai Rp 22.500 kepada pelanggan.').waitFor();
    // Nothing is paid until the supervisor confirms.
    expect(
      (await suite.staff.supervisor.api.get(`/billpay/payments/${failed.paymentId}`)).body.refund,
    ).toBe('OWED');
    // Esc steps back out of the confirm step without paying; opening it again makes a new refund action.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: /^Bayar refund/ }).click();
    // The confirm button has the focus: Enter pays.
    await page.getByRole('button', { name: 'Catat refund Rp 22.500' }).waitFor();
    expect(
      await pageSoon(
        page,
        `document.activeElement?.textContent?.includes('Catat refund') === true`,
      ),
    ).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByText('Refund Rp 22.500 untuk', { exact: false }).waitFor();
    await row.getByText('Refund dibayar').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    const after = await suite.staff.supervisor.api.get(`/billpay/payments/${failed.paymentId}`);
    expect(after.body).toMatchObject({ status: 'FAILED', refund: 'PAID' });
    // After a reload the list holds only what is still owed.
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByText('Tidak ada refund yang harus dibayar.').waitFor();
    expect(await page.getByRole('row').filter({ hasText: failed.customerNo }).count()).toBe(0);
  }, 90_000);

  it('shows a teller none of the supervisor screens: no links, a refusal at each address with none of its data, and the API refuses too', async () => {
    const failed = await failedPayment();
    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'teller', '/penyelia/refund');
    await page.getByText(suite.staff.teller.fullName, { exact: false }).waitFor();
    for (const name of ['Refund', 'Deposit PPOB', 'Setoran ke bank', 'Kas & bank', 'Kasir baru'])
      expect(await page.getByRole('link', { name }).count()).toBe(0);

    const calls: string[] = [];
    page.on('request', (request) => calls.push(new URL(request.url()).pathname));
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByRole('main').textContent()).toBe('Halaman ini hanya untuk penyelia.');
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await page.locator('form').count()).toBe(0);
      expect(await page.getByRole('heading', { name: screen.title }).count()).toBe(0);
    }
    expect(calls.filter((path) => SUPERVISOR_DATA_CALLS.includes(path))).toEqual([]);

    const teller = suite.staff.teller.api;
    expect((await teller.post(`/billpay/payments/${failed.paymentId}/refund`, {})).status).toBe(
      403,
    );
    expect(
      (
        await teller.post('/billpay/deposit/topups', {
          amount: 1_000,
          bankTransferRef: 'BRI-BY-A-TELLER',
        })
      ).status,
    ).toBe(403);
    expect((await teller.post('/loans/remittances', {})).status).toBe(403);
    expect(
      (
        await teller.post('/users', {
          username: 'kasir.oleh.kasir',
          fullName: 'Kasir Kasir',
          password: 'sepuluh-karakter',
          role: 'teller',
        })
      ).status,
    ).toBe(403);
    expect((await teller.get(`/billpay/payments/${failed.paymentId}`)).body.refund).toBe('OWED');
  }, 90_000);

  it('records a deposit top-up: the balance rises by exactly the amount, and the same bank reference again is refused under its field', async () => {
    const page = await supervisorPage('/penyelia/deposit');
    const balance = page.getByTestId('deposit-balance');
    await balance.waitFor();
    const before = rupiahOf(await balance.textContent());
    expect(before).toBe((await suite.staff.supervisor.api.get('/billpay/deposit')).body.balance);
    await page.getByTestId('reconciliation').waitFor();

    const reference = `BRI-${Date.now()}-TOPUP`;
    await page.getByLabel('Jumlah transfer').fill('1250000');
    expect(await page.getByLabel('Jumlah transfer').inputValue()).toBe('1.250.000');
    await page.getByLabel('Referensi transfer bank').fill(reference);
    await page.getByRole('button', { name: 'Catat top-up' }).click();
    await page
      .getByText(`Top-up Rp 1.250.000 (ref. ${reference}) tercatat.`, { exact: false })
      .waitFor();
    await waitFor(
      'the balance on screen to rise',
      async () => rupiahOf(await balance.textContent()) !== before,
      10_000,
    );
    expect(rupiahOf(await balance.textContent())).toBe(before + 1_250_000);
    expect((await suite.staff.supervisor.api.get('/billpay/deposit')).body.balance).toBe(
      before + 1_250_000,
    );
    // The form is empty again for the next transfer.
    expect(await page.getByLabel('Referensi transfer bank').inputValue()).toBe('');

    await page.getByLabel('Jumlah transfer').fill('500000');
    await page.getByLabel('Referensi transfer bank').fill(reference);
    // Enter in the last field submits, as at the counter.
    await page.getByLabel('Referensi transfer bank').press('Enter');
    const refused = page.getByText(
      'Transfer dengan referensi ini sudah pernah dicatat. Periksa bukti transfernya.',
    );
    await refused.waitFor();
    const field = page.getByLabel('Referensi transfer bank');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(
      await refused.getAttribute('id'),
    );
    expect(rupiahOf(await balance.textContent())).toBe(before + 1_250_000);
    expect((await suite.staff.supervisor.api.get('/billpay/deposit')).body.balance).toBe(
      before + 1_250_000,
    );
  }, 90_000);

  it('closes a remittance batch of two acknowledged installments, which turns CONFIRMED by itself with the bank reference', async () => {
    // The bank takes a few seconds to decide, so the batch is seen waiting first.
    await suite.partnerSim('PUT', '/admin/bank/faults', {
      remittanceDecisionDelayMs: 2_000,
      remittanceOutcome: 'CONFIRM',
    });
    const first = await collectedInstallment({ acknowledged: true });
    const second = await collectedInstallment({ acknowledged: true });
    const total = first.amount + second.amount;

    const page = await supervisorPage('/penyelia/setoran-bank');
    await page.getByTestId('remit-figures').waitFor();
    expect(await page.getByTestId('remit-count').textContent()).toBe('2');
    expect(rupiahOf(await page.getByTestId('remit-total').textContent())).toBe(total);
    expect(await page.getByRole('table').getByRole('row').count()).toBe(3);

    await page.getByRole('button', { name: 'Tutup batch dan setor ke bank' }).click();
    const confirm = page.getByTestId('remit-confirm');
    await confirm
      .getByText('2 angsuran yang sudah diterima bank masuk batch ini', { exact: false })
      .waitFor();
    await confirm.getByRole('button', { name: 'Tutup batch dan kirim' }).click();

    const status = page.getByTestId('remittance-status');
    await status.waitFor();
    expect(await status.textContent()).not.toBe('Diterima bank');
    await page.getByTestId('remittance-batch').getByText('Status diperbarui otomatis…').waitFor();
    // No reload, no click: the screen follows the batch until the bank has decided.
    await page
      .getByTestId('remittance-status')
      .getByText('Diterima bank')
      .waitFor({ timeout: 60_000 });
    const batchId = (await page
      .getByTestId('remittance-batch')
      .locator('.cell-ref')
      .first()
      .textContent())!;
    const batch = await suite.staff.supervisor.api.get(`/loans/remittances/${batchId}`);
    expect(batch.body).toMatchObject({ status: 'CONFIRMED', collectionCount: 2, collected: total });
    expect(batch.body.bankRef).toEqual(expect.any(String));
    // What goes to the bank: collected less the fees the koperasi keeps back (Kupedes nets them).
    await page
      .getByText(`Bank menerima setoran Rp ${batch.body.remit.toLocaleString('id-ID')}.`)
      .waitFor();
    expect(await page.getByTestId('remittance-bank-ref').textContent()).toBe(batch.body.bankRef);
    // The pool is empty now, on screen and in the API.
    await page.getByText('Semua angsuran sudah disetor.').waitFor();
    expect(
      (await suite.staff.supervisor.api.get('/loans/collections?status=UNREMITTED')).body.count,
    ).toBe(0);
    await suite.partnerSim('PUT', '/admin/bank/faults', { remittanceDecisionDelayMs: 0 });
  }, 150_000);

  it('refuses to close a batch when nothing can be remitted, in plain words', async () => {
    const page = await supervisorPage('/penyelia/setoran-bank');
    await page.getByTestId('remit-figures').waitFor();
    await page.getByRole('button', { name: 'Tutup batch dan setor ke bank' }).click();
    await page.getByRole('button', { name: 'Tutup batch dan kirim' }).click();
    await page.getByText('Tidak ada angsuran yang perlu disetor.').waitFor();
  }, 60_000);

  it('creates a teller of the own koperasi; a taken username is refused under its field; the new teller signs in and sees their name', async () => {
    const page = await supervisorPage('/penyelia/kasir');
    const fullName = 'Rahayu Lestari';
    const username = `rahayu.${Date.now() % 1_000_000}`;
    const password = 'kasir-baru-2026';

    await page.getByLabel('Nama lengkap').fill(fullName);
    await page.getByLabel('Nama pengguna').fill(suite.staff.teller.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await page.getByLabel('Ulangi kata sandi').fill('kasir-baru-2025');
    await page.getByRole('button', { name: 'Buat akun kasir' }).click();
    await page.getByText('Kata sandi tidak sama dengan yang di atas.').waitFor();

    await page.getByLabel('Ulangi kata sandi').fill(password);
    await page.getByRole('button', { name: 'Buat akun kasir' }).click();
    const taken = page.getByText('Nama pengguna ini sudah dipakai. Pilih nama lain.');
    await taken.waitFor();
    expect(await page.getByLabel('Nama pengguna').getAttribute('aria-describedby')).toContain(
      await taken.getAttribute('id'),
    );

    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Ulangi kata sandi').press('Enter');
    await page
      .getByText(`Akun kasir ${fullName} dibuat. Nama pengguna: ${username}.`, { exact: false })
      .waitFor();

    const newTeller = await suite.newPage(PHONE);
    await newTeller.goto('/');
    await newTeller.getByLabel('Nama pengguna').fill(username);
    await newTeller.getByLabel('Kata sandi').fill(password);
    await newTeller.getByRole('button', { name: 'Masuk' }).click();
    await newTeller.getByRole('banner').getByText(`Masuk sebagai ${fullName} (Kasir)`).waitFor();
    expect(await newTeller.getByRole('banner').textContent()).toContain('KKMP Gedawang');
    expect(await newTeller.getByRole('link', { name: 'Refund' }).count()).toBe(0);
  }, 90_000);

  it.each([
    ['360', PHONE],
    ['1280', DESKTOP],
  ])(
    'lays each supervisor screen out at %s px with no sideways overflow and no serious accessibility finding',
    async (width, viewport) => {
      // Rows in the lists: a refund owed and an installment not yet remitted.
      await failedPayment();
      await collectedInstallment({ acknowledged: false });

      const page = await supervisorPage('/penyelia/kasir', viewport);
      const problems: Record<string, unknown> = {};
      for (const screen of SCREENS) {
        await page
          .getByRole('navigation', { name: 'Menu' })
          .getByRole('link', { name: screenLink(screen.name) })
          .click();
        await page.getByRole('heading', { name: screen.title, level: 1 }).waitFor();
        // What shows that the screen has its data: a list's table; the deposit's reconciliation, which asks the
        // aggregator for its statement (slow beside the whole suite). Once in a full run the refund table had
        // not shown after 20 s at 1280 px (16 of 16 alone): a timeout leaves a screenshot of what was shown.
        const loaded =
          screen.name === 'deposit'
            ? page.getByTestId('reconciliation')
            : screen.name === 'kasir'
              ? null
              : page.getByRole('table').first();
        await loaded?.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
          await suite.screenshot(page, `${screen.name}-${width}-timed-out`);
          throw error;
        });
        await suite.screenshot(page, `${screen.name}-${width}`);
        problems[screen.name] = {
          overflowPx: await suite.horizontalOverflowPx(page),
          a11y: await suite.seriousA11yViolations(page),
        };
      }
      expect(problems).toEqual(
        Object.fromEntries(SCREENS.map((screen) => [screen.name, { overflowPx: 0, a11y: [] }])),
      );
    },
    120_000,
  );
});

function screenLink(name: (typeof SCREENS)[number]['name']): string {
  return {
    refund: 'Refund',
    deposit: 'Deposit PPOB',
    'setoran-bank': 'Setoran ke bank',
    kasir: 'Kasir baru',
  }[name];
}
