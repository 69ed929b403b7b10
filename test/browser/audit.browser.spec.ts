import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { waitFor } from '@koperasi/testing';
import { TEST_LOANS } from '../../apps/partner-sim/src/bank/test-loans.js';
import { ApiClient } from '../support/api-client.js';
import { insertDrawers } from '../support/cash-drawers.js';
import { DEMO_PASSWORD } from '../support/suite-harness.js';
import { BrowserSuite, DESKTOP, PHONE, rupiah } from './support/browser-suite.js';

/** The auditor's screens, their addresses and the heading each shows. */
const SCREENS = [
  { name: 'audit-ringkasan', path: '/', title: 'Ringkasan' },
  { name: 'audit-verifikasi', path: '/audit/verifikasi', title: 'Verifikasi' },
  { name: 'audit-replay', path: '/audit/replay', title: 'Replay' },
  { name: 'audit-riwayat', path: '/audit/riwayat', title: 'Riwayat' },
  { name: 'audit-buku', path: '/audit/buku', title: 'Buku' },
  { name: 'audit-ekspor', path: '/audit/ekspor', title: 'Ekspor' },
] as const;

/** What an auditor may send besides GET: signing in, and starting a replay (a job that only reads). */
const ALLOWED_WRITES = [/\/api\/v1\/auth\/login$/, /\/api\/v1\/audit\/replays$/];

/** A fresh 11-digit meter number partner-sim treats as a valid PLN customer. */
let meterSerial = 0;
function freshMeter(): string {
  meterSerial += 1;
  return `148${String(Date.now() % 100_000).padStart(5, '0')}${String(meterSerial).padStart(3, '0')}`;
}

