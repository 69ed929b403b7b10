import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { BrowserSuite, DESKTOP, PHONE, rupiah } from './support/browser-suite.js';

const FEE_RP = 2_500;

describe("counter app: the supervisor's vault and bank screen (setor ke bank, the bank's fees, a refused installment paid back)", () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);
  let nextLoan = 83_000;
  let refusedAmountRp = 0;

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  async function checkLayout(page: Page, name: string): Promise<void> {
    await suite.screenshot(page, name);
    expect(await suite.horizontalOverflowPx(page)).toBe(0);
    expect(await suite.seriousA11yViolations(page)).toEqual([]);
  }

  /** A generated current KUR loan at partner-sim's bank. */
  async function kurLoan(): Promise<{ loanNo: string; installmentDue: number }> {
    for (let tries = 0; tries < 50; tries++) {
      const loanNo = `${TEST_LOANS.generatedPrefix}${String(nextLoan++).padStart(11, '0')}`;
      const account = await suite.staff.teller.api.get(`/loans/accounts/${loanNo}`);
      if (account.body.product === 'KUR')
        return { loanNo, installmentDue: account.body.installmentDue };
    }
    throw new Error('no generated KUR loan found');
  }

  it('given a closed day in the vault and installments with the bank, the supervisor deposits to the bank, records the fees paid and pays a refused installment back', async () => {
    const { teller, supervisor } = suite.staff;
    expect(
      (
        await supervisor.api.call('PUT', '/loans/agreements/KUR', {
          fee: { kind: 'FIXED', amount: FEE_RP },
          partialAllowed: false,
          feeMode: 'BANK_PAYS',
        })
      ).status,
    ).toBeLessThan(300);
    expect((await teller.api.post('/cash-drawer/open', { openingFloat: 300_000 })).status).toBe(
      200,
    );
    const paid = await kurLoan();
    const refused = await kurLoan();
    refusedAmountRp = refused.installmentDue;
    await suite.partnerSim('PUT', '/admin/bank/faults', {
      refuseCollectionByLoan: { [refused.loanNo]: 'Rekening pinjaman diblokir' },
    });
    for (const loan of [paid, refused])
      expect(
        (
          await teller.api.post('/loans/installments', {
            loanNo: loan.loanNo,
            amount: loan.installmentDue,
          })
        ).status,
      ).toBe(201);
    const expectedRp = 300_000 + paid.installmentDue + refused.installmentDue;
    await waitFor(
      'the drawer to expect the day',
      async () => (await teller.api.get('/cash-drawer')).body.expected.total === expectedRp,
      45_000,
    );
    expect((await teller.api.post('/cash-drawer/close', { counted: expectedRp })).status).toBe(200);
    const tellerId = (await teller.api.get('/cash-drawer')).body.tellerId;
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    expect(
      (await supervisor.api.post(`/cash-drawers/${today}/${tellerId}/approve`, {})).status,
    ).toBe(200);
    const vaultRp = paid.installmentDue + refused.installmentDue;
    await waitFor(
      'the vault and the refusal in the books',
      async () => {
        const [deposits, refusedList] = await Promise.all([
          supervisor.api.get('/bank/deposits'),
          supervisor.api.get('/loans/refused-collections'),
        ]);
        return deposits.body.vaultBalance === vaultRp && refusedList.body.length === 1;
      },
      45_000,
    );

    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'supervisor', '/penyelia/bank');
    await page.getByRole('heading', { name: 'Kas brankas dan bank', level: 1 }).waitFor();
    await page.getByTestId('vault-balance').waitFor();
    expect(await page.getByTestId('vault-balance').textContent()).toBe(rupiah(vaultRp));

    // Setor ke bank: more than the vault is stopped on the screen; the slip is taken once.
    await page.getByLabel('Jumlah setoran').fill(String(vaultRp + 1));
    await page.getByLabel('Nomor slip setoran').fill('SLIP-BRW-0001');
    await page.getByRole('button', { name: 'Catat setoran' }).click();
    await page.getByText(`Melebihi saldo kas brankas (${rupiah(vaultRp)}).`).waitFor();
    await page.getByLabel('Jumlah setoran').fill(String(vaultRp - 10_000));
    await page.getByRole('button', { name: 'Catat setoran' }).click();
    await page
      .getByText(`Setoran ${rupiah(vaultRp - 10_000)} (slip SLIP-BRW-0001) tercatat.`)
      .waitFor();
    expect(
      await page.getByRole('row').filter({ hasText: 'SLIP-BRW-0001' }).textContent(),
    ).toContain('Bambang Suryanto');
    await page.getByLabel('Jumlah setoran').fill('5000');
    await page.getByLabel('Nomor slip setoran').fill('slip-brw-0001');
    await page.getByRole('button', { name: 'Catat setoran' }).click();
    await page.getByText('Slip ini sudah pernah dicatat.').waitFor();

    // The bank's fees: the refused installment's fee is undone, so one fee is owed this month.
    const month = today.slice(0, 7);
    await page.reload();
    await page.getByTestId('fees-owed').waitFor();
    expect(await page.getByTestId('fees-owed').textContent()).toBe(rupiah(FEE_RP));
    expect(
      await page
        .getByTestId('fees-by-month')
        .getByRole('row')
        .filter({ hasText: month })
        .textContent(),
    ).toContain(rupiah(FEE_RP));
    await page.getByLabel('Jumlah yang dibayar bank').fill(String(FEE_RP + 1));
    await page.getByLabel('Referensi transfer bank').fill('BRI-FEE-BRW1');
    await page.getByRole('button', { name: 'Catat pembayaran fee' }).click();
    await page.getByText(`Melebihi sisa fee bulan ini (${rupiah(FEE_RP)}).`).waitFor();
    await checkLayout(page, 'bank-1280');
    await page.getByLabel('Jumlah yang dibayar bank').fill(String(FEE_RP));
    await page.getByRole('button', { name: 'Catat pembayaran fee' }).click();
    await page
      .getByText(`Pembayaran fee ${rupiah(FEE_RP)} untuk ${month} (ref. BRI-FEE-BRW1) tercatat.`)
      .waitFor();
    await waitFor(
      'nothing owed on screen',
      async () => (await page.getByTestId('fees-owed').textContent()) === rupiah(0),
      10_000,
    );

    // The refused installment: the bank's reason, then paid back from the supervisor's drawer after a confirm step.
    const refusedRow = page
      .getByTestId('refused-collections')
      .getByRole('row')
      .filter({ hasText: refused.loanNo });
    expect(await refusedRow.textContent()).toContain('Rekening pinjaman diblokir');
    await refusedRow.getByRole('button', { name: 'Kembalikan' }).click();
    await page.getByRole('button', { name: `Kembalikan ${rupiah(refusedAmountRp)}` }).click();
    await page
      .getByText(`${rupiah(refusedAmountRp)} dikembalikan untuk angsuran`, { exact: false })
      .waitFor();
    await page.getByText('Dikembalikan oleh Bambang Suryanto').waitFor();
    await page.getByText('Tidak ada angsuran ditolak yang belum dikembalikan.').waitFor();
    await checkLayout(page, 'bank-done-1280');

    const phone = await suite.newPage(PHONE);
    await suite.logIn(phone, 'supervisor', '/penyelia/bank');
    await phone.getByTestId('vault-balance').waitFor();
    await phone.getByTestId('fees-by-month').waitFor();
    await checkLayout(phone, 'bank-360');
    await phone.close();

    await waitFor(
      'the books to follow the screen',
      async () => {
        const accounts = (await supervisor.api.get('/ledger/accounts')).body as {
          code: string;
          balance: number;
        }[];
        const balance = (code: string) =>
          accounts.find((account) => account.code === code)?.balance;
        return balance('111100') === 10_000 && balance('114100') === 0 && balance('215000') === 0;
      },
      45_000,
    );
  }, 240_000);

  it('keeps the screen to supervisors: a teller is told it is not theirs', async () => {
    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'teller', '/penyelia/bank');
    await page.getByText('Halaman ini hanya untuk penyelia.').waitFor();
    expect(await page.getByRole('link', { name: 'Kas & bank' }).count()).toBe(0);
  }, 60_000);
});
