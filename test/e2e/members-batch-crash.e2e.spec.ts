import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { verifyHashChain } from '@koperasi/eventstore';
import { createKafka } from '@koperasi/messaging';
import { testKafkaBrokers, waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

const COUNTERS = 20;
const DEPOSITS_PER_COUNTER = 15;
/** How long a counter keeps retrying one deposit whose outcome it does not know. */
const RETRY_FOR_MS = 90_000;

/** Counter n's k-th deposit: different everywhere, so a lost or doubled one shows in the sums. */
function amountOf(counter: number, deposit: number): number {
  return 1_000 * (counter + 1) + deposit + 1;
}

describe('members killed in the middle of batches: nothing lost, nothing doubled', () => {
  // Short so a deposit caught by the kill learns "outcome unknown" soon and is retried with its key.
  const suite = new SuiteHarness({ environment: { COMMAND_TIMEOUT_MS: '3000' } });
  let teller: ApiClient;
  const memberIds: string[] = [];
  /** Deposits sent again with their key after no answer: the kill caught them in flight. */
  let unknownOutcomes = 0;

  beforeAll(async () => {
    await suite.startAll(['members', 'ledger', 'gateway']);
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasi = await admin.post('/koperasi', {
      code: 'CRS',
      name: 'KKMP Crash',
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(koperasi.status).toBe(201);
    const user = {
      username: 'teller.crash',
      fullName: 'Petugas Crash',
      password: DEMO_PASSWORD,
      role: 'teller',
      koperasiId: koperasi.body.id,
    };
    expect((await admin.post('/users', user)).status).toBe(201);
    teller = await new ApiClient(suite.gatewayUrl).login(user.username, user.password);
    for (let counter = 0; counter < COUNTERS; counter++) {
      const nik = `337401150890${String(counter + 1).padStart(4, '0')}`;
      const registered = await teller.post('/members', {
        nik,
        fullName: `Anggota Loket ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[counter]}`,
        address: 'Jl. Crash',
        kelurahan: 'Gedawang',
      });
      expect(registered.status).toBe(201);
      expect(
        (await teller.post(`/members/${registered.body.id}/simpanan-pokok`, { amount: 25_000 }))
          .status,
      ).toBeLessThan(300);
      memberIds.push(registered.body.id);
    }
  }, 240_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  /** Until it is answered: a 503 or a dropped connection means "outcome unknown", so the same key goes again. */
  async function depositUntilAnswered(memberId: string, amount: number): Promise<number> {
    const key = randomUUID();
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      const response = await teller
        .post(`/members/${memberId}/simpanan-sukarela/deposits`, { amount }, key)
        .catch(() => null);
      if (response && response.status !== 503 && response.status !== 409) return response.status;
      unknownOutcomes += 1;
      if (Date.now() > deadline)
        throw new Error(`deposit ${key} still unanswered: ${response?.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Every deposit command taken is committed in the members group: a restart starts after them instead of
   * at the end of the topic (which would skip commands sent while members was down) or at its beginning.
   */
  async function expectCommandOffsetsCommitted(): Promise<void> {
    const admin = createKafka('e2e-crash-offsets', testKafkaBrokers()).admin();
    await admin.connect();
    try {
      const topic = `${suite.kafkaNamespace}.members.commands`;
      const ends = await admin.fetchTopicOffsets(topic);
      await waitFor(
        'members to commit every deposit command it answered',
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: `${suite.kafkaNamespace}.members-commands`,
            topics: [topic],
          });
          return ends.every(
            ({ partition, high }) =>
              committed.partitions.find((p) => p.partition === partition)?.offset === high,
          );
        },
        20_000,
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('given deposits from 20 counters, when members is SIGKILLed and restarted, then every deposit counts once in the events, the read model and the books', async () => {
    let answered = 0;
    const statuses: number[] = [];
    const counters = memberIds.map(async (memberId, counter) => {
      for (let deposit = 0; deposit < DEPOSITS_PER_COUNTER; deposit++) {
        statuses.push(await depositUntilAnswered(memberId, amountOf(counter, deposit)));
        answered += 1;
      }
    });
    await waitFor(
      'a third of the deposits',
      async () => answered >= (COUNTERS * DEPOSITS_PER_COUNTER) / 3,
      120_000,
    );
    suite.kill('members');
    await suite.start('members');
    await Promise.all(counters);
    expect(statuses.filter((status) => status >= 300)).toEqual([]);
    expect(unknownOutcomes).toBeGreaterThan(0);

    const expectedRp = (counter: number) =>
      Array.from({ length: DEPOSITS_PER_COUNTER }, (_, deposit) =>
        amountOf(counter, deposit),
      ).reduce((a, b) => a + b, 0);
    for (const [counter, memberId] of memberIds.entries()) {
      const member = await teller.get(`/members/${memberId}`);
      expect(member.body.savings.sukarela).toBe(expectedRp(counter));
    }

    const members = new pg.Pool({ connectionString: suite.databaseUrl('members'), max: 1 });
    const ledger = new pg.Pool({ connectionString: suite.databaseUrl('ledger'), max: 1 });
    try {
      const { rows } = await members.query<{
        deposits: number;
        distinct_amounts: number;
        movements: number;
      }>(
        `SELECT (SELECT count(*)::int FROM events WHERE type = 'SimpananSukarelaDeposited') AS deposits,
                (SELECT count(DISTINCT (data->>'amountRp'))::int FROM events WHERE type = 'SimpananSukarelaDeposited') AS distinct_amounts,
                (SELECT count(*)::int FROM savings_movements WHERE kind = 'sukarela-deposit') AS movements`,
      );
      expect(rows[0]).toEqual({
        deposits: COUNTERS * DEPOSITS_PER_COUNTER,
        distinct_amounts: COUNTERS * DEPOSITS_PER_COUNTER,
        movements: COUNTERS * DEPOSITS_PER_COUNTER,
      });
      expect(await verifyHashChain(members)).toMatchObject({ ok: true });

      const postedEvents = COUNTERS * DEPOSITS_PER_COUNTER + COUNTERS;
      await waitFor(
        'the ledger to post every pokok and deposit',
        async () =>
          (await ledger.query(`SELECT count(*)::int AS entries FROM journal_entries`)).rows[0]
            .entries >= postedEvents,
        90_000,
      );
      await expectCommandOffsetsCommitted();
      const books = await ledger.query(
        `SELECT count(*)::int AS entries, count(DISTINCT source_event_id)::int AS sources FROM journal_entries`,
      );
      expect(books.rows[0]).toEqual({ entries: postedEvents, sources: postedEvents });
    } finally {
      await members.end();
      await ledger.end();
    }
  }, 300_000);
});
