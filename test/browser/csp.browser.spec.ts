import type { Page } from 'playwright-core';
import {
  BILL_RECEIPT_PAGE_POLICY,
  billReceiptHtml,
} from '../../apps/gateway/src/billpay/receipts/bill-receipt-html.js';
import {
  INSTALLMENT_RECEIPT_PAGE_POLICY,
  receiptHtml,
} from '../../apps/gateway/src/loans/receipts/receipt-html.js';
import { BrowserSuite, DESKTOP, pageSoon, type StaffName } from './support/browser-suite.js';

/** Every Content-Security-Policy refusal the page meets, from the console and from the DOM's own event. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (line: string) =>
    violations.push(`event: ${line}`),
  );
  // A string, as this file is compiled without the DOM's types; init scripts run whatever the page's policy says.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || '')))`);
  return violations;
}

const RECEIPT_HAS_PAGE_SIZE = `document.querySelector('[data-testid="receipt-paper"]') === null
  || document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('@page')))`;

describe('counter app under its Content-Security-Policy (real suite, Debian Chromium)', () => {
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

  it.each(['teller', 'supervisor', 'auditor'] as StaffName[])(
    'a %s logs in and opens every screen of the menu with no CSP violation',
    async (who) => {
      const page = await suite.newPage(DESKTOP);
      const violations = await watchCspViolations(page);
      await suite.logIn(page, who);
      const menu = page.getByRole('navigation', { name: 'Menu' });
      let pagesWithReceipt = 0;
      const links: string[] = [];
      for (const link of await menu.getByRole('link').all())
        links.push((await link.getAttribute('href'))!);
      expect(links.length).toBeGreaterThan(1);
      for (const href of links) {
        await menu.locator(`a[href="${href}"]`).click();
        await page.waitForURL((url) => url.pathname === href);
        await page.waitForLoadState('networkidle');
        // A receipt on screen still sets the printed page's length, through the CSS object model. Checked as one
        // expression in the page: the router keeps the previous screen (and its receipt) up while the next one loads.
        if ((await page.getByTestId('receipt-paper').count()) > 0) pagesWithReceipt++;
        expect(await pageSoon(page, RECEIPT_HAS_PAGE_SIZE)).toBe(true);
      }
      expect(violations).toEqual([]);
      // The teller's printer test screen shows one.
      if (who === 'teller') expect(pagesWithReceipt).toBeGreaterThan(0);
    },
  );

  it('the printable receipts pass their own policy: styled, and the installment page prints on load', async () => {
    const page = await suite.newPage(DESKTOP);
    const violations = await watchCspViolations(page);
    const pages: Record<string, { html: string; policy: string }> = {
      '/receipt/bill': {
        policy: BILL_RECEIPT_PAGE_POLICY,
        html: billReceiptHtml({
          refId: 'KKMP0123456789ABCDEF01234567',
          partnerRef: 'TRX480213957712',
          productCode: 'PLN50',
          productName: 'PLN Token 50.000',
          productKind: 'PREPAID',
          biller: 'PLN',
          customerNo: '14012345678',
          customerName: 'BUDI SANTOSO',
          subscriberId: '523010012345',
          segmentPower: 'R1/1300VA',
          period: null,
          billAmountRp: 50_000,
          penaltyRp: 0,
          adminFeeRp: 2_500,
          totalAmountRp: 52_500,
          kwh: '33.6',
          serialNo: '12345678901234567890',
          token: '1234-5678-9012-3456-7890',
          paidAt: '2026-11-22T03:15:00.000Z',
          koperasiId: 'k-1',
          tellerId: 'u-1',
          koperasiName: 'KKMP Gedawang',
          tellerName: 'Siti Rahmawati',
        }),
      },
      '/receipt/installment': {
        policy: INSTALLMENT_RECEIPT_PAGE_POLICY,
        html: receiptHtml({
          koperasiName: 'KKMP Gedawang',
          collectionId: '0b6f2d0e-8f43-4a5e-9d64-1f7f0c2a9b11',
          loanNo: '000101000002002',
          borrowerName: 'SRI WAHYUNI',
          product: 'KUPEDES',
          period: '2026-09',
          amountRp: 2_295_000,
          feeRp: 11_475,
          feeMode: 'NETTED',
          collectedAt: '2026-11-20T16:05:09+07:00',
          tellerName: 'Siti Rahmawati',
        }),
      },
    };
    // Served as the gateway serves them: the page with exactly its policy header.
    await page.route('**/receipt/*', (route) => {
      const served = pages[new URL(route.request().url()).pathname];
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': served.policy },
        body: served.html,
      });
    });
    for (const path of Object.keys(pages)) {
      await page.goto(path);
      // The stylesheet applied: the receipt's monospace block, which a refused <style> would leave in the default font.
      expect(await page.evaluate('getComputedStyle(document.querySelector("pre")).fontSize')).toBe(
        '12px',
      );
    }
    expect(violations).toEqual([]);
  });
});