/** A WIB day as the app writes it out: `1 Desember 2026`. */
function dayInWords(day: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00+07:00`));
}

function wibDay(offsetDays: number): string {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 24 * 3600_000)
    .toISOString()
    .slice(0, 10);
}

/** A koperasi of Jawa Tengah outside the suite's city, registered by the admin: code, kelurahan, kecamatan, kota; its id. */
async function registerKoperasi(
  admin: ApiClient,
  [code, kelurahan, kecamatan, kotaKabupaten]: [string, string, string, string],
): Promise<string> {
  const created = await admin.post('/koperasi', {
    code,
    name: `KKMP ${kelurahan}`,
    kelurahan,
    kecamatan,
    kotaKabupaten,
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('counter app: the auditor screens (verify, replay, history, books, export; real suite, Debian Chromium)', () => {
  const suite = new BrowserSuite([
    'partner-sim',
    'members',
    'billpay',
    'loans',
    'ledger',
    'gateway',
  ]);
  /** Every non-GET request any auditor page sent. */
  const writes: string[] = [];
  let paymentId = '';

  beforeAll(async () => {
    await suite.start();
    const paid = await suite.staff.teller.api.post('/billpay/payments', {
      productCode: 'PLN20',
      customerNo: freshMeter(),
    });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('SUCCESS');
    paymentId = paid.body.paymentId;
  }, 240_000);
  afterAll(() => suite.stop(), 60_000);

  async function auditorPage(
    path: string,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<Page> {
    const page = await suite.newPage(viewport);
    page.on('request', (request) => {
      if (
        request.method() !== 'GET' &&
        !ALLOWED_WRITES.some((allowed) => allowed.test(new URL(request.url()).pathname))
      )
        writes.push(`${request.method()} ${request.url()}`);
    });
    await suite.logIn(page, 'auditor', path);
    return page;
  }

  /** A KUR installment collected by Gedawang's teller, under an agreement its supervisor sets; its amount. */
  async function collectKurInstallment(): Promise<number> {
    const { teller, supervisor } = suite.staff;
    const agreement = await supervisor.api.call('PUT', '/loans/agreements/KUR', {
      fee: { kind: 'FIXED', amount: 2_500 },
      partialAllowed: false,
      feeMode: 'BANK_PAYS',
    });
    expect(agreement.status).toBeLessThan(300);
    for (let serial = 84_000; serial < 84_050; serial++) {
      const loanNo = `${TEST_LOANS.generatedPrefix}${String(serial).padStart(11, '0')}`;
      const account = await teller.api.get(`/loans/accounts/${loanNo}`);
      if (account.body.product !== 'KUR') continue;
      const collected = await teller.api.post('/loans/installments', {
        loanNo,
        amount: account.body.installmentDue,
      });
      expect(collected.status).toBe(201);
      return account.body.installmentDue;
    }
    throw new Error('no generated KUR loan found');
  }

  async function expectTidy(page: Page, name: string): Promise<void> {
    expect(await suite.horizontalOverflowPx(page)).toBe(0);
    expect(await suite.seriousA11yViolations(page)).toEqual([]);
    await suite.screenshot(page, name);
  }

  it('signs an auditor in to the auditor menu only: the counter screens are not theirs, and a teller cannot open the auditor screens', async () => {
    const page = await auditorPage('/');
    await page.getByRole('heading', { name: 'Ringkasan' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Ringkasan',
      'Verifikasi',
      'Replay',
      'Riwayat',
      'Buku',
      'Laporan keuangan',
      'SHU',
      'Ekspor',
    ]);
    await page.getByText('Dewi Lestari').waitFor();
    for (const path of ['/ppob', '/anggota', '/simpanan', '/penyelia/refund']) {
      await page.goto(path);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('forbidden').textContent()).toContain(
        'untuk kasir dan penyelia',
      );
      expect(await page.getByRole('textbox').count()).toBe(0);
    }

    const teller = await suite.newPage(DESKTOP);
    await suite.logIn(teller, 'teller', '/audit/verifikasi');
    await teller.getByTestId('forbidden').waitFor();
    expect(await teller.getByTestId('forbidden').textContent()).toContain('hanya untuk auditor');
    expect(await teller.getByRole('link', { name: 'Verifikasi' }).count()).toBe(0);
    expect(await teller.getByRole('button', { name: 'Jalankan verifikasi' }).count()).toBe(0);
  });

  it('verifies the whole history: every store and the books intact', async () => {
    const page = await auditorPage('/audit/verifikasi');
    await page.getByRole('button', { name: 'Jalankan verifikasi' }).click();
    await page.getByText('Semua utuh: 1 koperasi diperiksa').waitFor({ timeout: 60_000 });
    for (const service of ['members', 'billpay', 'loans']) {
      expect(
        await page.getByTestId(`store-${service}`).getByText('Utuh', { exact: true }).count(),
      ).toBe(1);
    }
    expect(await page.getByTestId('books-check').getByText('Utuh', { exact: true }).count()).toBe(
      1,
    );
    await expectTidy(page, 'audit-verifikasi-utuh-1280');
    // The overview remembers the verify of this session.
    await page.getByRole('link', { name: 'Ringkasan' }).click();
    await page.getByRole('heading', { name: 'Verifikasi terakhir' }).waitFor();
    await page.getByText('Utuh', { exact: true }).waitFor();
  });

  it('runs a replay from the stores and watches its progress reach "identik"', async () => {
    const page = await auditorPage('/audit/replay');
    await page.getByText('Penyimpanan layanan').waitFor();
    await page.getByRole('button', { name: 'Mulai replay' }).click();
    await page.getByRole('progressbar', { name: 'Kemajuan replay' }).waitFor();
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);
    await page
      .getByText('Identik: buku yang dibangun ulang sama persis')
      .waitFor({ timeout: 120_000 });
    expect(
      await page
        .getByRole('progressbar', { name: 'Kemajuan replay' })
        .getAttribute('aria-valuenow'),
    ).toBe('100');
    await page.getByText(/kejadian diputar ulang/).waitFor();
    // The day sums the as-of reports read were compared too, not skipped.
    await page.getByText(/Saldo harian akun .*: [1-9][\d.]* dibandingkan, 0 berbeda\./).waitFor();
    await expectTidy(page, 'audit-replay-identik-1280');
  });

  it('shows a replay that differs from the live books: each account and day, live against rebuilt in rupiah, and the event behind it', async () => {
    // A koperasi of this case's own, whose live books are changed behind the writer and left so.
    const admin = await new ApiClient(suite.harness.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasiId = await registerKoperasi(admin, [
      'KTW',
      'Kutowinangun',
      'Tingkir',
      'Kota Salatiga',
    ]);
    for (const [username, fullName, role] of [
      ['teller.kutowinangun', 'Rina Kusuma', 'teller'],
      ['auditor.kutowinangun', 'Agus Prasetyo', 'auditor'],
    ]) {
      const user = await admin.post('/users', {
        username,
        fullName,
        password: DEMO_PASSWORD,
        role,
        koperasiId,
      });
      expect(user.status).toBe(201);
    }
    const teller = await new ApiClient(suite.harness.gatewayUrl).login(
      'teller.kutowinangun',
      DEMO_PASSWORD,
    );
    expect((await teller.post('/cash-drawer/open', { openingFloat: 300_000 })).status).toBe(200);

    // Buka kasir posts Kas 300.000 debit, Kas brankas 300.000 credit. Behind the journal writer: the vault
    // line made 350.000, and the day's Kas sum (what the as-of reports read) made 325.000.
    const ledger = new pg.Client({ connectionString: suite.harness.databaseUrl('ledger') });
    await ledger.connect();
    let eventId: string;
    let today: string;
    try {
      const vaultLine = async () =>
        (
          await ledger.query<{ entry_id: string; line_no: number; event_id: string; day: string }>(
            `SELECT l.entry_id, l.line_no, e.source_event_id::text AS event_id, d.business_date::text AS day
             FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
             JOIN account_day_balances d ON d.koperasi_id = l.koperasi_id AND d.account_code = '111000'
             WHERE l.koperasi_id = $1 AND l.account_code = '111100'`,
            [koperasiId],
          )
        ).rows;
      await waitFor(
        'the ledger to post the opened drawer',
        async () => (await vaultLine()).length === 1,
        30_000,
      );
      const [line] = await vaultLine();
      eventId = line.event_id;
      today = line.day;
      await ledger.query(
        'UPDATE journal_lines SET credit_rp = credit_rp + 50000 WHERE entry_id = $1 AND line_no = $2',
        [line.entry_id, line.line_no],
      );
      await ledger.query(
        `UPDATE account_day_balances SET debit_rp = debit_rp + 25000
         WHERE koperasi_id = $1 AND account_code = '111000' AND business_date = $2`,
        [koperasiId, today],
      );
    } finally {
      await ledger.end();
    }

    const page = await suite.newPage(DESKTOP);
    await page.goto('/audit/replay');
    await page.getByLabel('Nama pengguna').fill('auditor.kutowinangun');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Mulai replay' }).click();
    await page
      .getByText('Berbeda: 3 perbedaan antara buku yang dibangun ulang dan buku berjalan.')
      .waitFor({ timeout: 120_000 });
    expect(await page.getByText(/Identik/).count()).toBe(0);
    await page.getByText(/Saldo harian akun .*: [1-9][\d.]* dibandingkan, 1 berbeda\./).waitFor();

    /** A difference's figures as the auditor reads them: row name, debit, kredit. */
    const figures = async (name: string) => {
      const rows = await page.getByRole('table', { name }).locator('tr').all();
      return Promise.all(rows.map((row) => row.locator('th, td').allTextContents()));
    };
    const accounts = page.getByTestId('replay-account');
    expect(await accounts.getByRole('heading').allTextContents()).toEqual(['111100 Kas brankas']);
    expect(await figures('111100 Kas brankas')).toEqual([
      ['', 'Debit', 'Kredit'],
      ['Dibangun ulang', rupiah(0), rupiah(300_000)],
      ['Buku berjalan', rupiah(0), rupiah(350_000)],
      ['Selisih', rupiah(0), rupiah(50_000)],
    ]);
    const day = `${dayInWords(today)} · 111000 Kas`;
    expect(
      await page.getByTestId('replay-account-day').getByRole('heading').allTextContents(),
    ).toEqual([day]);
    expect(await figures(day)).toEqual([
      ['', 'Debit', 'Kredit'],
      ['Dibangun ulang', rupiah(300_000), rupiah(0)],
      ['Buku berjalan', rupiah(325_000), rupiah(0)],
      ['Selisih', rupiah(25_000), rupiah(0)],
    ]);
    // The day sum keeps no events: the way to them is the account's ledger of that day.
    expect(
      await page
        .getByRole('link', { name: `Buku besar 111000 sampai ${dayInWords(today)}` })
        .getAttribute('href'),
    ).toBe(`/audit/buku?day=${today}&time=23%3A59&account=111000`);
    await page.getByText('Selisih: buku berjalan dikurangi buku yang dibangun ulang.').waitFor();
    await page.getByText('Entri berbeda', { exact: true }).waitFor();
    await page.getByText('Bagian yang berbeda: baris 2: kredit').waitFor();
    await expectTidy(page, 'audit-replay-berbeda-1280');
    await page.setViewportSize(PHONE);
    await expectTidy(page, 'audit-replay-berbeda-360');
    await page.setViewportSize(DESKTOP);

    // The event behind the vault's difference opens in Riwayat: the drawer opened with its 300.000 float.
    const members = new pg.Client({ connectionString: suite.harness.databaseUrl('members') });
    await members.connect();
    const { rows } = await members
      .query<{ stream_id: string }>('SELECT stream_id FROM events WHERE event_id = $1', [eventId])
      .finally(() => members.end());
    const link = accounts.getByRole('link', { name: /^Kejadian / });
    expect(await link.getAttribute('title')).toBe(eventId);
    await link.click();
    await page.getByRole('heading', { name: `Aliran ${rows[0].stream_id}` }).waitFor();
    expect(await page.getByLabel('Data kejadian').textContent()).toMatch(
      /"openingFloatRp": 300000/,
    );
  }, 180_000);

  it("finds a payment's history, follows it to its journal entry and back to the event", async () => {
    const page = await auditorPage('/audit/riwayat');
    await page.getByLabel('ID aliran').fill(`payment-${paymentId}`);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('heading', { name: `Aliran payment-${paymentId}` }).waitFor();
    const table = page.getByRole('table');
    await table.getByText('BillPaymentRequested').waitFor();
    await table.getByText('BillPaymentSucceeded').waitFor();
    // Expanding the teller's request shows its data as stored and its metadata.
    await table
      .getByRole('row')
      .filter({ hasText: 'BillPaymentRequested' })
      .getByRole('button')
      .click();
    await page.getByLabel('Data kejadian').waitFor();
    expect(await page.getByLabel('Data kejadian').textContent()).toContain(paymentId);
    await expectTidy(page, 'audit-riwayat-aliran-1280');

    await page.getByRole('button', { name: 'Entri jurnalnya' }).click();
    await page.getByRole('link', { name: /^Entri \d+:/ }).click();
    await page.getByRole('heading', { name: /^Jejak entri/ }).waitFor();
    await page.getByText('teller.gedawang (Kasir)').waitFor();
    await page.getByText(`Struk pembayaran PPOB ${paymentId}`).waitFor();
    await page.getByText(/POST \/api\/v1\/billpay\/payments/).waitFor();
    await expectTidy(page, 'audit-jejak-1280');

    await page
      .getByRole('link', { name: new RegExp(`Buka di Riwayat: payment-${paymentId} versi \\d+`) })
      .click();
    await page.getByRole('heading', { name: `Aliran payment-${paymentId}` }).waitFor();
    // Back at the event: it is open, with the way on to its related events.
    await page.getByLabel('Data kejadian').waitFor();
    await page.getByRole('link', { name: 'Kejadian terkait (korelasi)' }).click();
    await page.getByText(/kejadian dengan ID korelasi ini/).waitFor();
    expect(await page.getByRole('table').getByText('BillPaymentSucceeded').count()).toBeGreaterThan(
      0,
    );
  });

  it("opens the trial balance as of yesterday (before today's business) and today's Kas entries", async () => {
    const yesterday = wibDay(-1);
    const page = await auditorPage('/audit/buku');
    await page.getByRole('heading', { name: /^Neraca saldo per/ }).waitFor();
    await page.getByLabel('Per tanggal', { exact: true }).fill(yesterday);
    await page.getByLabel('Jam (WIB)').fill('23:59');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page
      .getByRole('heading', {
        name: new RegExp(
          `Neraca saldo per ${yesterday.split('-').reverse().join('/')} 23\\.59 WIB`,
        ),
      })
      .waitFor();
    const asOfYesterday = await suite.staff.auditor.api.get(
      `/ledger/trial-balance?asOf=${yesterday}T23:59:00%2B07:00`,
    );
    if (asOfYesterday.body.lines.length === 0)
      await page.getByText('Belum ada entri sampai waktu ini.').waitFor();
    else
      expect(await page.getByRole('table').getByRole('row').count()).toBe(
        asOfYesterday.body.lines.length + 2,
      );

    await page.getByLabel('Per tanggal', { exact: true }).fill(wibDay(0));
    await page.getByLabel('Jam (WIB)').fill('23:59');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('Seimbang: total debit sama dengan total kredit.').waitFor();
    await page.getByRole('link', { name: /^111000/ }).click();
    const entries = page.getByTestId('account-entries');
    await entries.getByRole('heading', { name: /Buku besar 111000/ }).waitFor();
    await entries.getByRole('link').first().waitFor();
    await expectTidy(page, 'audit-buku-akun-1280');
  });

  it('downloads the events and the journal entries as files that parse', async () => {
    const page = await auditorPage('/audit/ekspor');
    await page.getByText('JSON Lines').click();
    const [events] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh berkas' }).click(),
    ]);
    expect(events.suggestedFilename()).toMatch(
      /^kejadian-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.jsonl$/,
    );
    const eventLines = readFileSync((await events.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; streamId: string });
    expect(eventLines).toContainEqual(
      expect.objectContaining({ type: 'BillPaymentSucceeded', streamId: `payment-${paymentId}` }),
    );
    await page.getByText(/sudah diunduh/).waitFor();

    await page.getByText('Entri jurnal', { exact: true }).click();
    await page.getByText('CSV', { exact: true }).click();
    const [entries] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh berkas' }).click(),
    ]);
    expect(entries.suggestedFilename()).toMatch(/^jurnal-.*\.csv$/);
    const rows = readFileSync((await entries.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(rows[0].split(',').slice(0, 3)).toEqual(['entry_id', 'koperasi_id', 'occurred_at']);
    expect(rows.length).toBeGreaterThan(1);
    await expectTidy(page, 'audit-ekspor-unduh-1280');
  });

  it("lists on Ringkasan the drawer a teller left open yesterday, with the day and the float, and today's apart", async () => {
    const { teller } = suite.staff;
    const opened = await teller.api.post('/cash-drawer/open', { openingFloat: 400_000 });
    expect(opened.status).toBe(200);
    // The members service dates a drawer by its own clock: yesterday's is written as it keeps one.
    await insertDrawers(suite.harness.databaseUrl('members'), [
      {
        koperasiId: suite.koperasiIds[0],
        tellerId: opened.body.tellerId,
        businessDate: wibDay(-1),
        status: 'OPEN',
        openingFloatRp: 350_000,
      },
    ]);

    const page = await auditorPage('/');
    await page.getByText('KKMP Gedawang: yang perlu dilihat auditor hari ini.').waitFor();
    const drawers = page.getByRole('region', { name: 'Laci kasir belum ditutup' });
    const earlier = drawers.getByRole('list', {
      name: 'Laci dari hari sebelumnya yang belum ditutup',
    });
    await earlier.waitFor();
    expect(await drawers.locator('.figure').textContent()).toBe('1');
    expect(await earlier.getByRole('listitem').allTextContents()).toEqual([
      `${teller.fullName} Buka dibuka ${dayInWords(wibDay(-1))} · modal awal ${rupiah(350_000)}`,
    ]);
    await drawers.getByRole('heading', { name: 'Hari ini masih buka: 1' }).waitFor();
    expect(
      await drawers
        .getByRole('list', { name: 'Laci hari ini yang belum ditutup' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual([
      `${teller.fullName} Buka dibuka ${dayInWords(wibDay(0))} · modal awal ${rupiah(400_000)}`,
    ]);
    await expectTidy(page, 'audit-ringkasan-laci-1280');
    await page.setViewportSize(PHONE);
    await expectTidy(page, 'audit-ringkasan-laci-360');
  });

  it('shows every audit screen at 360 and 1280 px without overflow or serious accessibility findings', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await auditorPage('/', viewport);
      for (const screen of SCREENS) {
        await page.goto(screen.path);
        await page.getByRole('heading', { name: screen.title, exact: true }).waitFor();
        await page.getByText('Memuat…').waitFor({ state: 'detached' });
        // No button on an auditor's screen writes: only searching, showing, verifying, replaying and downloading.
        for (const label of await page.getByRole('main').getByRole('button').allTextContents()) {
          expect(label).toMatch(/^(Jalankan verifikasi|Mulai replay|Cari|Tampilkan|Unduh berkas)$/);
        }
        await expectTidy(page, `${screen.name}-${viewport.width}`);
      }
    }
    const phone = await auditorPage(`/audit/riwayat?stream=payment-${paymentId}&version=1`, PHONE);
    await phone.getByLabel('Data kejadian').waitFor();
    await expectTidy(phone, 'audit-riwayat-stream-360');
    expect(writes).toEqual([]);
    // Thirteen pages, each checked for overflow and accessibility: on a loaded machine, more than a minute.
  }, 180_000);

  it("lets a city auditor switch between two koperasi of its city, and never shows a third city's", async () => {
    const admin = await new ApiClient(suite.harness.gatewayUrl).login('admin', DEMO_PASSWORD);
    const elsewhereId = await registerKoperasi(admin, [
      'BDK',
      'Bendan Kergon',
      'Pekalongan Barat',
      'Kota Pekalongan',
    ]);
    const city = await admin.post('/users', {
      username: 'auditor.semarang',
      fullName: 'Hendra Wijaya',
      password: DEMO_PASSWORD,
      role: 'auditor',
      kotaKabupaten: 'Kota Semarang',
    });
    expect(city.status).toBe(201);
    // An installment Gedawang's teller took today and has not remitted: Ringkasan shows it for Gedawang only.
    const installmentRp = await collectKurInstallment();

    const page = await suite.newPage(DESKTOP);
    page.on('request', (request) => {
      if (
        request.method() !== 'GET' &&
        !ALLOWED_WRITES.some((allowed) => allowed.test(new URL(request.url()).pathname))
      )
        writes.push(`${request.method()} ${request.url()}`);
    });
    await page.goto('/audit/verifikasi');
    await page.getByLabel('Nama pengguna').fill('auditor.semarang');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    const choice = page.getByLabel('Koperasi yang diaudit');
    await page.getByText('2 koperasi di Kota Semarang.').waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual([
      'Seluruh Kota Semarang',
      'KKMP Gedawang (GDW, Gedawang)',
      'KKMP Tegalsari (TGS, Tegalsari)',
    ]);
    await page.getByRole('button', { name: 'Jalankan verifikasi' }).click();
    await page.getByText('Semua utuh: 2 koperasi diperiksa').waitFor({ timeout: 60_000 });

    // One koperasi of the city: verify and the history read that one only.
    await page.getByLabel('Cari koperasi (nama, kode, kelurahan)').fill('gedaw');
    expect(await choice.locator('option').allTextContents()).toEqual([
      'Seluruh Kota Semarang',
      'KKMP Gedawang (GDW, Gedawang)',
    ]);
    await choice.selectOption({ label: 'KKMP Gedawang (GDW, Gedawang)' });
    await page.getByRole('button', { name: 'Jalankan verifikasi' }).click();
    await page.getByText('Semua utuh: 1 koperasi diperiksa').waitFor({ timeout: 60_000 });
    await expectTidy(page, 'audit-kota-pilih-koperasi-1280');

    // Ringkasan's counter figures are the chosen koperasi's, and its intro names it.
    await page.getByRole('link', { name: 'Ringkasan' }).click();
    await page.getByText('KKMP Gedawang: yang perlu dilihat auditor hari ini.').waitFor();
    expect(await page.getByText('semua koperasi di kota ini').count()).toBe(0);
    const unremitted = page.getByRole('region', { name: 'Angsuran belum disetor ke bank' });
    await unremitted.getByText('1 angsuran kemarin dan hari ini.').waitFor();
    expect(await unremitted.locator('.figure').textContent()).toBe(rupiah(installmentRp));
    expect(await page.getByText('Pilih satu koperasi kota ini di atas').count()).toBe(0);
    await expectTidy(page, 'audit-kota-ringkasan-koperasi-1280');

    // The books of the chosen koperasi: its trial balance, which the whole city has none of.
    await page.getByRole('link', { name: 'Buku' }).click();
    await page.getByRole('heading', { name: /^Neraca saldo per / }).waitFor();
    expect(await page.getByText('Buku disimpan per koperasi').count()).toBe(0);

    await page.getByRole('link', { name: 'Riwayat' }).click();
    await page.getByLabel('Jenis kejadian').fill('BillPaymentRequested');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(/^[1-9]\d* kejadian ditemukan\.$/).waitFor();
    expect(await page.getByRole('table').getByText('BillPaymentRequested').count()).toBeGreaterThan(
      0,
    );
    // An event of the chosen koperasi leads to its journal entry for the city auditor too.
    await page
      .getByRole('table')
      .getByRole('row')
      .filter({ hasText: 'BillPaymentRequested' })
      .first()
      .getByRole('button')
      .click();
    await page.getByRole('button', { name: 'Entri jurnalnya' }).click();
    await page.getByRole('link', { name: /^Entri \d+:/ }).click();
    await page.getByRole('heading', { name: /^Jejak entri/ }).waitFor();
    await page.getByText('teller.gedawang (Kasir)').waitFor();
    // Tegalsari has had no PPOB payment: the same search finds nothing there.
    await page.getByLabel('Cari koperasi (nama, kode, kelurahan)').fill('');
    await choice.selectOption({ label: 'KKMP Tegalsari (TGS, Tegalsari)' });
    await page.getByRole('link', { name: 'Riwayat' }).click();
    await page.getByLabel('Jenis kejadian').fill('BillPaymentRequested');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('0 kejadian ditemukan.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    // Nor has it an installment to remit.
    await page.getByRole('link', { name: 'Ringkasan' }).click();
    await page.getByText('KKMP Tegalsari: yang perlu dilihat auditor hari ini.').waitFor();
    await unremitted.getByText('0 angsuran kemarin dan hari ini.').waitFor();
    expect(await unremitted.locator('.figure').textContent()).toBe(rupiah(0));

    // A third city's koperasi is never offered, and one slipped into the stored choice is dropped, said in words.
    await page.getByLabel('Cari koperasi (nama, kode, kelurahan)').fill('Bendan');
    await page.getByText('Tidak ada koperasi kota ini yang cocok dengan pencarian.').waitFor();
    expect(await choice.locator('option', { hasText: 'Bendan Kergon' }).count()).toBe(0);
    await page.evaluate(
      `sessionStorage.setItem('audit.koperasi', JSON.stringify({ userId: ${JSON.stringify(city.body.id)}, koperasiId: ${JSON.stringify(elsewhereId)} }))`,
    );
    await page.reload();
    await page
      .getByText('Koperasi yang dipilih sebelumnya tidak ada dalam wilayah audit Anda')
      .waitFor();
    await page.getByText('Pilih satu koperasi kota ini di atas untuk angka loketnya').waitFor();
    await page.getByText('Auditor Kota Semarang: semua koperasi di kota ini.').waitFor();
    expect(await unremitted.count()).toBe(0);
    await page.getByRole('link', { name: 'Buku' }).click();
    await page
      .getByText('Buku disimpan per koperasi: pilih satu koperasi kota ini di atas')
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await choice.inputValue()).toBe('');
    expect(await choice.locator('option:checked').textContent()).toBe('Seluruh Kota Semarang');
    const cityAuditor = await new ApiClient(suite.harness.gatewayUrl).login(
      'auditor.semarang',
      DEMO_PASSWORD,
    );
    expect((await cityAuditor.get(`/audit/events?koperasiId=${elsewhereId}`)).status).toBe(404);
    expect((await cityAuditor.get(`/audit/trial-balance?koperasiId=${elsewhereId}`)).status).toBe(
      404,
    );
    expect((await cityAuditor.get('/audit/trial-balance')).status).toBe(400);

    await page.setViewportSize(PHONE);
    await expectTidy(page, 'audit-kota-pilih-koperasi-360');
    // Four screens and two koperasi, each step waiting on the suite: longer than one screen's minute.
  }, 180_000);

  it('names a tampered event (changed behind the triggers) with its store, stream and version, linking to it', async () => {
    const billpay = new pg.Client({ connectionString: suite.harness.databaseUrl('billpay') });
    await billpay.connect();
    let version: number;
    try {
      const { rows } = await billpay.query<{ stream_version: number }>(
        `SELECT stream_version FROM events WHERE stream_id = $1 AND type = 'BillPaymentSucceeded'`,
        [`payment-${paymentId}`],
      );
      version = rows[0].stream_version;
      await billpay.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await billpay.query(
        `UPDATE events SET data = jsonb_set(data, '{feeRp}', '0') WHERE stream_id = $1 AND stream_version = $2`,
        [`payment-${paymentId}`, version],
      );
      await billpay.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    } finally {
      await billpay.end();
    }
    const page = await auditorPage('/audit/verifikasi', PHONE);
    await page.getByRole('button', { name: 'Jalankan verifikasi' }).click();
    await page.getByText('Ada temuan').waitFor({ timeout: 60_000 });
    const store = page.getByTestId('store-billpay');
    await store.getByText('Rusak', { exact: true }).waitFor();
    await store.getByText(`PPOB · aliran payment-${paymentId} · versi ${version}`).waitFor();
    await store.getByText('Isi kejadian ini diubah setelah dicatat').waitFor();
    expect(await page.getByTestId('store-members').getByText('Utuh', { exact: true }).count()).toBe(
      1,
    );
    await expectTidy(page, 'audit-verifikasi-rusak-360');
    await store.getByRole('link', { name: `Buka kejadian versi ${version} di Riwayat` }).click();
    await page.getByRole('heading', { name: `Aliran payment-${paymentId}` }).waitFor();
    expect(await page.getByLabel('Data kejadian').textContent()).toMatch(/"feeRp": 0/);
  });
});
