import { readFileSync } from 'node:fs';
import { waitFor } from '@koperasi/testing';
import type { Page } from 'playwright-core';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { BrowserSuite, DESKTOP, PHONE } from './support/browser-suite.js';

const wibToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const thisYear = () => wibToday().slice(0, 4);
const rupiah = (amountRp: number) => `Rp ${amountRp.toLocaleString('id-ID')}`;

describe('counter app: financial statements and SHU (supervisor sets the AD/ART, auditor reads; real suite, Debian Chromium)', () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);
  /** Every non-GET request the auditor's pages sent. */
  const auditorWrites: string[] = [];

  beforeAll(async () => {
    await suite.start();
    const { teller, supervisor } = suite.staff;
    for (const [nik, fullName] of [
      ['3374064108900011', 'Sri Rahayu'],
      ['3374064108900012', 'Agus Salim'],
    ]) {
      const registered = await teller.api.post('/members', {
        nik,
        fullName,
        address: 'Jl. Gedawang Raya 12',
        kelurahan: 'Gedawang',
      });
      expect(registered.status).toBe(201);
      expect(
        (await teller.api.post(`/members/${registered.body.id}/simpanan-pokok`, { amount: 25_000 }))
          .status,
      ).toBeLessThan(300);
    }
    // A fee the koperasi earns this year, so there is a surplus to share.
    expect(
      (
        await supervisor.api.call('PUT', '/loans/agreements/KUR', {
          fee: { kind: 'FIXED', amount: 2_500 },
          partialAllowed: false,
          feeMode: 'NETTED',
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await teller.api.post('/loans/installments', {
          loanNo: TEST_LOANS.current.loanNo,
          amount: TEST_LOANS.current.installmentRp,
        })
      ).status,
    ).toBeLessThan(300);
    await waitFor(
      'the ledger to post the fee and both members',
      async () => {
        const balance = await balances();
        return balance.get('420000') === 2_500 && balance.get('310000') === 50_000;
      },
      45_000,
    );
  }, 240_000);
  afterAll(() => suite.stop(), 60_000);

  async function open(
    who: 'supervisor' | 'auditor',
    path: string,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<Page> {
    const page = await suite.newPage(viewport);
    if (who === 'auditor') {
      page.on('request', (request) => {
        if (request.method() !== 'GET' && !new URL(request.url()).pathname.endsWith('/auth/login'))
          auditorWrites.push(`${request.method()} ${request.url()}`);
      });
    }
    await suite.logIn(page, who, path);
    return page;
  }

  /** The koperasi's account balances by code, as the ledger shows them. */
  async function balances(): Promise<Map<string, number>> {
    const accounts = (await suite.staff.supervisor.api.get('/ledger/accounts')).body as {
      code: string;
      balance: number;
    }[];
    return new Map(accounts.map((account) => [account.code, account.balance]));
  }

  async function expectTidy(page: Page, name: string): Promise<void> {
    expect(await suite.horizontalOverflowPx(page)).toBe(0);
    expect(await suite.seriousA11yViolations(page)).toEqual([]);
    await suite.screenshot(page, name);
  }

  it('shows a supervisor the four statements: the position balances, the fee is non-member income, the cash flows end at the cash held', async () => {
    const page = await open('supervisor', '/penyelia/laporan');
    await page.getByRole('heading', { name: 'Laporan keuangan' }).waitFor();
    await page.getByText('Seimbang: aset sama dengan liabilitas ditambah ekuitas.').waitFor();
    await expectTidy(page, 'laporan-posisi-keuangan-1280');

    await page.getByRole('link', { name: 'Hasil usaha' }).click();
    const statement = page.getByTestId('statement');
    await statement.getByText('Pendapatan dari non-anggota', { exact: true }).waitFor();
    const incomeRow = statement.getByRole('row').filter({ hasText: '420000' });
    expect(await incomeRow.textContent()).toContain('2.500');
    await expectTidy(page, 'laporan-hasil-usaha-1280');

    await page.getByRole('link', { name: 'Arus kas' }).click();
    await statement.getByText('Aktivitas pendanaan').waitFor();
    expect(
      await statement
        .getByRole('row')
        .filter({ hasText: 'Kas dan setara kas akhir periode' })
        .textContent(),
    ).toMatch(/Rp/);
    await expectTidy(page, 'laporan-arus-kas-1280');

    await page.getByRole('link', { name: 'Perubahan ekuitas' }).click();
    await statement.getByRole('row').filter({ hasText: '310000' }).waitFor();
    expect(await statement.getByRole('row').filter({ hasText: '310000' }).textContent()).toContain(
      '50.000',
    );
  });

  it("lets the supervisor set the AD/ART percentages (refused until they add up to 100), then shows each member's SHU", async () => {
    const page = await open('supervisor', '/penyelia/shu');
    await page.getByRole('heading', { name: 'SHU', exact: true }).waitFor();
    await page.getByText('Persentase pembagian SHU belum diatur').waitFor();
    await page.getByLabel('Cadangan (%)').fill('25');
    await page.getByLabel('Jasa modal (%)').fill('20');
    await page.getByLabel('Jasa usaha (%)').fill('30');
    await page.getByRole('button', { name: 'Tambah pos lain' }).click();
    await page.getByLabel('Pos lain 1', { exact: true }).fill('Dana pengurus');
    await page.getByLabel('Pos lain 1 (%)').fill('20');
    await page.getByRole('button', { name: 'Simpan persentase' }).click();
    await page.getByText('Jumlah persentase harus tepat 100, sekarang 95.').waitFor();
    await page.getByLabel('Pos lain 1 (%)').fill('25');
    await page.getByRole('button', { name: 'Simpan persentase' }).click();
    await page.getByText('Persentase pembagian SHU disimpan.').waitFor();

    const members = page.getByTestId('shu-members');
    await members.getByText('Sri Rahayu').waitFor();
    await members.getByText('Agus Salim').waitFor();
    // Jasa usaha, jasa modal, cadangan and the one other use.
    expect(await page.getByTestId('shu-pools').getByRole('row').count()).toBe(4);
    await expectTidy(page, 'shu-penyelia-1280');
  });

  it('lets the supervisor book the SHU distribution once, after a last look at the figures, and the books show it', async () => {
    const { supervisor } = suite.staff;
    const shu = (await supervisor.api.get(`/shu/${thisYear()}`)).body as {
      pools: { key: string; amount: number }[];
      distributed: number;
      booked: unknown;
    };
    expect(shu.booked).toBeNull();
    const cadanganRp = shu.pools.find((pool) => pool.key === 'cadangan')!.amount;
    const membersRp = shu.distributed;
    expect(cadanganRp).toBeGreaterThan(0);
    expect(membersRp).toBeGreaterThan(0);
    const before = await balances();

    const page = await open('supervisor', '/penyelia/shu');
    const card = page.getByTestId('shu-booking');
    await card.getByRole('button', { name: 'Bukukan pembagian SHU' }).click();
    await card.getByText('Isi tanggal RAT yang menyetujui pembagian SHU.').waitFor();
    await card.getByLabel('Tanggal RAT').fill(wibToday());
    await card.getByRole('button', { name: 'Bukukan pembagian SHU' }).click();
    const confirm = page.getByTestId('shu-book-confirm');
    expect(await confirm.textContent()).toContain(
      `cadangan ${rupiah(cadanganRp)}, SHU anggota ${rupiah(membersRp)}, jumlah ${rupiah(cadanganRp + membersRp)}`,
    );
    await expectTidy(page, 'shu-bukukan-konfirmasi-1280');
    // A double click sends one Idempotency-Key twice: the year is booked once.
    await confirm.getByRole('button', { name: 'Ya, bukukan' }).dblclick();
    await card
      .getByRole('status')
      .filter({
        hasText: `Pembagian SHU tahun ${thisYear()} dibukukan: cadangan ${rupiah(cadanganRp)} ke 330000 Cadangan`,
      })
      .waitFor();
    const booked = card.getByTestId('shu-booked');
    await booked.waitFor();
    expect(await booked.textContent()).toMatch(/^Sudah dibukukan pada .+ \(RAT .+\) oleh .+\.$/);
    expect(await card.getByRole('button', { name: 'Bukukan pembagian SHU' }).count()).toBe(0);
    await expectTidy(page, 'shu-dibukukan-1280');

    await page.reload();
    await booked.waitFor();
    expect(await card.getByRole('button', { name: 'Bukukan pembagian SHU' }).count()).toBe(0);
    const phone = await open('supervisor', '/penyelia/shu', PHONE);
    await phone.getByTestId('shu-booked').waitFor();
    await expectTidy(phone, 'shu-dibukukan-360');

    // The entry: out of SHU belum dibagi, into cadangan and what the koperasi owes its members, once.
    await waitFor(
      'the ledger to post the SHU distribution',
      async () => (await balances()).get('330000') !== before.get('330000'),
      45_000,
    );
    const after = await balances();
    const change = (code: string) => (after.get(code) ?? 0) - (before.get(code) ?? 0);
    expect(change('330000')).toBe(cadanganRp);
    expect(change('216000')).toBe(membersRp);
    expect(change('340000')).toBe(-(cadanganRp + membersRp));
  });

  it('gives the auditor the statements and the SHU read-only, with a CSV that parses and a slip per member', async () => {
    const page = await open('auditor', '/audit/buku');
    await page.getByRole('link', { name: /Laporan keuangan: posisi keuangan/ }).click();
    await page.getByRole('heading', { name: 'Laporan keuangan' }).waitFor();
    await page.getByText('Seimbang: aset sama dengan liabilitas ditambah ekuitas.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    const rows = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(rows[0]).toBe('KKMP Gedawang');
    expect(rows[1]).toBe('Laporan Posisi Keuangan');
    const assets = rows.find((row) => row.startsWith(',Jumlah aset,'))!;
    const liabilitiesAndEquity = rows.find((row) =>
      row.startsWith(',Jumlah liabilitas dan ekuitas,'),
    )!;
    expect(assets.split(',')[2]).toBe(liabilitiesAndEquity.split(',')[2]);

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'SHU' }).click();
    await page.getByRole('heading', { name: `Pembagian SHU tahun ${thisYear()}` }).waitFor();
    await page.getByTestId('shu-members').getByText('Sri Rahayu').waitFor();
    expect(await page.getByRole('button', { name: 'Simpan persentase' }).count()).toBe(0);
    expect(await page.getByTestId('shu-allocation').textContent()).toContain('Dana pengurus: 25%');
    await page
      .getByTestId('shu-booked')
      .getByText(/^Sudah dibukukan pada /)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Bukukan pembagian SHU' }).count()).toBe(0);
    const [slip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh slip SHU Agus Salim' }).click(),
    ]);
    const slipPage = readFileSync((await slip.path())!, 'utf8');
    expect(slipPage).toContain(`Slip SHU Tahun ${thisYear()}`);
    expect(slipPage).toContain('Agus Salim');
    await expectTidy(page, 'shu-auditor-1280');

    const phone = await open('auditor', '/audit/laporan?tab=hasil-usaha', PHONE);
    await phone
      .getByTestId('statement')
      .getByText('Pendapatan dari non-anggota', { exact: true })
      .waitFor();
    await expectTidy(phone, 'laporan-hasil-usaha-360');
    expect(auditorWrites).toEqual([]);
  });

  it('lets the supervisor close the month in order (a month not begun is refused in words) and lists it with the time and who closed it', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const page = await open('supervisor', '/penyelia/tutup-buku');
    await page.getByRole('heading', { name: 'Tutup buku' }).waitFor();
    await page.getByText('Belum ada bulan yang ditutup.').waitFor();
    await page.getByRole('textbox', { name: 'Bulan' }).fill('2099-01');
    await page.getByRole('button', { name: 'Tutup buku' }).click();
    await page.getByText('Bulan ini tidak dapat ditutup').waitFor();
    await page.getByRole('textbox', { name: 'Bulan' }).fill(month);
    await page.getByRole('button', { name: 'Tutup buku' }).click();
    await page.getByText(`Buku bulan ${month} ditutup.`).waitFor();
    await page.getByTestId('closings').getByRole('cell', { name: month }).waitFor();
    // Who closed it, by the name the banner shows for the signed-in supervisor.
    const banner = (await page.getByRole('banner').textContent()) ?? '';
    const supervisorName = /Masuk sebagai (.+?) \(/.exec(banner)?.[1];
    expect(supervisorName).toBeTruthy();
    await page.getByTestId('closings').getByRole('cell', { name: supervisorName }).waitFor();
    await expectTidy(page, 'tutup-buku-1280');
  });
});
