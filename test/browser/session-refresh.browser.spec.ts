import { randomInt } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { BrowserSuite, DESKTOP } from './support/browser-suite.js';

/** Short on purpose (TOKEN_TTL_SECONDS reaches only this test's gateway): several lifetimes pass within the test. */
const ACCESS_TOKEN_SECONDS = 8;

interface Calls {
  logins: number;
  refreshes: number;
  deposits: Request[];
}

/** Counts what the page sends: sign-ins, refreshes and sukarela deposits. */
function watch(page: Page): Calls {
  const calls: Calls = { logins: 0, refreshes: 0, deposits: [] };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/v1/auth/login') calls.logins += 1;
    if (path === '/api/v1/auth/refresh') calls.refreshes += 1;
    if (request.method() === 'POST' && path.endsWith('/simpanan-sukarela/deposits'))
      calls.deposits.push(request);
  });
  return calls;
}

describe('counter app: a teller is never thrown out in the middle of a payment (real suite, Debian Chromium)', () => {
  const suite = new BrowserSuite(['partner-sim', 'members', 'billpay', 'gateway'], {
    environment: { TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_SECONDS) },
  });

  beforeAll(() => suite.start(), 240_000);
  afterAll(() => suite.stop(), 60_000);

  /** The test's own calls sign in afresh: the staff's clients from the seeding hold tokens long expired. */
  const tellerApi = (): Promise<ApiClient> =>
    new ApiClient(suite.harness.gatewayUrl).login(
      suite.staff.teller.username,
      suite.staff.teller.password,
    );

  async function memberWithPokok(fullName: string): Promise<string> {
    const api = await tellerApi();
    const nik = `337401550590${String(randomInt(1000, 9999))}`;
    const registered = await api.post('/members', {
      nik,
      fullName,
      address: 'Jl. Gedawang Raya 12 RT 02/RW 03',
      kelurahan: 'Gedawang',
      phone: '081234567890',
    });
    if (registered.status !== 201)
      throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
    expect(
      (await api.post(`/members/${registered.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBe(200);
    return registered.body.id as string;
  }

  async function depositSukarela(page: Page, amount: string, shown: string): Promise<void> {
    await page.getByRole('radio', { name: 'Setor sukarela' }).check();
    await page.getByLabel('Jumlah setor').fill(amount);
    await page.getByLabel('Jumlah setor').press('Enter');
    await page.getByRole('heading', { name: 'Periksa sebelum disimpan' }).waitFor();
    await page.getByRole('button', { name: 'Ya, simpan' }).click();
    await page.getByText(`Setor sukarela ${shown} diterima.`).waitFor();
  }

  const sukarelaOf = async (memberId: string): Promise<number> =>
    (await (await tellerApi()).get(`/members/${memberId}`)).body.savings.sukarela;

  it(`refreshes before the ${ACCESS_TOKEN_SECONDS}-second token ends: a deposit made three lifetimes after signing in goes through, no login screen`, async () => {
    const memberId = await memberWithPokok('Endang Lestari');
    const page = await suite.newPage(DESKTOP);
    const calls = watch(page);
    await suite.logIn(page, 'teller', `/simpanan/${memberId}`);
    await page.getByRole('radio', { name: 'Setor sukarela' }).waitFor();

    await new Promise((resolve) => setTimeout(resolve, 3 * ACCESS_TOKEN_SECONDS * 1000));
    await depositSukarela(page, '50000', 'Rp 50.000');
    expect(await page.getByLabel('Nama pengguna').count()).toBe(0);
    expect(calls.logins).toBe(1);
    expect(calls.refreshes).toBeGreaterThanOrEqual(3);
    expect(calls.deposits).toHaveLength(1);
    expect(await sukarelaOf(memberId)).toBe(50_000);
    await suite.screenshot(page, 'session-refreshed-deposit-1280');
  }, 120_000);

  it('after a PC sleep that outlived the token, the refused deposit is refreshed and sent once more with the same key, and taken once', async () => {
    const memberId = await memberWithPokok('Sri Handayani');
    const page = await suite.newPage(DESKTOP);
    await page.clock.install();
    const calls = watch(page);
    await suite.logIn(page, 'teller', `/simpanan/${memberId}`);
    await page.getByRole('radio', { name: 'Setor sukarela' }).waitFor();
    // The page's clock stands still (a sleeping PC: no refresh timer fires) while the gateway's token runs out.
    await page.clock.pauseAt(Date.now() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, (ACCESS_TOKEN_SECONDS + 2) * 1000));
    const refreshesBefore = calls.refreshes;

    await depositSukarela(page, '30000', 'Rp 30.000');
    expect(calls.refreshes).toBe(refreshesBefore + 1);
    expect(calls.deposits).toHaveLength(2);
    const [refused, retried] = await Promise.all(
      calls.deposits.map(async (request) => ({
        key: request.headers()['idempotency-key'],
        status: (await request.response())?.status(),
      })),
    );
    expect(refused.status).toBe(401);
    expect(retried).toEqual({ key: refused.key, status: 200 });
    expect(calls.logins).toBe(1);
    expect(await sukarelaOf(memberId)).toBe(30_000);
  }, 120_000);

  it('logout revokes the session at the gateway: its refresh token no longer works', async () => {
    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'teller', '/');
    const stored = JSON.parse(
      (await page.evaluate(`sessionStorage.getItem('counter.session')`)) as string,
    ) as { refreshToken: string; accessToken: string };
    const loggedOut = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/v1/auth/logout',
    );
    await page.getByRole('button', { name: 'Keluar' }).click();
    expect((await loggedOut).status()).toBe(204);
    await page.getByLabel('Nama pengguna').waitFor();
    const refresh = await fetch(`${suite.harness.gatewayUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    });
    expect(refresh.status).toBe(401);
    const read = await fetch(`${suite.harness.gatewayUrl}/koperasi/${suite.koperasiIds[0]}`, {
      headers: { authorization: `Bearer ${stored.accessToken}` },
    });
    expect(read.status).toBe(401);
  });

  it("a supervisor lifts a teller's lockout on the Kasir baru screen; the teller signs in at once, and the log says who did it", async () => {
    const { username, password } = suite.staff.teller;
    const attempt = (secret: string) =>
      fetch(`${suite.harness.gatewayUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: secret }),
      });
    for (let guess = 0; guess < 5; guess++) await attempt(`salah-${guess}`);
    expect((await attempt(password)).status).toBe(429);

    const page = await suite.newPage(DESKTOP);
    await suite.logIn(page, 'supervisor', '/penyelia/kasir');
    await page.getByRole('heading', { name: 'Buka kunci masuk' }).waitFor();
    await page.getByLabel('Akun yang dikunci').fill(username);
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await page.getByText(`Kunci ${username} dibuka. Kasir bisa masuk lagi sekarang.`).waitFor();
    await suite.screenshot(page, 'supervisor-unlock-1280');
    expect({ violations: await suite.seriousA11yViolations(page) }).toEqual({ violations: [] });

    expect((await attempt(password)).status).toBe(200);
    const supervisorApi = await new ApiClient(suite.harness.gatewayUrl).login(
      suite.staff.supervisor.username,
      suite.staff.supervisor.password,
    );
    const log = await supervisorApi.get('/auth/logins');
    expect(log.body.logins).toContainEqual(
      expect.objectContaining({
        username,
        outcome: 'UNLOCKED',
        by: suite.staff.supervisor.username,
      }),
    );
  });
});
