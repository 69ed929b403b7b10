import { randomUUID } from 'node:crypto';
import { waitFor } from '@koperasi/testing';
import { CounterClient } from '../chaos/counter-client.js';
import { ApiClient } from '../support/api-client.js';
import { OwnPostgresCluster } from '../support/own-postgres-cluster.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

const DEPOSITS_IN_FLIGHT = 24;
const RETRY_POLICY = {
  maxAttempts: 30,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  attemptTimeoutMs: 20_000,
};

/**
 * PostgreSQL stopped and restarted under the suite, on a cluster of the test's own (the machine's server is
 * shared): the gateway answers 503 while it is gone, never 500, and a deposit asked again with its key is
 * booked once.
 */
describe('PostgreSQL stopped or restarted while tellers deposit', () => {
  const cluster = new OwnPostgresCluster(randomUUID().slice(0, 8));
  const sharedDatabaseUrl = process.env.DATABASE_URL;
  let suite: SuiteHarness;
  let teller: ApiClient;

  beforeAll(async () => {
    await cluster.create();
    process.env.DATABASE_URL = cluster.url;
    suite = new SuiteHarness();
    await suite.startAll(['members', 'gateway']);
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasi = await admin.post('/koperasi', {
      code: 'PGR',
      name: 'KKMP Restart',
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(koperasi.status).toBe(201);
    const user = await admin.post('/users', {
      username: 'teller.restart',
      fullName: 'Dewi Lestari',
      password: DEMO_PASSWORD,
      role: 'teller',
      koperasiId: koperasi.body.id,
    });
    expect(user.status).toBe(201);
    teller = await new ApiClient(suite.gatewayUrl).login('teller.restart', DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await suite?.stopAll().catch(() => undefined);
    await cluster.destroy();
    process.env.DATABASE_URL = sharedDatabaseUrl;
  }, 120_000);

  async function activeMember(serial: number): Promise<string> {
    const registered = await teller.post('/members', {
      nik: `33741115088${serial}${String(serial).padStart(4, '0')}`,
      fullName: 'Sri Wahyuni',
      address: 'Jl. Gedawang Raya 12',
      kelurahan: 'Gedawang',
    });
    expect(registered.status).toBe(201);
    const pokok = await teller.post(`/members/${registered.body.id}/simpanan-pokok`, {
      amount: 25_000,
    });
    expect(pokok.status).toBeLessThan(300);
    return registered.body.id;
  }

  async function sukarelaOf(memberId: string): Promise<number> {
    const member = await teller.get(`/members/${memberId}`);
    expect(member.status).toBe(200);
    return member.body.savings.sukarela;
  }

  it('given PostgreSQL stopped, when a teller deposits, then 503 DATABASE_UNAVAILABLE (not 500), and the same key once it is back deposits once', async () => {
    const memberId = await activeMember(1);
    const path = `/members/${memberId}/simpanan-sukarela/deposits`;
    const key = randomUUID();
    await cluster.stop();
    let refusedUntilBack;
    try {
      refusedUntilBack = await teller.post(path, { amount: 50_000 }, key);
    } finally {
      await cluster.start();
    }
    expect(refusedUntilBack.status).toBe(503);
    expect(refusedUntilBack.body.error).toBe('DATABASE_UNAVAILABLE');
    let answer = refusedUntilBack;
    await waitFor('the deposit answered once PostgreSQL is back', async () => {
      answer = await teller.post(path, { amount: 50_000 }, key);
      expect(answer.status).not.toBe(500);
      return answer.status < 500;
    });
    expect(answer.status).toBeLessThan(300);
    const repeat = await teller.post(path, { amount: 50_000 }, key);
    expect(repeat.body).toEqual(answer.body);
    expect(await sukarelaOf(memberId)).toBe(50_000);
  }, 120_000);

  it('given deposits in flight, when PostgreSQL restarts (fast shutdown, then start), then none is answered 500 and each told succeeded is booked once', async () => {
    const memberId = await activeMember(2);
    const counter = new CounterClient(teller, 0, RETRY_POLICY);
    const deposits = Array.from({ length: DEPOSITS_IN_FLIGHT }, (_, i) =>
      counter.write('sukarela-deposit', `/members/${memberId}/simpanan-sukarela/deposits`, {
        amount: 1_000 * (i + 1),
      }),
    );
    await cluster.restart();
    const records = await Promise.all(deposits);

    expect(counter.serverErrorExamples).toEqual([]);
    expect(records.filter((record) => record.answer !== 'succeeded')).toEqual([]);
    const told = records.reduce(
      (sum, record) => sum + (record.body as { amount: number }).amount,
      0,
    );
    expect(await sukarelaOf(memberId)).toBe(told);
  }, 180_000);
});
