import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IdempotentBatchConsumer } from '@koperasi/messaging';
import { waitFor } from '@koperasi/testing';
import { startingChartOfAccounts } from '../src/domain/chart-of-accounts.js';
import { projectEvents } from '../src/posting/project-events.js';
import { MemberStream } from './member-event-fixtures.js';
import { LedgerTestApp } from './ledger-test-app.js';

describe('ledger: members events into balanced books', () => {
  const ledger = new LedgerTestApp();
  const get = (path: string) => ledger.get(path);
  const publish = (events: Parameters<LedgerTestApp['publish']>[1]) =>
    ledger.publish('members', events);
  const entryCount = (koperasiId: string) => ledger.entryCount(koperasiId);

  beforeAll(() => ledger.start());
  afterAll(() => ledger.close());

  const kop = `kop-${randomUUID().slice(0, 8)}`;
  const siti = new MemberStream(kop);
  const budi = new MemberStream(kop);
  const paid = [
    siti.registered(),
    siti.pokokPaid(25_000, 'teller-a'),
    siti.wajibPaid(['2025-05', '2025-06', '2025-07'], 45_000, 'teller-a'),
    siti.sukarelaDeposited(100_000, 'teller-b'),
    siti.sukarelaWithdrawn(30_000, 'teller-b'),
    budi.registered(),
    budi.pokokPaid(25_000, 'teller-b'),
  ];

  it('given savings paid at two counters, then the trial balance balances and every account is what was paid', async () => {
    await publish(paid);
    await waitFor('five entries', async () => (await entryCount(kop)) === 5);

    const trialBalance = await get(`/internal/koperasi/${kop}/trial-balance`).expect(200);
    expect(trialBalance.body).toEqual({
      asOf: expect.any(String),
      lines: [
        { code: '111000', name: 'Kas', debit: 165_000, credit: 0 },
        { code: '211000', name: 'Simpanan sukarela', debit: 0, credit: 70_000 },
        { code: '310000', name: 'Simpanan pokok', debit: 0, credit: 50_000 },
        { code: '320000', name: 'Simpanan wajib', debit: 0, credit: 45_000 },
      ],
      totalDebit: 165_000,
      totalCredit: 165_000,
    });

    // The same figures summed from the journal, at a cut-off after everything and before anything.
    const asOfNow = await get(`/internal/koperasi/${kop}/trial-balance`)
      .query({ asOf: new Date().toISOString() })
      .expect(200);
    expect(asOfNow.body.lines).toEqual(trialBalance.body.lines);
    const asOfBefore = await get(`/internal/koperasi/${kop}/trial-balance?asOf=2020-01-01`).expect(
      200,
    );
    expect(asOfBefore.body).toMatchObject({ lines: [], totalDebit: 0, totalCredit: 0 });

    const accounts = await get(`/internal/koperasi/${kop}/accounts`).expect(200);
    expect(accounts.body.map((account: { code: string }) => account.code)).toEqual(
      startingChartOfAccounts.map((account) => account.code),
    );
    const balanceOf = (code: string) =>
      accounts.body.find((account: { code: string }) => account.code === code).balanceRp;
    expect([
      balanceOf('111000'),
      balanceOf('211000'),
      balanceOf('310000'),
      balanceOf('320000'),
      balanceOf('410000'),
    ]).toEqual([165_000, 70_000, 50_000, 45_000, 0]);

    // The member sub-ledger adds up to the control accounts.
    expect(
      (await get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings`).expect(200)).body,
    ).toEqual({
      pokokRp: 25_000,
      wajibRp: 45_000,
      sukarelaRp: 70_000,
    });
    expect(
      (await get(`/internal/koperasi/${kop}/members/${budi.memberId}/savings`).expect(200)).body,
    ).toEqual({
      pokokRp: 25_000,
      wajibRp: 0,
      sukarelaRp: 0,
    });

    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    expect(
      (await get(`/internal/koperasi/${kop}/cash-by-teller?date=${today}`).expect(200)).body,
    ).toEqual([
      { tellerId: 'teller-a', debitRp: 70_000, creditRp: 0, netRp: 70_000 },
      { tellerId: 'teller-b', debitRp: 125_000, creditRp: 30_000, netRp: 95_000 },
    ]);

    const withdrawal = paid[4];
    const entries = await get(
      `/internal/koperasi/${kop}/entries?sourceEventId=${withdrawal.eventId}`,
    ).expect(200);
    expect(entries.body).toEqual([
      expect.objectContaining({
        sourceEventId: withdrawal.eventId,
        koperasiId: kop,
        description: 'Penarikan simpanan sukarela',
        lines: [
          {
            lineNo: 1,
            accountCode: '211000',
            debitRp: 30_000,
            creditRp: 0,
            tellerId: null,
            memberId: siti.memberId,
            feeSource: null,
            productCode: null,
          },
          {
            lineNo: 2,
            accountCode: '111000',
            debitRp: 0,
            creditRp: 30_000,
            tellerId: 'teller-b',
            memberId: null,
            feeSource: null,
            productCode: null,
          },
        ],
        trace: {
          service: 'members',
          eventType: 'SimpananSukarelaWithdrawn',
          streamId: siti.streamId,
          streamVersion: 5,
          actor: 'teller-test',
          correlationId: withdrawal.correlationId,
          causationId: null,
        },
      }),
    ]);
  });

  it('given the same events published again and the topic replayed from the start, then the books do not change', async () => {
    const before = await ledger.booksSnapshot();
    await publish(paid);
    await waitFor('the ledger to take the copies', () => ledger.caughtUp('members'));

    // A fresh group under a fresh consumer name gets past processed_messages; the journal's own unique
    // source event id must still keep every entry from posting twice.
    const replayGroup = `ledger-replay-${randomUUID().slice(0, 8)}`;
    const replay = new IdempotentBatchConsumer({
      kafka: ledger.kafka,
      pool: ledger.db.pool,
      groupId: replayGroup,
      consumerName: replayGroup,
      topics: [ledger.topics.members],
      deadLetterTopic: ledger.deadLetterTopic,
      handle: async (events, tx) => {
        await projectEvents('members', events, tx);
      },
      warn: (message) => process.stderr.write(`${message}\n`),
    });
    try {
      await replay.start();
      await waitFor('the replay to reach the end of the topic', () =>
        ledger.caughtUp('members', replayGroup),
      );
    } finally {
      await replay.stop();
    }

    expect(await ledger.booksSnapshot()).toEqual(before);
    // Taken and found already posted, not refused: the copies were not dead-lettered either.
    const { rows } = await ledger.db.pool.query(
      'SELECT outcome, count(*)::int AS events FROM processed_messages WHERE consumer = $1 GROUP BY outcome',
      [replayGroup],
    );
    expect(rows).toEqual([{ outcome: 'projected', events: paid.length }]);
  });

  it('given an event that cannot be posted between good ones, then it is dead-lettered, posts nothing, and the next one posts', async () => {
    const otherKop = `kop-${randomUUID().slice(0, 8)}`;
    const ani = new MemberStream(otherKop);
    const negativePokok = ani.pokokPaid(-25_000, 'teller-c');
    const stringPokok = ani.pokokPaid('25000', 'teller-c');
    // The payout does not add up to the cash paid out: booking it could not balance.
    const unbalancedResignation = ani.resigned(
      { pokokPayoutRp: 0, wajibPayoutRp: 0, sukarelaPayoutRp: 10_000, amountRp: 12_000 },
      'teller-c',
    );
    const deposit = ani.sukarelaDeposited(10_000, 'teller-c');
    await publish([ani.registered(), negativePokok, stringPokok, unbalancedResignation, deposit]);

    await waitFor('the deposit to post', async () => (await entryCount(otherKop)) === 1);
    const poisonIds = [negativePokok.eventId, stringPokok.eventId, unbalancedResignation.eventId];
    const lettersOf = () =>
      ledger.deadLetters.filter((letter) => poisonIds.includes(letter.eventId!));
    await waitFor('three dead letters', async () => lettersOf().length === 3);
    expect(lettersOf()).toEqual(
      expect.arrayContaining([
        { eventId: negativePokok.eventId, error: expect.stringContaining('amountRp -25000') },
        { eventId: stringPokok.eventId, error: expect.stringContaining('amountRp 25000') },
        {
          eventId: unbalancedResignation.eventId,
          error: expect.stringContaining('not the sum of the payouts'),
        },
      ]),
    );
    const entries = await get(`/internal/koperasi/${otherKop}/entries`).expect(200);
    expect(entries.body.map((entry: { sourceEventId: string }) => entry.sourceEventId)).toEqual([
      deposit.eventId,
    ]);
    expect(
      (await get(`/internal/koperasi/${otherKop}/trial-balance`).expect(200)).body,
    ).toMatchObject({
      totalDebit: 10_000,
      totalCredit: 10_000,
    });
    expect(
      (await get(`/internal/koperasi/${otherKop}/members/${ani.memberId}/savings`).expect(200))
        .body,
    ).toEqual({
      pokokRp: 0,
      wajibRp: 0,
      sukarelaRp: 10_000,
    });
  });

  it('answers internal queries only with the internal token, and 404 for a member the koperasi does not have', async () => {
    await request(ledger.app.getHttpServer()).get(`/internal/koperasi/${kop}/accounts`).expect(401);
    await request(ledger.app.getHttpServer())
      .get(`/internal/koperasi/${kop}/accounts`)
      .set('x-internal-token', 'wrong')
      .expect(401);
    await get(`/internal/koperasi/kop-elsewhere/members/${siti.memberId}/savings`).expect(404);
    await get(`/internal/koperasi/${kop}/trial-balance?asOf=yesterday`).expect(400);
    await get(`/internal/koperasi/${kop}/cash-by-teller?date=2025-02-30`).expect(400);
    await get(`/internal/koperasi/${kop}/entries?sourceEventId=not-a-uuid`).expect(400);
    const metrics = await request(ledger.app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/ledger_entries_posted_total{service="members"} \d+/);
    expect(metrics.text).toContain('ledger_post_lag_seconds_bucket');
  });

  it('given a withdrawal that arrives in a later batch than the deposit it draws on, then it posts', async () => {
    const koperasiId = `kop-${randomUUID().slice(0, 8)}`;
    const ani = new MemberStream(koperasiId);
    await publish([
      ani.registered(),
      ani.pokokPaid(25_000, 'teller-a'),
      ani.sukarelaDeposited(50_000, 'teller-a'),
    ]);
    await waitFor('the deposit to post', async () => (await entryCount(koperasiId)) === 2);

    await publish([ani.sukarelaWithdrawn(20_000, 'teller-a')]);

    await waitFor('the withdrawal to post', async () => (await entryCount(koperasiId)) === 3);
    const savings = await get(
      `/internal/koperasi/${koperasiId}/members/${ani.memberId}/savings`,
    ).expect(200);
    expect(savings.body).toEqual({ pokokRp: 25_000, wajibRp: 0, sukarelaRp: 30_000 });
  });
});
