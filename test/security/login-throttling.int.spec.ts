import { randomUUID } from 'node:crypto';
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
const MAX_PER_USER = 3;
const MAX_PER_ADDRESS = 10;
const LOCKOUT_MS = 1_000;

/** Login throttling and the sign-in log, in one gateway over a real database (sign-ins all come from 127.0.0.1). */
describe('login throttling and the sign-in log', () => {
  let gateway: GatewayTestApp;
  let server: Parameters<typeof request>[0];
  const tokens: Record<string, string> = {};
  const users: Record<string, AuthenticatedUser> = {
    admin: { id: randomUUID(), username: 'admin.t', role: 'admin', koperasiId: null },
    supervisorA: {
      id: randomUUID(),
      username: 'supervisor.a',
      role: 'supervisor',
      koperasiId: KOPERASI_A,
    },
    tellerA: { id: randomUUID(), username: 'teller.a', role: 'teller', koperasiId: KOPERASI_A },
    tellerB: { id: randomUUID(), username: 'teller.b', role: 'teller', koperasiId: KOPERASI_B },
  };
  const login = (username: string, password: string) =>
    request(server).post('/api/v1/auth/login').send({ username, password });
  const logins = (token: string, date?: string) =>
    request(server)
      .get('/api/v1/auth/logins')
      .query(date ? { date } : {})
      .set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    gateway = await startGatewayTestApp({
      login: {
        maxFailuresPerUser: MAX_PER_USER,
        maxFailuresPerAddress: MAX_PER_ADDRESS,
        lockoutMs: LOCKOUT_MS,
        lockoutMaxMs: 60_000,
        failureDelayMs: 0,
        failureWindowMs: 60_000,
      },
    });
    server = gateway.app.getHttpServer();
    const passwordHash = await hashPassword(PASSWORD);
    for (const [name, user] of Object.entries(users)) {
      await gateway.app.get(UsersRepository).insert({ ...user, passwordHash });
      tokens[name] = await gateway.tokenFor(user);
    }
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
  });
  // Each test starts with no failures counted; the sign-in log is kept.
  beforeEach(async () => {
    await gateway.database.pool.query('DELETE FROM login_throttles');
  });

  it('answers wrong passwords 401 until the lockout, then 429 with Retry-After for the right one too', async () => {
    for (let i = 1; i < MAX_PER_USER; i++)
      expect((await login('teller.a', 'wrong')).status).toBe(401);
    const locking = await login('teller.a', 'wrong');
    expect(locking.status).toBe(429);
    expect(locking.headers['retry-after']).toBe('1');
    const refused = await login('teller.a', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('LOGIN_LOCKED');
    expect(refused.body.message).toContain('ask your supervisor');
    // Another user at the same counter still signs in.
    expect((await login('supervisor.a', PASSWORD)).status).toBe(200);
  });

  it('makes each further lockout longer', async () => {
    for (let i = 0; i < MAX_PER_USER; i++) await login('teller.b', 'wrong');
    const first = await login('teller.b', PASSWORD);
    expect(first.status).toBe(429);
    await new Promise((resolve) =>
      setTimeout(resolve, Date.parse(first.body.details.lockedUntil) - Date.now() + 100),
    );
    for (let i = 0; i < MAX_PER_USER; i++) await login('teller.b', 'wrong');
    const second = await login('teller.b', PASSWORD);
    expect(second.status).toBe(429);
    expect(second.body.details.retryAfterSeconds).toBe(2 * (LOCKOUT_MS / 1000));
  });

  it("forgets a username's failures when it signs in", async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < MAX_PER_USER; i++)
        expect((await login('teller.a', 'wrong')).status).toBe(401);
      expect((await login('teller.a', PASSWORD)).status).toBe(200);
    }
  });

  it("lets a supervisor read its own koperasi's sign-ins only, and the admin every one, unknown usernames too", async () => {
    // No proxy is trusted by default: a client naming its own address in X-Forwarded-For is recorded as the peer.
    await request(server)
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '198.51.100.7')
      .send({ username: 'nobody.here', password: 'wrong' });
    const supervisor = await logins(tokens.supervisorA);
    expect(supervisor.status).toBe(200);
    const seenBySupervisor = new Set(
      supervisor.body.logins.map((entry: { username: string }) => entry.username),
    );
    expect(seenBySupervisor).toEqual(new Set(['teller.a', 'supervisor.a']));
    const outcomes = new Set(
      supervisor.body.logins.map((entry: { outcome: string }) => entry.outcome),
    );
    expect(outcomes).toEqual(new Set(['WRONG_PASSWORD', 'LOCKED', 'SUCCESS']));

    const admin = await logins(tokens.admin);
    expect(admin.body.logins[0]).toEqual({
      at: expect.any(String),
      username: 'nobody.here',
      address: '127.0.0.1',
      outcome: 'WRONG_PASSWORD',
      by: null,
    });
    expect(new Set(admin.body.logins.map((entry: { username: string }) => entry.username))).toEqual(
      new Set(['teller.a', 'supervisor.a', 'teller.b', 'nobody.here']),
    );
    expect(admin.body.truncated).toBe(false);

    expect((await logins(tokens.tellerA)).status).toBe(403);
    expect((await logins(tokens.supervisorA, '2026-02-30')).status).toBe(400);
    const otherDay = await logins(tokens.admin, '2020-01-01');
    expect(otherDay.body).toEqual({ date: '2020-01-01', logins: [], truncated: false });
  });

  it('locks an address out after too many wrong passwords from it, whatever the usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_PER_ADDRESS; i++)
      statuses.push((await login(`guess.${i}`, 'wrong')).status);
    expect(statuses).toEqual([...Array<number>(MAX_PER_ADDRESS - 1).fill(401), 429]);
    const refused = await login('supervisor.a', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toContain("this computer's network");
  });
});
