import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { BrowserSuite, DESKTOP, PHONE } from './support/browser-suite.js';

/** window.print() is counted instead of opening the print dialog, which a headless browser cannot show. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
}

describe('counter app: the daily recap, per teller and for the koperasi, on screen and on the roll', () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);
  let tellerId: string;

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  async function checkLayout(page: Page, name: string): Promise<void> {
    await suite.screenshot(page, name);
    expect(await suite.horizontalOverflowPx(page)).toBe(0);
    expect(await suite.seriousA11yViolations(page)).toEqual([]);
  }

  it('given a teller’s day, the supervisor sees the teller’s lines and the koperasi’s total, and prints the recap on the roll', async () => {
    const { teller, supervisor } = suite.staff;
    const member = await teller.api.post('/members', {
      nik: '3374106505900021',
      fullName: 'Ani Yudhoyono',
      address: 'Jl. Gedawang 2',
      kelurahan: 'Gedawang',
    });
    expect(member.status).toBe(201);
    expect(
      (await teller.api.post(`/members/${member.body.id}/simpanan-pokok`, { amount: 25_000 }))
        .status,
    ).toBe(200);
    expect(
      (
        await teller.api.post(`/members/${member.body.id}/simpanan-sukarela/deposits`, {
          amount: 100_000,
        })
      ).status,
    ).toBe(200);
    tellerId = (await teller.api.get('/cash-drawer')).body.tellerId;
    await waitFor(
      'the recap to have the day',
      async () => (await supervisor.api.get('/counter/recap')).body.koperasi?.totals.count === 2,
      30_000,
    );

    const page = await suite.newPage(DESKTOP);
    await countPrints(page);
    await suite.logIn(page, 'supervisor', '/rekap');
    await page.getByRole('heading', { name: 'Rekap harian', level: 1 }).waitFor();
    const tellerPart = page.getByTestId(`recap-teller-${tellerId}`);
    await tellerPart.waitFor();
    expect(await tellerPart.getByRole('heading').textContent()).toBe(`Kasir: ${teller.fullName}`);
    expect(
      await tellerPart.getByRole('row').filter({ hasText: 'Simpanan pokok' }).textContent(),
    ).toContain('Rp 25.000');
    expect(await page.getByTestId('recap-koperasi-net').textContent()).toContain('Rp 125.000');
    await page.getByTestId('print-receipt').click();
    await page.getByText('REKAP HARIAN KOPERASI').waitFor();
    const paper = (await page.locator('.receipt-paper').textContent()) ?? '';
    expect(paper).toContain('TOTAL KOPERASI');
    expect(paper).toContain(teller.fullName);
    await waitFor(
      'the print dialog',
      async () => ((await page.evaluate('window.__prints')) as number) === 1,
    );
    await checkLayout(page, 'recap-1280');
    await page.close();

    const phone = await suite.newPage(PHONE);
    await suite.logIn(phone, 'supervisor', '/rekap');
    await phone.getByTestId('recap-koperasi').waitFor();
    await checkLayout(phone, 'recap-360');
    await phone.close();
  }, 180_000);

  it('given a teller, the recap shows their own day only, without the koperasi’s total', async () => {
    const page = await suite.newPage(PHONE);
    await suite.logIn(page, 'teller', '/rekap');
    await page.getByTestId(`recap-teller-${tellerId}`).waitFor();
    expect(await page.getByTestId('recap-koperasi').count()).toBe(0);
    expect(await page.locator('[data-testid^="recap-teller-"][aria-label]').count()).toBe(1);
    await checkLayout(page, 'recap-teller-360');
    await page.close();
  }, 60_000);
});
