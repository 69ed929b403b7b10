import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { BrowserSuite, DESKTOP, pageSoon, PHONE } from './support/browser-suite.js';

/** A fresh 11-digit meter number partner-sim treats as a valid PLN customer. */
function freshMeter(): string {
  return `147${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

/** window.print() is counted instead of opening the print dialog, which a headless browser cannot show. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
}

describe('counter app: buka kasir, tutup kasir by note and coin, the supervisor approving, the recap on the roll', () => {
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

  async function checkLayout(page: Page, name: string): Promise<void> {
    await suite.screenshot(page, name);
    expect(await suite.horizontalOverflowPx(page)).toBe(0);
    expect(await suite.seriousA11yViolations(page)).toEqual([]);
  }

  it('takes the teller from the float to a counted drawer, refuses cash after it, and shows the supervisor who has not closed until approved', async () => {
    // Buka kasir with the float, keyboard only: type and Enter.
    const page = await suite.newPage(DESKTOP);
    await countPrints(page);
    await suite.logIn(page, 'teller', '/kasir');
    await page.getByRole('heading', { name: 'Kasir hari ini', level: 1 }).waitFor();
    expect(await page.getByTestId('cash-status').textContent()).toBe('Belum dibuka');
    await page.getByLabel('Modal awal').fill('500000');
    await page.getByLabel('Modal awal').press('Enter');
    await page.getByText('Kasir dibuka dengan modal awal Rp 500.000.').waitFor();
    expect(await page.getByTestId('cash-status').textContent()).toBe('Buka');

    // A PPOB sale through the API; the drawer then expects the float plus the sale.
    const sale = await suite.staff.teller.api.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: freshMeter(),
    });
    expect(sale.status).toBeLessThan(300);
    // Rp 500.000 float + Rp 22.500 for a PLN 20.000 token (bill and admin).
    await waitFor(
      'the drawer to expect the float and the sale',
      async () => {
        await page.reload();
        await page.getByTestId('cash-expected').waitFor();
        return (await page.getByTestId('cash-expected').textContent()) === 'Rp 522.500';
      },
      30_000,
    );
    expect(await page.getByTestId('cash-kinds').textContent()).toContain('PPOB (1×)');

    // Tutup kasir by note and coin: the difference shows before anything is sent.
    await page.getByLabel('Hitung per pecahan').check();
    await page.getByLabel('Pecahan Rp 100.000').fill('5');
    await page.getByLabel('Pecahan Rp 20.000').fill('1');
    expect(await page.getByTestId('cash-counted').textContent()).toBe('Rp 520.000');
    expect(await page.getByTestId('cash-difference').textContent()).toBe('Kurang Rp 2.500');
    await checkLayout(page, 'cash-drawer-1280');
    const phone = await suite.newPage(PHONE);
    await suite.logIn(phone, 'teller', '/kasir');
    await phone.getByTestId('cash-expected').waitFor();
    await phone.getByLabel('Hitung per pecahan').check();
    await checkLayout(phone, 'cash-drawer-360');
    await phone.close();

    await page.getByRole('button', { name: 'Tutup kasir' }).click();
    await page
      .getByText('Kasir ditutup. Minta penyelia menyetujui penutupan, lalu cetak rekap.')
      .waitFor();
    expect(await page.getByTestId('cash-status').textContent()).toBe('Menunggu persetujuan');
    const drawer = await suite.staff.teller.api.get('/cash-drawer');
    expect(drawer.body).toMatchObject({
      status: 'COUNTED',
      counted: 520_000,
      difference: -2_500,
      denominations: [
        { value: 100_000, count: 5 },
        { value: 20_000, count: 1 },
      ],
    });

    // The closed drawer takes no more cash.
    const refused = await suite.staff.teller.api.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: freshMeter(),
    });
    expect({ status: refused.status, error: refused.body.error }).toEqual({
      status: 409,
      error: 'CASH_DRAWER_CLOSED',
    });

    // The supervisor sees the drawer not yet closed, and approves it.
    const supervisor = await suite.newPage(DESKTOP);
    await suite.logIn(supervisor, 'supervisor', '/penyelia/tutup-kasir');
    await supervisor.getByRole('heading', { name: 'Tutup kasir', level: 1 }).waitFor();
    await supervisor.getByText('1 kasir belum ditutup.').waitFor();
    const row = supervisor.getByRole('row').filter({ hasText: suite.staff.teller.fullName });
    expect(await row.textContent()).toContain('Kurang Rp 2.500');
    await checkLayout(supervisor, 'cash-closing-1280');
    const supervisorPhone = await suite.newPage(PHONE);
    await suite.logIn(supervisorPhone, 'supervisor', '/penyelia/tutup-kasir');
    await supervisorPhone.getByText('1 kasir belum ditutup.').waitFor();
    await checkLayout(supervisorPhone, 'cash-closing-360');
    await supervisorPhone.close();

    await row
      .getByRole('button', { name: `Setujui tutup kasir ${suite.staff.teller.fullName}` })
      .click();
    await supervisor.getByTestId('cash-approve').waitFor();
    // Enter approves once the panel has focused its button, which it does after it renders.
    expect(
      await pageSoon(
        supervisor,
        `document.activeElement?.tagName === 'BUTTON' && document.activeElement.closest('[data-testid="cash-approve"]') !== null`,
      ),
    ).toBe(true);
    await supervisor.keyboard.press('Enter');
    await supervisor.getByText(`Tutup kasir ${suite.staff.teller.fullName} disetujui.`).waitFor();
    await supervisor.getByText('Semua kasir hari ini sudah ditutup.').waitFor();
    await supervisor.close();

    // The teller's drawer is closed with the approver named; the recap prints on the roll.
    await page.reload();
    await page
      .getByText(`Disetujui oleh ${suite.staff.supervisor.fullName}`, { exact: false })
      .waitFor();
    expect(await page.getByTestId('cash-status').textContent()).toBe('Ditutup');
    await page.getByTestId('print-receipt').click();
    await page.getByText('REKAP KASIR HARIAN').waitFor();
    const paper = (await page.locator('.receipt-paper').textContent()) ?? '';
    expect(paper).toContain('SELISIH KURANG');
    expect(paper).toContain(suite.staff.supervisor.fullName);
    await waitFor(
      'the print dialog',
      async () => ((await page.evaluate('window.__prints')) as number) === 1,
    );
    await checkLayout(page, 'cash-drawer-closed-1280');
    await page.close();
  }, 180_000);
});
