import { randomInt } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import { BrowserSuite, DESKTOP, pageSoon, PHONE } from './support/browser-suite.js';

const WIB_OFFSET_MS = 7 * 3600 * 1000;
const MONTH_NAME = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-03` → `Maret 2026`, as the app writes months in Bahasa Indonesia. */
function monthName(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return MONTH_NAME.format(Date.UTC(year, month - 1, 1));
}

/** The month of an instant on the counter's clock (WIB), `YYYY-MM`. */
function wibMonth(instant: string | number): string {
  return new Date(new Date(instant).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 7);
}

function nextMonth(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

function monthsFromTo(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** A plausible NIK of Kota Semarang (33 74 01), born 15-05-1990, female (day + 40), with a fresh serial. */
function femaleNik(): string {
  return `3374015505 90${String(randomInt(1000, 9999))}`.replace(' ', '');
}

describe('counter app: members and savings (real suite, Debian Chromium)', () => {
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

  /** A member registered (and optionally made active) through the API, for the screens that need one. */
  async function memberThroughApi(
    fullName: string,
    options: { pokok?: boolean; sukarelaRp?: number; wajib?: string[] } = {},
  ): Promise<{ id: string; memberNo: string; nik: string }> {
    const api = suite.staff.teller.api;
    const nik = femaleNik();
    const registered = await api.post('/members', {
      nik,
      fullName,
      address: 'Jl. Gedawang Raya 12 RT 02/RW 03',
      kelurahan: 'Gedawang',
      phone: '081234567890',
    });
    if (registered.status !== 201)
      throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
    const id = registered.body.id as string;
    if (options.pokok)
      expect((await api.post(`/members/${id}/simpanan-pokok`, { amount: 25_000 })).status).toBe(
        200,
      );
    if (options.wajib)
      expect(
        (
          await api.post(`/members/${id}/simpanan-wajib`, {
            periods: options.wajib,
            amount: options.wajib.length * 15_000,
          })
        ).status,
      ).toBe(200);
    if (options.sukarelaRp)
      expect(
        (
          await api.post(`/members/${id}/simpanan-sukarela/deposits`, {
            amount: options.sukarelaRp,
          })
        ).status,
      ).toBe(200);
    return { id, memberNo: registered.body.memberNo, nik };
  }

  /** window.print() counted instead of opening the print dialog. */
  async function countPrints(page: Page): Promise<void> {
    await page.addInitScript(
      'window.__prints = 0; window.print = () => { window.__prints += 1; };',
    );
  }

  it('registers a member from the NIK, takes pokok and two months of wajib (surviving a lost answer), prints the proof, and shows it all on the member page', async () => {
    const page = await suite.newPage(DESKTOP);
    await countPrints(page);
    await suite.logIn(page, 'teller', '/anggota');
    await page.getByRole('link', { name: 'Daftarkan anggota baru' }).click();
    await page.getByRole('heading', { name: 'Daftar anggota baru' }).waitFor();

    // The kelurahan is the koperasi's own to start with.
    const kelurahan = page.getByLabel('Kelurahan/desa');
    await expectSoon(() => kelurahan.inputValue(), 'Gedawang');

    // A NIK whose birth day is 99: its message under the field, and nothing registered.
    const badNik = '3374019901900001';
    const nikField = page.getByLabel('NIK', { exact: true });
    await nikField.pressSequentially(badNik);
    await page.getByText('Tanggal lahir pada NIK tidak valid.').waitFor();
    expect(await nikField.getAttribute('aria-invalid')).toBe('true');
    const fullName = `Sri Wahyuningsih ${nameTag()}`;
    await page.getByLabel('Nama lengkap').fill(fullName);
    await page.getByLabel('Alamat sesuai KTP').fill('Jl. Gedawang Raya 12 RT 02/RW 03');
    await page.getByLabel('Nomor HP (tidak wajib)').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByText('Tanggal lahir pada NIK tidak valid.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/anggota/baru');
    expect((await suite.staff.teller.api.get(`/members?nik=${badNik}`)).body).toEqual([]);

    // A good NIK: the birth date and sex read from it as it is typed.
    const nik = femaleNik();
    await nikField.fill('');
    await nikField.pressSequentially(nik.slice(0, 10));
    await page.getByText('10 dari 16 digit').waitFor();
    await nikField.pressSequentially(nik.slice(10));
    await page.getByText('Lahir 15 Mei 1990 · Perempuan').waitFor();
    expect(await nikField.getAttribute('aria-invalid')).toBeNull();
    await suite.screenshot(page, 'member-register-filled-1280');

    // Enter from the last field registers; the member's page opens.
    await page.getByLabel('Nomor HP (tidak wajib)').press('Enter');
    await page.getByRole('heading', { name: fullName }).waitFor();
    const memberId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('Belum dibayar: Rp 25.000').waitFor();
    await page.getByText('Menunggu simpanan pokok').first().waitFor();

    // Pokok: the koperasi's amount, once.
    await page.getByRole('link', { name: 'Setor / tarik simpanan' }).click();
    expect(await page.getByRole('radio', { name: 'Simpanan pokok' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
    await page.getByRole('button', { name: 'Ya, simpan' }).click();
    await page.getByText('Simpanan pokok Rp 25.000 diterima.').waitFor();
    await page.getByRole('button', { name: 'Transaksi lain untuk anggota ini' }).click();

    // Wajib: pokok is no longer offered; this month (in arrears) comes ticked, next month is ticked too.
    const today = wibMonth(Date.now());
    const next = nextMonth(today);
    await page.getByRole('radio', { name: 'Simpanan wajib' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Simpanan pokok' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Simpanan wajib' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: monthName(today) }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: monthName(next) }).check();
    await page.getByText(/^2 bulan × Rp\s15\.000 = Rp\s30\.000$/).waitFor();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
    expect(await page.locator('.savings-confirm').textContent()).toContain('Rp 30.000');

    // The gateway takes the first request but its answer is lost: "Periksa lagi" asks again with the same key.
    const wajibRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/simpanan-wajib'))
        wajibRequests.push(request);
    });
    let dropped = 0;
    await page.route('**/api/v1/members/*/simpanan-wajib', async (route) => {
      if (dropped === 0) {
        dropped += 1;
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    const submit = page.getByRole('button', { name: 'Ya, simpan' });
    await submit.click();
    await page.getByText('Hasil transaksi belum diketahui').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Periksa lagi' }).click();
    await page.getByText('Simpanan wajib Rp 30.000 diterima.').waitFor();
    expect(wajibRequests.length).toBe(2);
    const keys = await Promise.all(
      wajibRequests.map((request) => request.headerValue('idempotency-key')),
    );
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    // The proof: BUKTI SETOR, the member, the amount, and CA on the first print.
    await page.getByRole('button', { name: 'Cetak struk' }).click();
    const paper = page.getByTestId('receipt-paper');
    await paper.waitFor();
    const receipt = (await paper.textContent()) ?? '';
    expect(receipt).toContain('BUKTI SETOR SIMPANAN');
    // A long name wraps within the value column of the 32-character paper; read it as the teller reads it.
    expect(receipt.replace(/\s+/g, ' ')).toContain(fullName);
    expect(receipt).toContain('Rp30.000');
    expect(receipt.trim().split('\n').pop()?.trim()).toBe('CA');
    expect(await page.evaluate('window.__prints')).toBe(1);
    await suite.screenshot(page, 'savings-done-1280');

    // The member page: pokok paid, the two months paid, and the months in arrears from joining to this month.
    const fromApi = (await suite.staff.teller.api.get(`/members/${memberId}`)).body;
    const paid = [today, next];
    const expectedArrears = monthsFromTo(wibMonth(fromApi.joinedAt), today).filter(
      (month) => !paid.includes(month),
    );
    await page.goto(`/anggota/${memberId}`);
    await page.getByRole('heading', { name: fullName }).waitFor();
    expect(await page.getByTestId('pokok-card').textContent()).toContain('Lunas');
    expect(await page.getByTestId('wajib-paid').textContent()).toContain(
      `Sudah dibayar (2 bulan): ${monthName(today)}, ${monthName(next)}`,
    );
    const arrearsText = await page.getByTestId('wajib-arrears').textContent();
    if (expectedArrears.length === 0) expect(arrearsText).toBe('Tidak ada tunggakan');
    else expect(arrearsText).toContain(expectedArrears.map(monthName).join(', '));
    await page
      .getByRole('cell', { name: `Simpanan wajib: ${monthName(today)}, ${monthName(next)}` })
      .waitFor();
    expect(await page.getByText(/WIB$/).count()).toBeGreaterThanOrEqual(2);

    // The API agrees.
    expect(fromApi).toMatchObject({
      status: 'ACTIVE',
      savings: { pokok: 25_000, wajib: 30_000, sukarela: 0 },
      wajibArrears: { months: expectedArrears },
    });
  });

  it('takes a sukarela deposit, then refuses a withdrawal larger than the balance next to the amount, the balance unchanged', async () => {
    const member = await memberThroughApi(`Endang Lestari ${nameTag()}`, { pokok: true });
    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'teller', `/simpanan/${member.id}`);

    await page.getByRole('radio', { name: 'Setor sukarela' }).check();
    await page.getByLabel('Jumlah setor').fill('50000');
    await page.getByLabel('Jumlah setor').press('Enter');
    await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
    await page.getByRole('button', { name: 'Ya, simpan' }).click();
    await page.getByText('Setor sukarela Rp 50.000 diterima.').waitFor();
    await page.getByRole('button', { name: 'Transaksi lain untuk anggota ini' }).click();
    await page.getByTestId('sukarela-balance').getByText('Rp 50.000').waitFor();

    // Esc from the confirm step returns to the form with what was typed.
    await page.getByRole('radio', { name: 'Tarik sukarela' }).check();
    const amount = page.getByLabel('Jumlah tarik');
    await amount.fill('20000');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
    // The confirm step takes Esc once its effects ran, which is when its button has the focus; before that
    // Esc is the app's "back a screen".
    expect(
      await pageSoon(page, `document.activeElement?.textContent?.includes('Ya, simpan') === true`),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await amount.waitFor();
    expect(await amount.inputValue()).toBe('20.000');

    // More than the balance: refused in plain words under the amount, and no confirm step.
    await amount.fill('75000');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    const refusal = page.getByText('Saldo sukarela tidak cukup: sisa Rp 50.000');
    await refusal.waitFor();
    expect(await amount.getAttribute('aria-describedby')).toContain(
      await refusal.getAttribute('id'),
    );
    expect(await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).count()).toBe(0);
    expect((await suite.staff.teller.api.get(`/members/${member.id}`)).body.savings.sukarela).toBe(
      50_000,
    );
    await page.reload();
    await page.getByTestId('sukarela-balance').getByText('Rp 50.000').waitFor();
  });

  it('keeps the half-typed registration form across an expired session', async () => {
    const page = await suite.newPage(DESKTOP);
    await page.clock.install();
    await suite.logIn(page, 'teller', '/anggota/baru');
    const nik = femaleNik();
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.getByLabel('Nama lengkap').fill('Rukmini Handayani');
    await page.getByLabel('Alamat sesuai KTP').fill('Jl. Setiabudi 5 RT 01/RW 04');
    // Past the end of the sign-in (a 12-hour shift), which no refresh extends.
    await page.clock.fastForward('12:00:05');
    await page.getByText('Sesi Anda sudah berakhir').waitFor();
    await page.getByLabel('Nama pengguna').fill(suite.staff.teller.username);
    await page.getByLabel('Kata sandi').fill(suite.staff.teller.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Daftar anggota baru' }).waitFor();
    expect(await page.getByLabel('NIK', { exact: true }).inputValue()).toBe(nik);
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rukmini Handayani');
    expect(await page.getByLabel('Alamat sesuai KTP').inputValue()).toBe(
      'Jl. Setiabudi 5 RT 01/RW 04',
    );
    await page.getByText('Lahir 15 Mei 1990 · Perempuan').waitFor();
  });

  it('lays out every members and savings screen at 360 px and 1280 px without sideways scrolling or serious accessibility findings', async () => {
    const today = wibMonth(Date.now());
    const member = await memberThroughApi(`Sri Rejeki Wahyuningsih ${nameTag()}`, {
      pokok: true,
      wajib: [today],
      sukarelaRp: 125_000,
    });
    await memberThroughApi(`Wahyu Setiawan ${nameTag()}`);
    const screens: Array<{ name: string; path: string; ready: (page: Page) => Promise<void> }> = [
      {
        name: 'members-search',
        path: '/anggota?cari=Wahyu',
        ready: (page) => page.getByText(/anggota ditemukan/).waitFor(),
      },
      {
        name: 'member-register',
        path: '/anggota/baru',
        ready: async (page) => {
          await page.getByLabel('NIK', { exact: true }).fill('3374019901900001');
          await page.getByText('Tanggal lahir pada NIK tidak valid.').waitFor();
        },
      },
      {
        name: 'member',
        path: `/anggota/${member.id}`,
        ready: (page) => page.getByRole('heading', { name: 'Riwayat simpanan' }).waitFor(),
      },
      {
        name: 'savings-pick',
        path: '/simpanan?cari=Wahyu',
        ready: (page) => page.getByText(/anggota ditemukan/).waitFor(),
      },
      {
        name: 'savings',
        path: `/simpanan/${member.id}`,
        ready: async (page) => {
          await page.getByRole('radio', { name: 'Simpanan wajib' }).waitFor();
          await page.getByText(/bulan × Rp\s15\.000/).waitFor();
        },
      },
      {
        name: 'savings-confirm',
        path: `/simpanan/${member.id}`,
        ready: async (page) => {
          await page.getByRole('radio', { name: 'Simpanan wajib' }).waitFor();
          await page.getByRole('checkbox', { name: monthName(nextMonth(today)) }).check();
          await page.getByRole('button', { name: 'Lanjut' }).click();
          await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
        },
      },
    ];
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await suite.newPage(viewport);
      await suite.logIn(page, 'teller', '/anggota');
      for (const screen of screens) {
        await page.goto(screen.path);
        await screen.ready(page);
        const name = `${screen.name}-${viewport.width}`;
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
    }
  });
});

/** Waits, as a teller would glance again, until what the page shows is what it should become. */
async function expectSoon<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await read();
    if (seen === expected || Date.now() > deadline) return expect(seen).toBe(expected);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A made-up family name that tells this run's members apart: a KTP name has letters only, no digits. */
function nameTag(): string {
  const letters = 'bcdfghjklmnprstw';
  const vowels = 'aiueo';
  let tag = '';
  for (let i = 0; i < 3; i++)
    tag += letters[randomInt(0, letters.length)] + vowels[randomInt(0, vowels.length)];
  return tag[0].toUpperCase() + tag.slice(1);
}
