import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ApiClient } from '../../support/api-client.js';
import {
  DEMO_PASSWORD,
  SuiteHarness,
  type ServiceName,
  type SuiteHarnessOptions,
} from '../../support/suite-harness.js';

/** Debian's Chromium; test/run-tests.sh installs it on a machine that lacks it. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = '.run/screenshots';
/** The app must show WIB whatever the counter PC's zone is: the browser runs in another one on purpose. */
const BROWSER_TIME_ZONE = 'America/New_York';
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export interface CounterStaff {
  username: string;
  fullName: string;
  password: string;
  api: ApiClient;
}

interface SeedUser {
  username: string;
  fullName: string;
  role: 'teller' | 'supervisor' | 'auditor';
}

const STAFF: Record<
  'teller' | 'supervisor' | 'otherTeller' | 'auditor',
  SeedUser & { koperasi: 0 | 1 }
> = {
  teller: { username: 'teller.gedawang', fullName: 'Siti Rahmawati', role: 'teller', koperasi: 0 },
  supervisor: {
    username: 'supervisor.gedawang',
    fullName: 'Bambang Suryanto',
    role: 'supervisor',
    koperasi: 0,
  },
  otherTeller: {
    username: 'teller.tegalsari',
    fullName: 'Dewi Anggraini',
    role: 'teller',
    koperasi: 1,
  },
  auditor: { username: 'auditor.gedawang', fullName: 'Dewi Lestari', role: 'auditor', koperasi: 0 },
};
export type StaffName = keyof typeof STAFF;

/**
 * The whole suite as real processes (SuiteHarness: gateway serving the built app, services, Kafka, PostgreSQL,
 * partner-sim) with two koperasi and their staff, and Debian's Chromium driven by playwright-core.
 */
