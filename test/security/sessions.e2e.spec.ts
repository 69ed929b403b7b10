import { ApiClient } from '../support/api-client.js';
import { SuiteHarness } from '../support/suite-harness.js';

/** The gateway's own check cache (SESSION_CHECK_CACHE_MS, 2 s by default) plus a busy machine's slack. */
const WITHIN_SECONDS_MS = 5_000;

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Sessions against the real built gateway (and members, which knows the koperasi): what a stolen or stale token can do. */
describe('sessions on the real suite: 15-minute tokens, rotation, logout, disabled users and new passwords', () => {
  const suite = new SuiteHarness();
  let admin: ApiClient;
  let koperasiId: string;
  let serial = 0;

  const call = async (method: string, path: string, body?: unknown, accessToken?: string) => {
    const response = await fetch(`${suite.gatewayUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const login = async (
    username: string,
    password = suite.secrets.DEMO_PASSWORD,
  ): Promise<Tokens> => {
    const answer = await call('POST', '/auth/login', { username, password });
    expect(answer.status).toBe(200);
    return answer.body as Tokens;
  };
  /** What a teller does all day: read its koperasi. */
  const readKoperasi = async (tokens: Tokens) =>
    (await call('GET', `/koperasi/${koperasiId}`, undefined, tokens.accessToken)).status;
  const newTeller = async (): Promise<{ id: string; username: string }> => {
    serial += 1;
    const username = `teller.sesi${serial}`;
    const created = await admin.post('/users', {
      username,
      fullName: 'Siti Rahmawati',
      password: suite.secrets.DEMO_PASSWORD,
      role: 'teller',
      koperasiId,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, username };
  };
  const refusedWithin = async (tokens: Tokens, limitMs: number): Promise<number> => {
    const startedAt = Date.now();
    while (Date.now() - startedAt < limitMs && (await readKoperasi(tokens)) !== 401)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return Date.now() - startedAt;
  };

  beforeAll(async () => {
    await suite.startAll(['members', 'gateway']);
    admin = await new ApiClient(suite.gatewayUrl).login('admin', suite.secrets.DEMO_PASSWORD);
    const koperasi = await admin.post('/koperasi', {
      code: 'GDW',
      name: 'KKMP Gedawang',
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(koperasi.status).toBe(201);
    koperasiId = koperasi.body.id;
  }, 180_000);
  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  it('an access token lives 15 minutes', async () => {
    const teller = await newTeller();
    const tokens = await login(teller.username);
    const claims = JSON.parse(
      Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString(),
    ) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(900);
    expect(await readKoperasi(tokens)).toBe(200);
  });

  it('a refresh token works once; used again it revokes the whole session, the newest tokens too', async () => {
    const teller = await newTeller();
    const first = await login(teller.username);
    const second = await call('POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(await readKoperasi(second.body)).toBe(200);
    const third = await call('POST', '/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    const replayed = await call('POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('REFRESH_TOKEN_REUSED');
    expect(await readKoperasi(third.body)).toBe(401);
    expect(
      (await call('POST', '/auth/refresh', { refreshToken: third.body.refreshToken })).status,
    ).toBe(401);
  });

  it('logout revokes the session: its access token and refresh token are refused', async () => {
    const teller = await newTeller();
    const tokens = await login(teller.username);
    expect((await call('POST', '/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(
      204,
    );
    expect(await readKoperasi(tokens)).toBe(401);
    expect(
      (await call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);
  });

  it('the token of a disabled user is refused within seconds, and it cannot sign in', async () => {
    const teller = await newTeller();
    const tokens = await login(teller.username);
    expect(await readKoperasi(tokens)).toBe(200);
    expect((await admin.post(`/users/${teller.id}/disable`, undefined, null)).status).toBe(200);
    expect(await refusedWithin(tokens, WITHIN_SECONDS_MS)).toBeLessThan(WITHIN_SECONDS_MS);
    expect(
      (await call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);
    expect(
      (
        await call('POST', '/auth/login', {
          username: teller.username,
          password: suite.secrets.DEMO_PASSWORD,
        })
      ).status,
    ).toBe(403);
  });

  it('a changed password ends the sessions signed in with the old one', async () => {
    const teller = await newTeller();
    const counterOne = await login(teller.username);
    const counterTwo = await login(teller.username);
    const changed = await call(
      'POST',
      '/auth/password',
      { currentPassword: suite.secrets.DEMO_PASSWORD, newPassword: 'ganti-sandi-2026' },
      counterTwo.accessToken,
    );
    expect(changed.status).toBe(200);
    for (const old of [counterOne, counterTwo]) {
      expect(await refusedWithin(old, WITHIN_SECONDS_MS)).toBeLessThan(WITHIN_SECONDS_MS);
      expect((await call('POST', '/auth/refresh', { refreshToken: old.refreshToken })).status).toBe(
        401,
      );
    }
    expect(await readKoperasi(changed.body)).toBe(200);
  });
});
