import { randomBytes, randomUUID } from 'node:crypto';
import type { KoperasiView, MemberView } from '@koperasi/contracts';
import request from 'supertest';
import type { AuthenticatedUser } from '../src/auth/authenticated-user.js';
import { startFakeService, type FakeService } from './fake-members-service.js';
import { startGatewayTestApp, type GatewayTestApp } from './gateway-test-app.js';

const KOPERASI_A = randomUUID();
const KOPERASI_B = randomUUID();
const MEMBER = randomUUID();

const koperasiA: KoperasiView = {
  id: KOPERASI_A,
  code: 'GDW',
  name: 'KKMP Gedawang',
  kelurahan: 'Gedawang',
  kecamatan: 'Banyumanik',
  kotaKabupaten: 'Kota Semarang',
  provinsi: 'Jawa Tengah',
  simpananPokokRp: 25000,
  simpananWajibMonthlyRp: 15000,
  createdAt: '2026-01-05T03:00:00.000Z',
};

const member: MemberView = {
  id: MEMBER,
  memberNo: 'GDW-000001',
  nik: '3374011501900001',
  fullName: 'Siti Rahayu',
  status: 'ACTIVE',
  joinedAt: '2026-01-06T03:00:00.000Z',
  savings: { pokokRp: 25000, wajibRp: 45000, sukarelaRp: 10000 },
  wajibArrears: { months: ['2026-04'], amountRp: 15000 },
};

const INTERNAL_TOKEN = randomBytes(32).toString('hex');

describe('gateway queries and users (members service faked over HTTP)', () => {
  let gateway: GatewayTestApp;
  let members: FakeService;
  let server: Parameters<typeof request>[0];
  const tokens: Record<string, string> = {};
  const users: Record<string, AuthenticatedUser> = {
    admin: { id: randomUUID(), username: 'admin', role: 'admin', koperasiId: null },
    tellerA: { id: randomUUID(), username: 'teller.a', role: 'teller', koperasiId: KOPERASI_A },
    tellerB: { id: randomUUID(), username: 'teller.b', role: 'teller', koperasiId: KOPERASI_B },
  };

  beforeAll(async () => {
    members = await startFakeService(INTERNAL_TOKEN, {
      [`/internal/koperasi/${KOPERASI_A}`]: koperasiA,
      '/internal/koperasi': [koperasiA],
      [`/internal/koperasi/${KOPERASI_A}/members/${MEMBER}`]: member,
    });
    gateway = await startGatewayTestApp({
      membersInternalUrl: members.url,
      internalApiToken: INTERNAL_TOKEN,
    });
    server = gateway.app.getHttpServer();
    for (const [name, user] of Object.entries(users)) tokens[name] = await gateway.tokenFor(user);
  });
  afterAll(async () => {
    await gateway.close();
    await members.close();
  });

  const get = (path: string, token: string) =>
    request(server).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`);

  it('renders a member with plain amount names', async () => {
    const response = await get(`/members/${MEMBER}`, tokens.tellerA);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: MEMBER,
      memberNo: 'GDW-000001',
      nik: '3374011501900001',
      fullName: 'Siti Rahayu',
      status: 'ACTIVE',
      joinedAt: '2026-01-06T03:00:00.000Z',
      savings: { pokok: 25000, wajib: 45000, sukarela: 10000 },
      wajibArrears: { months: ['2026-04'], amount: 15000 },
    });
    expect(members.requests.at(-1)).toEqual({
      path: `/internal/koperasi/${KOPERASI_A}/members/${MEMBER}`,
      token: INTERNAL_TOKEN,
    });
  });

  it("gives another koperasi's teller 404 for the member, asking only within their own koperasi", async () => {
    const response = await get(`/members/${MEMBER}`, tokens.tellerB);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    expect(members.requests.at(-1)?.path).toBe(
      `/internal/koperasi/${KOPERASI_B}/members/${MEMBER}`,
    );
  });

  it('shows staff their own koperasi and 404 for any other', async () => {
    expect((await get(`/koperasi/${KOPERASI_A}`, tokens.tellerA)).body).toMatchObject({
      code: 'GDW',
      simpananPokokAmount: 25000,
      simpananWajibMonthlyAmount: 15000,
    });
    expect((await get(`/koperasi/${KOPERASI_A}`, tokens.tellerB)).status).toBe(404);
    expect((await get('/koperasi', tokens.tellerA)).status).toBe(403);
    expect((await get('/koperasi', tokens.admin)).body).toHaveLength(1);
  });

  describe('POST /users', () => {
    const create = (token: string, body: object) =>
      request(server)
        .post('/api/v1/users')
        .set('authorization', `Bearer ${token}`)
        .set('idempotency-key', randomUUID())
        .send(body);

    it('lets the admin create staff who can then log in', async () => {
      const created = await create(tokens.admin, {
        username: 'auditor.gedawang',
        fullName: ' Dewi  Lestari ',
        password: 'a-long-password',
        role: 'auditor',
        koperasiId: KOPERASI_A,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: 'auditor.gedawang',
        fullName: 'Dewi Lestari',
        role: 'auditor',
        koperasiId: KOPERASI_A,
      });
      const login = await request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'auditor.gedawang', password: 'a-long-password' });
      expect(login.status).toBe(200);
      // The koperasi's name comes from the members service (faked here) beside the user as created.
      const { koperasiName, ...user } = login.body.user;
      expect(user).toEqual(created.body);
      expect(koperasiName === null || typeof koperasiName === 'string').toBe(true);
      expect(Date.parse(login.body.expiresAt)).toBeGreaterThan(Date.now());

      const again = await create(tokens.admin, {
        username: 'auditor.gedawang',
        fullName: 'Dewi Lestari',
        password: 'another-password',
        role: 'teller',
        koperasiId: KOPERASI_A,
      });
      expect(again.status).toBe(409);
    });

    it('refuses an unknown koperasi (404), a short password (400) and a non-admin (403)', async () => {
      const body = {
        username: 'teller.x',
        fullName: 'Teller X',
        password: 'a-long-password',
        role: 'teller',
        koperasiId: KOPERASI_B,
      };
      expect((await create(tokens.admin, body)).status).toBe(404);
      const short = await create(tokens.admin, {
        ...body,
        koperasiId: KOPERASI_A,
        password: 'short',
      });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual([
        { field: 'password', problems: ['password must be 10 to 200 characters'] },
      ]);
      expect((await create(tokens.tellerA, { ...body, koperasiId: KOPERASI_A })).status).toBe(403);
      const admin = await create(tokens.admin, { ...body, koperasiId: KOPERASI_A, role: 'admin' });
      expect(admin.status).toBe(400);
    });
  });
});