export class BrowserSuite {
  readonly harness: SuiteHarness;
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];
  readonly staff = {} as Record<StaffName, CounterStaff>;
  koperasiIds: string[] = [];

  /** `options.environment` reaches every service, e.g. a short access-token lifetime for the session test. */
  constructor(
    private readonly services?: readonly ServiceName[],
    options: SuiteHarnessOptions = {},
  ) {
    this.harness = new SuiteHarness(options);
  }

  get appUrl(): string {
    return this.harness.gatewayUrl.replace(/\/api\/v1$/, '');
  }

  async start(options: { depositRp?: number } = {}): Promise<void> {
    if (!existsSync(CHROMIUM_PATH))
      throw new Error(
        `${CHROMIUM_PATH} is missing: apt-get install -y chromium (test/run-tests.sh does it)`,
      );
    if (!existsSync('dist/counter-web/index.html'))
      throw new Error('dist/counter-web is missing: run `npm run build` first');
    await this.harness.startAll(this.services);
    await this.seed(options.depositRp ?? 10_000_000);
    this.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      // Without these, Chromium reaches for Google's hosts, which this machine's closed network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await this.harness.stopAll();
  }

  /** A fresh browser profile (no session, no storage) at the given size, in a zone far from WIB. */
  async newPage(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
    if (!this.browser) throw new Error('BrowserSuite.start() first');
    const context = await this.browser.newContext({
      viewport,
      timezoneId: BROWSER_TIME_ZONE,
      locale: 'en-US',
      baseURL: this.appUrl,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** Signs in through the login screen, as a person would, and waits for the screen at `path`. */
  async logIn(page: Page, who: StaffName, path = '/'): Promise<void> {
    await page.goto(path);
    await page.getByLabel('Nama pengguna').fill(this.staff[who].username);
    await page.getByLabel('Kata sandi').fill(this.staff[who].password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Menu' }).waitFor();
  }

  /** Saved under .run/screenshots (git-ignored) for a reviewer to look at. */
  async screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  /** axe-core's serious and critical findings on the page as it is now, as readable lines (empty when none). */
  async seriousA11yViolations(page: Page): Promise<string[]> {
    // Evaluated through the debugging protocol, not added as a <script>: the app's Content-Security-Policy
    // rightly refuses inline scripts, and the check must see the page exactly as a teller gets it.
    await page.evaluate(AXE_SOURCE);
    // Runs in the page, where axe-core now is; a string, as this file is compiled without the DOM's types.
    const violations =
      (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)) })))`)) as Array<{
        id: string;
        impact: string | null;
        help: string;
        targets: string[];
      }>;
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help} at ${violation.targets.join(', ')}`,
      );
  }

  /** How many CSS pixels the page is wider than its viewport (0 when nothing overflows sideways). */
  async horizontalOverflowPx(page: Page): Promise<number> {
    return (await page.evaluate(
      'Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)',
    )) as number;
  }

  /** partner-sim's admin API: faults, forced outcomes, the request log. */
  partnerSim<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return this.harness.partnerSim<T>(method, path, body);
  }

  /** How many calls partner-sim received on a path, optionally for one customer or loan. */
  async partnerCalls(path: string, filter: Record<string, string> = {}): Promise<number> {
    const query = new URLSearchParams({ path, ...filter, limit: '1' });
    return (await this.partnerSim<{ total: number }>('GET', `/admin/requests?${query}`)).total;
  }

  private async seed(depositRp: number): Promise<void> {
    const admin = await new ApiClient(this.harness.gatewayUrl).login('admin', DEMO_PASSWORD);
    this.koperasiIds = [];
    for (const [code, name, kelurahan, kecamatan] of [
      ['GDW', 'KKMP Gedawang', 'Gedawang', 'Banyumanik'],
      ['TGS', 'KKMP Tegalsari', 'Tegalsari', 'Candisari'],
    ]) {
      const created = await admin.post('/koperasi', {
        code,
        name,
        kelurahan,
        kecamatan,
        kotaKabupaten: 'Kota Semarang',
        provinsi: 'Jawa Tengah',
        simpananPokokAmount: 25_000,
        simpananWajibMonthlyAmount: 15_000,
      });
      if (created.status !== 201)
        throw new Error(`koperasi ${code}: ${created.status} ${JSON.stringify(created.body)}`);
      this.koperasiIds.push(created.body.id);
    }
    for (const [name, user] of Object.entries(STAFF) as [StaffName, (typeof STAFF)[StaffName]][]) {
      const body = {
        username: user.username,
        fullName: user.fullName,
        password: DEMO_PASSWORD,
        role: user.role,
        koperasiId: this.koperasiIds[user.koperasi],
      };
      const created = await admin.post('/users', body);
      if (created.status !== 201)
        throw new Error(`user ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      this.staff[name] = {
        username: user.username,
        fullName: user.fullName,
        password: DEMO_PASSWORD,
        api: await new ApiClient(this.harness.gatewayUrl).login(user.username, DEMO_PASSWORD),
      };
    }
    // The aggregator's deposit starts from the koperasi's transfer, as on a real first day.
    await this.partnerSim('PUT', '/admin/aggregator/faults', {
      cutOffWib: null,
      callbackDelayMs: 1_000,
    });
    await this.partnerSim('PUT', '/admin/aggregator/deposit', { balanceRp: 0 });
    await this.partnerSim('POST', '/admin/aggregator/deposit/topups', {
      amountRp: depositRp,
      ref: 'BRI-GDW-0001',
    });
    const topUp = await this.staff.supervisor.api.post('/billpay/deposit/topups', {
      amount: depositRp,
      bankTransferRef: 'BRI-GDW-0001',
    });
    if (topUp.status !== 201)
      throw new Error(`deposit top-up: ${topUp.status} ${JSON.stringify(topUp.body)}`);
  }
}

/**
 * Polls an expression in the page until it is true (or 5 s pass) and answers its last value. Through
 * page.evaluate, which the debugging protocol runs: waitForFunction's string predicate is an eval, which the
 * app's CSP rightly refuses.
 */
export async function pageSoon(
  page: Page,
  expression: string,
  timeoutMs = 5_000,
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(expression);
    if (value === true || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** As the app writes rupiah: `Rp 1.250.000`. */
export function rupiah(amountRp: number): string {
  return `Rp ${String(amountRp).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
