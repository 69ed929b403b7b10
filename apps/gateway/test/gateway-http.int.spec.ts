import { randomUUID } from 'node:crypto';
import { MemberCommands, type CommandEnvelope, type MemberMoneyPayload } from '@koperasi/contracts';
import request from 'supertest';
import { hashPassword } from '../src/auth/password-hasher.js';
import { UsersRepository } from '../src/auth/users.repository.js';
import type { AuthenticatedUser } from '../src/auth/authenticated-user.js';
import { startGatewayTestApp, type GatewayTestApp } from './gateway-test-app.js';

const KOPERASI_A = randomUUID();
const MEMBER = randomUUID();

describe('gateway over HTTP (commands stubbed)', () => {
  let gateway: GatewayTestApp;
  let server: Parameters<typeof request>[0];
  const tokens: Record<string, string> = {};

  const users: Record<string, AuthenticatedUser> = {
    admin: { id: randomUUID(), username: 'admin', role: 'admin', koperasiId: null },
    teller: { id: randomUUID(), username: 'teller.a', role: 'teller', koperasiId: KOPERASI_A },
    supervisor: {
      id: randomUUID(),
      username: 'supervisor.a',
      role: 'supervisor',
      koperasiId: KOPERASI_A,
    },
    auditor: { id: randomUUID(), username: 'auditor.a', role: 'auditor', koperasiId: KOPERASI_A },
  };

  beforeAll(async () => {
    gateway = await startGatewayTestApp({ commandTimeoutMs: 1500 });
    server = gateway.app.getHttpServer();
    await gateway.app
      .get(UsersRepository)
      .insert({ ...users.teller, passwordHash: await hashPassword('right-password-1') });
    for (const [name, user] of Object.entries(users)) tokens[name] = await gateway.tokenFor(user);
    gateway.sender.reply = ({ envelope }) => {
      const payload = envelope.payload as MemberMoneyPayload;
      return {
        ok: true,
        result: {
          memberId: payload.memberId,
          eventId: envelope.commandId,
          amountRp: payload.amountRp,
          savings: { pokokRp: 25000, wajibRp: 0, sukarelaRp: payload.amountRp },
        },
      };
    };
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.sender.sent.length = 0;
  });

  const deposit = (token: string, body: unknown, key: string | null = randomUUID()) => {
    const call = request(server)
      .post(`/api/v1/members/${MEMBER}/simpanan-sukarela/deposits`)
      .set('authorization', `Bearer ${token}`)
      .send(body as object);
    return key === null ? call : call.set('idempotency-key', key);
  };

  describe('login', () => {
    it('gives a token that opens the API', async () => {
      const login = await request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'teller.a', password: 'right-password-1' });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({
        expiresIn: 900,
        refreshToken: expect.any(String),
        user: { username: 'teller.a', role: 'teller', koperasiId: KOPERASI_A },
      });
      const response = await deposit(login.body.accessToken, { amount: 1000 });
      expect(response.status).toBe(200);
    });

    it('answers 401 alike for a wrong password and an unknown user', async () => {
      const wrong = await request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'teller.a', password: 'wrong-password' });
      const unknown = await request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'nobody', password: 'wrong-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body).toMatchObject({ statusCode: 401, error: 'INVALID_CREDENTIALS' });
    });
  });

  describe('roles and tokens', () => {
    it('refuses a request without a token, or with a forged one, with 401', async () => {
      const missing = await request(server).get(`/api/v1/members/${MEMBER}`);
      expect(missing.status).toBe(401);
      expect(missing.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
      const forged = await request(server)
        .get(`/api/v1/members/${MEMBER}`)
        .set('authorization', `Bearer ${tokens.teller}x`);
      expect(forged.status).toBe(401);
    });

    it('refuses every write by an auditor with 403 and sends nothing', async () => {
      const response = await deposit(tokens.auditor, { amount: 1000 });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
      const register = await request(server)
        .post('/api/v1/members')
        .set('authorization', `Bearer ${tokens.auditor}`)
        .set('idempotency-key', randomUUID())
        .send({});
      expect(register.status).toBe(403);
      expect(gateway.sender.sent).toHaveLength(0);
    });

    it('answers a bodiless POST sent as application/json at its route, not with a body error', async () => {
      const response = await request(server)
        .post('/api/v1/members')
        .set('authorization', `Bearer ${tokens.auditor}`)
        .set('content-type', 'application/json');
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    });

    it('refuses member endpoints to the platform admin with 403', async () => {
      expect((await deposit(tokens.admin, { amount: 1000 })).status).toBe(403);
      const read = await request(server)
        .get(`/api/v1/members/${MEMBER}`)
        .set('authorization', `Bearer ${tokens.admin}`);
      expect(read.status).toBe(403);
    });

    it('keeps koperasi registration to the admin, and resignation to supervisors', async () => {
      const koperasi = await request(server)
        .post('/api/v1/koperasi')
        .set('authorization', `Bearer ${tokens.teller}`)
        .set('idempotency-key', randomUUID())
        .send({});
      expect(koperasi.status).toBe(403);
      const resign = await request(server)
        .post(`/api/v1/members/${MEMBER}/resignation`)
        .set('authorization', `Bearer ${tokens.teller}`)
        .set('idempotency-key', randomUUID());
      expect(resign.status).toBe(403);
    });

    it('sends the koperasi and actor from the token, whatever the body says', async () => {
      const response = await deposit(tokens.supervisor, { amount: 1000, koperasiId: randomUUID() });
      expect(response.status).toBe(400);
      await deposit(tokens.supervisor, { amount: 1000 });
      const [sent] = gateway.sender.sent;
      expect(sent.topic).toBe(MemberCommands.depositSukarela);
      expect(sent.key).toBe(MEMBER);
      expect(sent.envelope).toMatchObject({
        koperasiId: KOPERASI_A,
        actor: { userId: users.supervisor.id, role: 'supervisor' },
        payload: { memberId: MEMBER, amountRp: 1000 },
      } satisfies Partial<CommandEnvelope<unknown>>);
    });
  });

  describe('validation errors name the field', () => {
    it('refuses an unknown field', async () => {
      const response = await deposit(tokens.teller, { amount: 1000, note: 'hi' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: expect.stringContaining('note'),
        details: [{ field: 'note', problems: ['property note should not exist'] }],
      });
    });

    it.each([[1000.5], [-1000], [0], ['1000']])('refuses the amount %p', async (amount) => {
      const response = await deposit(tokens.teller, { amount });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'amount', problems: expect.any(Array) }]);
      expect(gateway.sender.sent).toHaveLength(0);
    });

    it('explains a 15-digit NIK', async () => {
      const response = await request(server)
        .post('/api/v1/members')
        .set('authorization', `Bearer ${tokens.teller}`)
        .set('idempotency-key', randomUUID())
        .send({
          nik: '337401150190000',
          fullName: 'Siti Rahayu',
          address: 'Jl. Gedawang 12',
          kelurahan: 'Gedawang',
        });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'nik', problems: [expect.stringContaining('15 digits')] },
      ]);
    });

    it('names the bad month in a wajib payment', async () => {
      const response = await request(server)
        .post(`/api/v1/members/${MEMBER}/simpanan-wajib`)
        .set('authorization', `Bearer ${tokens.teller}`)
        .set('idempotency-key', randomUUID())
        .send({ periods: ['2026-01', '2026-13'], amount: 30000 });
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('periods');
    });
  });

  describe('idempotency', () => {
    it('requires an Idempotency-Key on money posts (400)', async () => {
      const response = await deposit(tokens.teller, { amount: 1000 }, null);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'IDEMPOTENCY_KEY_MISSING' });
      expect(gateway.sender.sent).toHaveLength(0);
    });

    it('sends the same key and body 10 times at once as one command, and answers all 10 identically', async () => {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => deposit(tokens.teller, { amount: 7000 }, key)),
      );
      expect(gateway.sender.sent).toHaveLength(1);
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(response.body).toEqual(responses[0].body);
      }
      expect(responses[0].body).toMatchObject({
        memberId: MEMBER,
        amount: 7000,
        savings: { pokok: 25000, wajib: 0, sukarela: 7000 },
      });
    });

    it('refuses the same key with a different body with 422', async () => {
      const key = randomUUID();
      expect((await deposit(tokens.teller, { amount: 1000 }, key)).status).toBe(200);
      const reused = await deposit(tokens.teller, { amount: 2000 }, key);
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ statusCode: 422, error: 'IDEMPOTENCY_KEY_REUSED' });
      expect(gateway.sender.sent).toHaveLength(1);
    });

    it("renders a service's refusal with its status and code, and repeats it without asking again", async () => {
      const previous = gateway.sender.reply;
      gateway.sender.reply = () => ({
        ok: false,
        error: {
          status: 422,
          code: 'INSUFFICIENT_SUKARELA',
          message: 'Sukarela holds Rp 0',
          details: { balanceRp: 0 },
        },
      });
      try {
        const key = randomUUID();
        const call = () =>
          request(server)
            .post(`/api/v1/members/${MEMBER}/simpanan-sukarela/withdrawals`)
            .set('authorization', `Bearer ${tokens.teller}`)
            .set('idempotency-key', key)
            .send({ amount: 5000 });
        const first = await call();
        const second = await call();
        expect(first.status).toBe(422);
        expect(first.body).toEqual({
          statusCode: 422,
          error: 'INSUFFICIENT_SUKARELA',
          message: 'Sukarela holds Rp 0',
          details: { balanceRp: 0 },
        });
        expect(second.body).toEqual(first.body);
        expect(gateway.sender.sent).toHaveLength(1);
      } finally {
        gateway.sender.reply = previous;
      }
    });

    it('answers 503 OUTCOME_UNKNOWN when no reply comes, and the retry goes through', async () => {
      const previous = gateway.sender.reply;
      gateway.sender.reply = async ({ topic }) => {
        const { CommandOutcomeUnknownError } = await import('../src/commands/command-sender.js');
        throw new CommandOutcomeUnknownError(topic, new Error('Timeout has occurred'));
      };
      const key = randomUUID();
      const failed = await deposit(tokens.teller, { amount: 3000 }, key);
      gateway.sender.reply = previous;
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ statusCode: 503, error: 'OUTCOME_UNKNOWN' });
      const retried = await deposit(tokens.teller, { amount: 3000 }, key);
      expect(retried.status).toBe(200);
      const [first, second] = gateway.sender.sent;
      expect(second.envelope.commandId).toBe(first.envelope.commandId);
    });
  });

  it('keeps the probes outside /api/v1 and without tokens', async () => {
    expect((await request(server).get('/health/live')).status).toBe(200);
    expect((await request(server).get('/health/ready')).status).toBe(200);
    expect((await request(server).get('/api/v1/health/live')).status).toBe(404);
  });

  it('renders an unknown route as the same error JSON', async () => {
    const response = await request(server)
      .get('/api/v1/nothing-here')
      .set('authorization', `Bearer ${tokens.teller}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', details: null });
  });
});
