import { SuiteHarness } from '../support/suite-harness.js';
import { ApiClient } from '../support/api-client.js';

/** Long enough for the gateway to restart inside it on a busy machine; the test waits it out once. */
const LOCKOUT_MS = 60_000;
const WRONG_PASSWORDS = 20;

interface LockedBody {
  error: string;
  message: string;
  details: { lockedUntil: string; retryAfterSeconds: number; scope: string };
}

describe('brute force against the login', () => {
  const suite = new SuiteHarness({
    environment: { LOGIN_LOCKOUT_MS: String(LOCKOUT_MS), LOGIN_FAILURE_DELAY_MS: '20' },
  });
  const login = (password: string) =>
    fetch(`${suite.gatewayUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });

  beforeAll(async () => {
    await suite.startAll(['gateway']);
  }, 120_000);
  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  it(`locks the username after 5 wrong passwords: ${WRONG_PASSWORDS} guesses, then the right password is refused (429) until the lockout ends, across a gateway restart`, async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < WRONG_PASSWORDS; guess++)
      statuses.push((await login(`wrong-guess-${guess}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, ...Array<number>(WRONG_PASSWORDS - 4).fill(429)]);

    const locked = await login(suite.secrets.DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfterSeconds = Number(locked.headers.get('retry-after'));
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(LOCKOUT_MS / 1000);
    const body = (await locked.json()) as LockedBody;
    expect(body.error).toBe('LOGIN_LOCKED');
    expect(body.message).toMatch(
      /^Too many wrong passwords for this username\. Signing in is locked until \d\d:\d\d WIB/,
    );

    // The lockout is in the database: a restarted gateway (or another instance) still refuses.
    suite.kill('gateway');
    await suite.start('gateway');
    expect((await login(suite.secrets.DEMO_PASSWORD)).status).toBe(429);

    await new Promise((resolve) =>
      setTimeout(resolve, Date.parse(body.details.lockedUntil) - Date.now() + 500),
    );
    expect((await login(suite.secrets.DEMO_PASSWORD)).status).toBe(200);
  }, 180_000);

  it('records every sign-in with its address and outcome, for the admin to read', async () => {
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', suite.secrets.DEMO_PASSWORD);
    const { status, body } = await admin.get<{
      logins: { username: string; address: string; outcome: string }[];
    }>('/auth/logins');
    expect(status).toBe(200);
    const count = (outcome: string) =>
      body.logins.filter((login) => login.outcome === outcome).length;
    // Five wrong passwords were checked; the refusals of the lockout are recorded once; two successes.
    expect({
      wrong: count('WRONG_PASSWORD'),
      locked: count('LOCKED'),
      success: count('SUCCESS'),
    }).toEqual({ wrong: 5, locked: 1, success: 2 });
    expect(new Set(body.logins.map((login) => `${login.username}@${login.address}`))).toEqual(
      new Set(['admin@127.0.0.1']),
    );
  });
});
