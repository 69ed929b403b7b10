import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { hashPassword } from '../../apps/gateway/src/auth/password-hasher.js';
import { UsersRepository } from '../../apps/gateway/src/auth/users.repository.js';
import type { AuthenticatedUser } from '../../apps/gateway/src/auth/authenticated-user.js';
import {
  startGatewayTestApp,
  type GatewayTestApp,
} from '../../apps/gateway/test/gateway-test-app.js';

const KOPERASI_A = randomUUID();
const KOPERASI_B = randomUUID();
const PASSWORD = 'right-password-2026';
const CHECK_CACHE_MS = 1_000;
const MAX_PER_USER = 3;

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  expiresAt: string;
  sessionExpiresAt: string;
}

/**
 * Sessions in one gateway over a real database: refresh rotation, logout, disabled users and new passwords, the
 * supervisor's unlock and the client address behind a trusted proxy (this gateway trusts 127.0.0.1).
 */
describe('sessions: refresh, logout, revocation, unlock, trusted proxy', () => {
  let gateway: GatewayTestApp;
  let server: Parameters<typeof request>[0];
  const users: Record<string, AuthenticatedUser> = {
    admin: { id: randomUUID(), username: 'admin.s', role: 'admin', koperasiId: null },
    supervisorA: {
      id: randomUUID(),
      username: 'supervisor.a',
      role: 'supervisor',
      koperasiId: KOPERASI_A,
    },
    supervisorB: {
      id: randomUUID(),
      username: 'supervisor.b',
      role: 'supervisor',
      koperasiId: KOPERASI_B,
    },
    tellerA: { id: randomUUID(), username: 'teller.a', role: 'teller', koperasiId: KOPERASI_A },
    tellerA2: { id: randomUUID(), username: 'teller.a2', role: 'teller', koperasiId: KOPERASI_A },
    tellerA3: { id: randomUUID(), username: 'teller.a3', role: 'teller', koperasiId: KOPERASI_A },
  };

  const login = async (
    username: string,
    password = PASSWORD,
    forwardedFor?: string,
  ): Promise<request.Response> => {
    const call = request(server).post('/api/v1/auth/login');
    if (forwardedFor) call.set('x-forwarded-for', forwardedFor);
    return call.send({ username, password });
  };
  const signIn = async (username: string, password = PASSWORD): Promise<Tokens> => {
    const answer = await login(username, password);
    expect(answer.status).toBe(200);
    return answer.body as Tokens;
  };
  const refresh = (refreshToken: string) =>
    request(server).post('/api/v1/auth/refresh').send({ refreshToken });
  const logout = (refreshToken: string) =>
    request(server).post('/api/v1/auth/logout').send({ refreshToken });
  /** A read every staff role may do (the sign-in log for supervisors, a 403 for tellers is still "accepted"). */
  const whoAmI = (accessToken: string) =>
    request(server).get('/api/v1/auth/logins').set('authorization', `Bearer ${accessToken}`);
  const post = (accessToken: string, path: string, body?: unknown) =>
    request(server)
      .post(`/api/v1${path}`)
      .set('authorization', `Bearer ${accessToken}`)
      .send(body as object);

  beforeAll(async () => {
    gateway = await startGatewayTestApp({
      sessionCheckCacheMs: CHECK_CACHE_MS,
      trustedProxies: ['127.0.0.1/32', '::1'],
      login: {
        maxFailuresPerUser: MAX_PER_USER,
        maxFailuresPerAddress: 100,
        lockoutMs: 60_000,
        lockoutMaxMs: 60_000,
        failureDelayMs: 0,
        failureWindowMs: 60_000,
      },
    });
    server = gateway.app.getHttpServer();
    const passwordHash = await hashPassword(PASSWORD);
    for (const user of Object.values(users))
      await gateway.app.get(UsersRepository).insert({ ...user, passwordHash });
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
  });

  it('issues access tokens that live 15 minutes, with a refresh token', async () => {
    const tokens = await signIn('teller.a');
    const claims = JSON.parse(
      Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString(),
    ) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(tokens.expiresIn).toBe(900);
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(tokens.sessionExpiresAt) - Date.now()).toBeGreaterThan(11 * 3600 * 1000);
    // Stored hashed: the token itself is nowhere in the database.
    const { rows } = await gateway.database.pool.query(
      `SELECT encode(token_hash, 'hex') AS hash FROM refresh_tokens`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(Buffer.from(tokens.refreshToken).toString('hex'));
  });

  it('rotates the refresh token on every use; the used one is refused, and using it again revokes the whole session', async () => {
    const first = await signIn('supervisor.a');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await whoAmI(second.body.accessToken)).status).toBe(200);

    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.error).toBe('REFRESH_TOKEN_REUSED');
    // The thief's copy revoked the session: the latest tokens of the rightful holder stop too.
    expect((await refresh(second.body.refreshToken)).body.error).toBe('SESSION_ENDED');
    expect((await whoAmI(second.body.accessToken)).status).toBe(401);
    // Another session of the same user is untouched.
    expect((await whoAmI((await signIn('supervisor.a')).accessToken)).status).toBe(200);
  });

  it('refuses a token signed with the real secret for a session that does not exist, or of a user who does not', async () => {
    const sign = (claims: object) =>
      new JwtService().signAsync(claims, {
        secret: gateway.config.jwtSecret,
        algorithm: 'HS256',
        expiresIn: 60,
      });
    const { admin } = users;
    const noSession = await sign({
      sub: admin.id,
      username: admin.username,
      role: 'admin',
      koperasiId: null,
      kotaKabupaten: null,
      sid: randomUUID(),
    });
    expect((await whoAmI(noSession)).status).toBe(401);
    const sessionOfAnother = JSON.parse(
      Buffer.from((await signIn('teller.a')).accessToken.split('.')[1], 'base64url').toString(),
    ) as { sid: string };
    const borrowed = await sign({
      sub: admin.id,
      username: admin.username,
      role: 'admin',
      koperasiId: null,
      kotaKabupaten: null,
      sid: sessionOfAnother.sid,
    });
    expect((await whoAmI(borrowed)).status).toBe(401);
    const noSid = await sign({
      sub: admin.id,
      username: admin.username,
      role: 'admin',
      koperasiId: null,
      kotaKabupaten: null,
    });
    expect((await whoAmI(noSid)).status).toBe(401);
  });

  it("refuses a refresh token that is not one (400) or no one's (401)", async () => {
    expect((await refresh('short')).status).toBe(400);
    const unknown = await refresh('A'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('SESSION_ENDED');
  });

  it('logout revokes: the access token and the refresh token stop working at once', async () => {
    const tokens = await signIn('supervisor.a');
    expect((await whoAmI(tokens.accessToken)).status).toBe(200);
    expect((await logout(tokens.refreshToken)).status).toBe(204);
    expect((await whoAmI(tokens.accessToken)).status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    expect((await logout(tokens.refreshToken)).status).toBe(204);
  });

  it('a user disabled by another gateway (straight in the database) is refused within the check cache time', async () => {
    const tokens = await signIn('teller.a3');
    expect((await whoAmI(tokens.accessToken)).status).toBe(403);
    await gateway.database.pool.query(
      `UPDATE users SET active = false, session_generation = session_generation + 1 WHERE username = 'teller.a3'`,
    );
    const disabledAt = Date.now();
    let status = 403;
    while (status !== 401 && Date.now() - disabledAt < 5 * CHECK_CACHE_MS) {
      status = (await whoAmI(tokens.accessToken)).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - disabledAt).toBeLessThanOrEqual(CHECK_CACHE_MS + 1_000);
    await gateway.database.pool.query(
      `UPDATE users SET active = true WHERE username = 'teller.a3'`,
    );
  });

  it('a supervisor disables its teller: sessions end at once, sign-in refused; enabled again, it signs in anew', async () => {
    const supervisor = await signIn('supervisor.a');
    const teller = await signIn('teller.a2');
    const disabled = await post(supervisor.accessToken, `/users/${users.tellerA2.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ id: users.tellerA2.id, username: 'teller.a2', active: false });
    expect((await whoAmI(teller.accessToken)).status).toBe(401);
    expect((await refresh(teller.refreshToken)).status).toBe(401);
    const refused = await login('teller.a2');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('USER_DISABLED');
    // Not another koperasi's supervisor, not a teller, not oneself.
    const other = await signIn('supervisor.b');
    expect((await post(other.accessToken, `/users/${users.tellerA2.id}/enable`)).status).toBe(404);
    expect(
      (await post(supervisor.accessToken, `/users/${users.supervisorA.id}/disable`)).status,
    ).toBe(403);
    expect((await post(supervisor.accessToken, `/users/not-a-uuid/disable`)).status).toBe(404);

    expect(
      (await post(supervisor.accessToken, `/users/${users.tellerA2.id}/enable`)).body.active,
    ).toBe(true);
    expect((await whoAmI(teller.accessToken)).status).toBe(401);
    expect((await login('teller.a2')).status).toBe(200);
  });

  it('a changed password ends every older session; the caller carries on in a new one', async () => {
    const elsewhere = await signIn('supervisor.b');
    const here = await signIn('supervisor.b');
    const wrong = await post(here.accessToken, '/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'new-password-2026',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('WRONG_PASSWORD');
    const changed = await post(here.accessToken, '/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'new-password-2026',
    });
    expect(changed.status).toBe(200);
    for (const old of [elsewhere, here]) {
      expect((await whoAmI(old.accessToken)).status).toBe(401);
      expect((await refresh(old.refreshToken)).status).toBe(401);
    }
    expect((await whoAmI(changed.body.accessToken)).status).toBe(200);
    expect((await login('supervisor.b')).status).toBe(401);
    expect((await login('supervisor.b', 'new-password-2026')).status).toBe(200);
  });

  it("a supervisor lifts its teller's lockout, recorded with who did it; another koperasi's supervisor cannot", async () => {
    for (let i = 0; i < MAX_PER_USER; i++) await login('teller.a', 'wrong');
    expect((await login('teller.a')).status).toBe(429);
    const stranger = await signIn('supervisor.b', 'new-password-2026');
    expect(
      (await post(stranger.accessToken, '/auth/unlocks', { username: 'teller.a' })).status,
    ).toBe(404);
    const teller = await signIn('teller.a2');
    expect((await post(teller.accessToken, '/auth/unlocks', { username: 'teller.a' })).status).toBe(
      403,
    );

    const supervisor = await signIn('supervisor.a');
    const unlocked = await post(supervisor.accessToken, '/auth/unlocks', { username: 'teller.a' });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ username: 'teller.a', wasLocked: true });
    expect((await login('teller.a')).status).toBe(200);
    const log = await whoAmI(supervisor.accessToken);
    expect(log.body.logins).toContainEqual({
      at: expect.any(String),
      username: 'teller.a',
      address: '127.0.0.1',
      outcome: 'UNLOCKED',
      by: 'supervisor.a',
    });
  });

  it('records the address X-Forwarded-For names when the peer is a trusted proxy', async () => {
    await login('teller.a', 'wrong', '198.51.100.23');
    await login('teller.a', 'wrong', '6.6.6.6, 198.51.100.24');
    const admin = await signIn('admin.s');
    const addresses = (await whoAmI(admin.accessToken)).body.logins
      .filter((entry: { outcome: string }) => entry.outcome === 'WRONG_PASSWORD')
      .map((entry: { address: string }) => entry.address);
    expect(addresses.slice(0, 2)).toEqual(['198.51.100.24', '198.51.100.23']);
  });
});
