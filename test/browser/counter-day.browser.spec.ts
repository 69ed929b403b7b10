import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { addYearMonths } from '@koperasi/domain';
import { waitFor } from '@koperasi/testing';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { BrowserSuite, DESKTOP, pageSoon, PHONE } from './support/browser-suite.js';

/** A valid Semarang NIK (33 74 01), a man born 15-08-1990. */
const NIK = '3374011508900042';
const LOAN = TEST_LOANS.current;
/** KUR without an agreement of the koperasi's own: Rp2.500 a collection, paid by the bank. */
const KUR_FEE = 'Rp 2.500';
const SUKARELA_RP = 100_000;
const POKOK_RP = 25_000;
/** 58 mm at CSS's 96 px per inch. */
const PAPER_WIDTH_PX = (58 / 25.4) * 96;
const PAPER_WIDTH_PT = (58 / 25.4) * 72;

interface Today {
  totals: Array<{ kind: string; count: number; amount: number }>;
  transactions: Array<{ kind: string; id: string; amount: number }>;
}

/** window.print() is counted instead of opening the print dialog, which a headless browser cannot show. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
}

/** The prints so far, once at least `expected` were made (the print dialog opens after the receipt renders). */
async function printsOf(page: Page, expected = 1): Promise<number> {
  await pageSoon(page, `window.__prints >= ${expected}`);
  return (await page.evaluate('window.__prints')) as number;
}

describe("counter app: the teller's day (installment, Beranda, today's transactions, printer test)", () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);
  let collectionId = '';

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  async function checkLayout(page: Page, name: string): Promise<void> {
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

  it('refuses an unknown and a closed loan in plain words, then collects an installment once and prints its receipt (CA)', async () => {
    const page = await suite.newPage(DESKTOP);
    await countPrints(page);
    const collects: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        new URL(request.url()).pathname === '/api/v1/loans/installments'
      )
        collects.push(request.headers()['idempotency-key']);
    });
    await suite.logIn(page, 'teller', '/angsuran');
    const loanNo = page.getByLabel('Nomor rekening pinjaman');

    await loanNo.fill(TEST_LOANS.unknown);
    await loanNo.press('Enter');
    await page.getByText('tidak dikenal bank').waitFor();
    await loanNo.fill(TEST_LOANS.closed.loanNo);
    await loanNo.press('Enter');
    await page
      .getByText(`Pinjaman atas nama ${TEST_LOANS.closed.borrowerName} sudah ditutup`)
      .waitFor();

    await loanNo.fill(LOAN.loanNo);
    await loanNo.press('Enter');
    const summary = page.getByTestId('loan-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(LOAN.borrowerName);
    expect(await summary.textContent()).toContain('Rp 1.250.000');
    // The whole installment by default, and the fee before anything is confirmed.
    const amount = page.getByLabel('Jumlah yang dibayar (Rp)');
    expect(await amount.inputValue()).toBe('1.250.000');
    expect(await page.getByTestId('fee-preview').textContent()).toContain(KUR_FEE);
    // KUR takes whole installments only: less is refused before it is sent.
    await amount.fill('500000');
    await amount.press('Enter');
    await page.getByText('hanya menerima angsuran penuh').waitFor();
    await amount.fill('1250000');
    await amount.press('Enter');

    const confirm = page.getByRole('button', { name: 'Terima setoran Rp 1.250.000' });
    await confirm.waitFor();
    expect(await page.getByTestId('payment-breakdown').textContent()).toContain(KUR_FEE);
    // Esc steps back to the amount, and nothing has been sent.
    await page.keyboard.press('Escape');
    await amount.waitFor();
    expect(collects).toEqual([]);
    await amount.press('Enter');
    await confirm.waitFor();
    await checkLayout(page, 'installments-confirm-1280');

    await confirm.dblclick();
    // On a busy machine the gateway may answer that the outcome is unknown: "Periksa lagi" asks again with the same key.
    const done = page.getByRole('heading', { name: 'Setoran angsuran diterima' });
    const checkAgain = page.getByRole('button', { name: 'Periksa lagi' });
    for (let attempt = 0; !(await done.isVisible()); attempt += 1) {
      await done.or(checkAgain).waitFor({ timeout: 60_000 });
      if (attempt > 5) throw new Error('the collection stayed unknown');
      if (await checkAgain.isVisible()) await checkAgain.click();
    }
    expect(collects.length).toBeGreaterThanOrEqual(1);
    expect(new Set(collects).size).toBe(1);
    expect(collects[0]).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Cetak struk' }).click();
    const paper = page.getByTestId('receipt-paper');
    await paper.waitFor();
    const text = (await paper.textContent()) ?? '';
    expect(text).toContain(LOAN.loanNo);
    expect(text).toContain(LOAN.borrowerName);
    // What the amount paid: the whole of this month's installment, above the total.
    expect(text).toMatch(/Angsuran \d{4}-\d{2} +Rp ?1\.250\.000\nJUMLAH SETOR +Rp ?1\.250\.000/);
    expect(text).not.toContain('Tunggakan');
    expect(text).toMatch(/Fee koperasi +Rp ?2\.500/);
    expect(text.trim().split('\n').at(-1)).toBe('CA');
    expect(await printsOf(page)).toBe(1);
    await checkLayout(page, 'installments-1280');

    const collections = await suite.staff.teller.api.get<{
      collections: Array<{ collectionId: string; loanNo: string; amount: number; fee: number }>;
    }>('/loans/collections');
    expect(collections.status).toBe(200);
    expect(collections.body.collections).toEqual([
      expect.objectContaining({ loanNo: LOAN.loanNo, amount: LOAN.installmentRp, fee: 2_500 }),
    ]);
    collectionId = collections.body.collections[0].collectionId;
    expect(text).toContain(collectionId.slice(0, 8));
  });

  it('shows a loan in arrears with what the amount pays, on a phone', async () => {
    const page = await suite.newPage(PHONE);
    await suite.logIn(page, 'teller', '/angsuran');
    await page.getByLabel('Nomor rekening pinjaman').fill(TEST_LOANS.inArrears.loanNo);
    await page.getByLabel('Nomor rekening pinjaman').press('Enter');
    await page.getByTestId('loan-summary').waitFor();
    expect(await page.getByTestId('loan-summary').textContent()).toContain(
      TEST_LOANS.inArrears.borrowerName,
    );
    // Kupedes takes partial payments: 800.000 pays the two installments in arrears first.
    await page.getByLabel('Jumlah yang dibayar (Rp)').fill('800000');
    expect(await page.getByTestId('fee-preview').textContent()).toContain('Rp 4.000');
    await page.getByLabel('Jumlah yang dibayar (Rp)').press('Enter');
    const breakdown = page.getByTestId('payment-breakdown');
    await breakdown.waitFor();
    // Arrears oldest month first: 800.000 is the older month whole and part of the last one, named by month.
    const { period } = (
      await suite.staff.teller.api.get<{ period: string }>(
        `/loans/accounts/${TEST_LOANS.inArrears.loanNo}`,
      )
    ).body;
    expect(await breakdown.textContent()).toContain(
      `Untuk tunggakanRp 800.000 ${addYearMonths(period, -2)}, ${addYearMonths(period, -1)}`,
    );
    expect(await breakdown.textContent()).toContain(`Untuk angsuran ${period}Rp 0`);
    await checkLayout(page, 'installments-360');
    await page.keyboard.press('Escape');
    await page.getByLabel('Jumlah yang dibayar (Rp)').waitFor();
  });

  it("shows the teller's totals on Beranda after the installment and a sukarela deposit", async () => {
    const teller = suite.staff.teller.api;
    /** As the counter does: an answer that never came is asked again with the same key. */
    const post = async <T>(path: string, body: unknown) => {
      const key = randomUUID();
      let response = await teller.post<T>(path, body, key);
      for (let attempt = 0; response.status === 503 && attempt < 5; attempt += 1)
        response = await teller.post<T>(path, body, key);
      return response;
    };
    const member = await post<{ id: string }>('/members', {
      nik: NIK,
      fullName: 'Sri Wahyuni',
      address: 'Jl. Gedawang Raya 12',
      kelurahan: 'Gedawang',
    });
    expect(member.status).toBe(201);
    expect(
      (await post(`/members/${member.body.id}/simpanan-pokok`, { amount: POKOK_RP })).status,
    ).toBeLessThan(300);
    expect(
      (await post(`/members/${member.body.id}/simpanan-sukarela/deposits`, { amount: SUKARELA_RP }))
        .status,
    ).toBeLessThan(300);
    await waitFor(
      'the deposit in the day',
      async () => {
        const today = (await teller.get<Today>('/counter/today')).body;
        return today.totals.some(
          (total) => total.kind === 'simpanan_sukarela_setor' && total.count === 1,
        );
      },
      60_000,
    );

    for (const [viewport, name] of [
      [DESKTOP, 'home-1280'],
      [PHONE, 'home-360'],
    ] as const) {
      const page = await suite.newPage(viewport);
      await suite.logIn(page, 'teller', '/');
      const card = (kind: string) => page.getByTestId(`total-${kind}`);
      await card('angsuran').waitFor();
      expect(await card('angsuran').textContent()).toBe('Angsuran pinjamanRp 1.250.0001 transaksi');
      expect(await card('simpanan_sukarela_setor').textContent()).toBe(
        'Sukarela: setorRp 100.0001 transaksi',
      );
      expect(await card('simpanan_pokok').textContent()).toBe('Simpanan pokokRp 25.0001 transaksi');
      expect(await card('ppob').textContent()).toBe('PPOBRp 00 transaksi');
      expect(await page.getByTestId('cash-net').textContent()).toContain('Rp 1.375.000');
      expect(await page.getByTestId('ppob-deposit').textContent()).toContain('Rp 10.000.000');
      expect(await page.getByTestId('ppob-pending').textContent()).toContain(
        'Tidak ada pembayaran yang menunggu.',
      );
      await checkLayout(page, name);
    }
  });

  it("lists both in today's transactions, and reprints the installment receipt as CU with the time", async () => {
    const day = await suite.staff.teller.api.get<Today>('/counter/today');
    expect(day.status).toBe(200);
    expect(day.body.transactions.map((transaction) => transaction.kind).sort()).toEqual([
      'angsuran',
      'simpanan_pokok',
      'simpanan_sukarela_setor',
    ]);
    for (const [viewport, name] of [
      [PHONE, 'today-360'],
      [DESKTOP, 'today-1280'],
    ] as const) {
      const page = await suite.newPage(viewport);
      await countPrints(page);
      await suite.logIn(page, 'teller', '/transaksi');
      const installment = page.locator('[data-testid=transaction][data-kind=angsuran]');
      const deposit = page.locator('[data-testid=transaction][data-kind=simpanan_sukarela_setor]');
      await installment.waitFor().catch(async (error: unknown) => {
        await suite.screenshot(page, `${name}-failed`);
        throw error;
      });
      expect(await installment.textContent()).toContain(`${LOAN.loanNo} · ${LOAN.borrowerName}`);
      expect(await installment.textContent()).toContain('Rp 1.250.000');
      expect(await installment.textContent()).toContain('Sukses');
      expect(await deposit.textContent()).toContain('Rp 100.000');
      expect(await deposit.textContent()).toContain('Sri Wahyuni');
      expect(await page.locator('[data-testid=transaction]').count()).toBe(3);

      // Printed once already on the installment screen: offered as a reprint, and the paper says CU with the time.
      await installment.getByRole('button', { name: 'Cetak ulang struk' }).click();
      await installment.getByRole('button', { name: 'Cetak ulang', exact: true }).click();
      const paper = installment.getByTestId('receipt-paper');
      await paper.waitFor();
      const lines = ((await paper.textContent()) ?? '').trim().split('\n');
      expect(lines.at(-1)).toMatch(/^CU {2}\d{2}-\d{2}-\d{4} \d{2}:\d{2} WIB$/);
      expect(lines.join('\n')).toContain(collectionId.slice(0, 8));
      expect(await printsOf(page)).toBe(1);
      await checkLayout(page, name);
    }
  });

  it('prints a printer test page that fits the 58 mm roll, ruler and markers included', async () => {
    for (const [viewport, name] of [
      [PHONE, 'printer-test-360'],
      [DESKTOP, 'printer-test-1280'],
    ] as const) {
      const page = await suite.newPage(viewport);
      await countPrints(page);
      await suite.logIn(page, 'teller', '/tes-printer');
      const paper = page.getByTestId('receipt-paper');
      await paper.waitFor();
      const lines = ((await paper.textContent()) ?? '').split('\n');
      expect(lines.slice(0, 3)).toEqual([
        '12345678901234567890123456789012',
        '='.repeat(32),
        `<${' '.repeat(30)}>`,
      ]);
      expect(lines.some((line) => line.trim() === 'KKMP GEDAWANG')).toBe(true);
      expect(lines.some((line) => /\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB/.test(line))).toBe(true);
      expect(lines.every((line) => line.length <= 32)).toBe(true);
      await page.getByText('Jika angka terakhir atau tanda > hilang').waitFor();
      await checkLayout(page, name);
      await page.getByRole('button', { name: 'Cetak halaman tes' }).click();
      await waitFor('the print', async () => (await printsOf(page)) === 1, 5_000);
    }

    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'teller', '/tes-printer');
    await page.getByTestId('receipt-paper').waitFor();
    await page.emulateMedia({ media: 'print' });
    const fit = (await page.evaluate(`(() => {
      const paper = document.querySelector('[data-testid=receipt-paper]');
      const style = getComputedStyle(paper);
      const probe = document.createElement('span');
      probe.textContent = '12345678901234567890123456789012';
      probe.style.font = style.font;
      probe.style.whiteSpace = 'pre';
      probe.style.visibility = 'visible';
      paper.appendChild(probe);
      const rulerPx = probe.getBoundingClientRect().width;
      probe.remove();
      const contentPx = paper.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { widthPx: paper.getBoundingClientRect().width, scrollWidth: paper.scrollWidth, clientWidth: paper.clientWidth, rulerPx, contentPx };
    })()`)) as {
      widthPx: number;
      scrollWidth: number;
      clientWidth: number;
      rulerPx: number;
      contentPx: number;
    };
    expect(fit.widthPx).toBeLessThanOrEqual(PAPER_WIDTH_PX + 0.5);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.rulerPx).toBeLessThanOrEqual(fit.contentPx);

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(
      pdf.toString('latin1'),
    );
    expect(mediaBox).not.toBeNull();
    expect(Number(mediaBox![1])).toBeCloseTo(PAPER_WIDTH_PT, 0);
    // One page as long as the test page: the roll feeds no blank paper, and nothing spills onto a second page.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  });
});
