import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  LoanCommands,
  type CloseRemittancePayload,
  type CollectInstallmentPayload,
  type CollectInstallmentResult,
  type CommandEnvelope,
  type CommandReply,
  type LoanAccountView,
  type RemittanceView,
  type UserRole,
} from '@koperasi/contracts';
import type { CommandMessage, DeciderCommandHandler } from '@koperasi/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  testKafkaBrokers,
  type TestDatabase,
} from '@koperasi/testing';
import { CLOSE_REMITTANCE_COMMANDS } from '../src/commands/close-remittance/close-remittance-commands.provider.js';
import { COLLECT_INSTALLMENT_COMMANDS } from '../src/commands/collect-installment/collect-installment-commands.provider.js';
import { loansMigrations } from '../src/infrastructure/loans-migrations.js';
import { LoansModule } from '../src/loans.module.js';

/**
 * The loans service's command handlers against real PostgreSQL (and Kafka for the relay), called directly so
 * that many commands really run at once. No bank is reachable here: notices stay pending, which is what the
 * rule "collections the bank has not seen count against its maximum" needs.
 */
describe('loans service commands (PostgreSQL, concurrent handlers)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const koperasiId = randomUUID();

  const envelope = <P>(
    payload: P,
    role: UserRole = 'teller',
    commandId: string = randomUUID(),
  ): CommandEnvelope<P> => ({
    commandId,
    koperasiId,
    actor: { userId: `${role}-1`, role },
    correlationId: randomUUID(),
    payload,
  });

  const view = (loanNo: string, overrides: Partial<LoanAccountView> = {}): LoanAccountView => ({
    loanNo,
    borrowerName: 'PARTINI',
    product: 'KUPEDES',
    status: 'ACTIVE',
    period: '2026-11',
    installmentDueRp: 500_000,
    installmentsInArrears: 0,
    penaltyRp: 0,
    maxPaymentRp: 500_000,
    viewedAt: new Date().toISOString(),
    ...overrides,
  });

  /** One batch of collections, as the Kafka transport hands them over; the replies in the same order. */
  const collectBatch = (envelopes: CommandEnvelope<CollectInstallmentPayload>[]) =>
    app.get<DeciderCommandHandler<unknown, unknown, never>>(COLLECT_INSTALLMENT_COMMANDS).handle(
      envelopes.map((value): CommandMessage => ({
        command: LoanCommands.collectInstallment,
        key: value.payload.loanNo,
        value,
      })),
    ) as Promise<CommandReply<CollectInstallmentResult>[]>;
  const collect = async (
    payload: CollectInstallmentPayload,
    role?: UserRole,
    commandId?: string,
  ): Promise<CommandReply<CollectInstallmentResult>> =>
    (await collectBatch([envelope(payload, role, commandId)]))[0];
  /** One batch of closes, as the Kafka transport hands them over; the replies in the same order. */
  const closeBatch = (envelopes: CommandEnvelope<CloseRemittancePayload>[]) =>
    app.get<DeciderCommandHandler<unknown, unknown, never>>(CLOSE_REMITTANCE_COMMANDS).handle(
      envelopes.map((value): CommandMessage => ({
        command: LoanCommands.closeRemittance,
        key: value.koperasiId,
        value,
      })),
    ) as Promise<CommandReply<RemittanceView>[]>;
  const close = async (): Promise<CommandReply<RemittanceView>> =>
    (await closeBatch([envelope({}, 'supervisor')]))[0];

  let nextLoan = 1;
  const loanNo = () => `0009${String(nextLoan++).padStart(11, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase('loans', loansMigrations);
    const [eventsTopic] = await createTestTopics(testKafka(), 'loans-events');
    const moduleRef = await Test.createTestingModule({
      imports: [
        LoansModule.forRoot({
          httpPort: 0,
          httpHost: '127.0.0.1',
          databaseUrl: db.url,
          kafkaBrokers: testKafkaBrokers(),
          internalApiToken: 'test-internal-token',
          // Nothing listens here: every notice fails and stays pending.
          bankUrl: 'http://127.0.0.1:9',
          bankApiKey: 'test-bank-key',
          bankTimeoutMs: 500,
          bankRemittanceTimeoutMs: 500,
          maxRetryDelayMs: 60_000,
          eventsTopic,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('given forty counters collecting at once, then each gets its own collection, and events, rows and replies agree', async () => {
    const loans = Array.from({ length: 40 }, () => loanNo());
    const replies = await Promise.all(
      loans.map((no) => collect({ loanNo: no, amountRp: 500_000, loan: view(no) })),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const ids = replies.map((reply) => (reply.ok ? reply.result.collectionId : ''));
    expect(new Set(ids).size).toBe(40);
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM collections WHERE collection_id = ANY($1::uuid[])) AS rows,
              (SELECT count(*)::int FROM events WHERE stream_id = ANY($2::text[]) AND type = 'InstallmentCollected') AS events,
              (SELECT count(*)::int FROM command_results WHERE reply->'result'->>'collectionId' = ANY($3::text[])) AS results`,
      [ids, ids.map((id) => `collection-${id}`), ids],
    );
    expect(rows[0]).toEqual({ rows: 40, events: 40, results: 40 });
    const first = replies[0].ok ? replies[0].result : null;
    expect(first?.receipt).toMatchObject({
      loanNo: loans[0],
      amountRp: 500_000,
      feeRp: 2_500,
      feeMode: 'NETTED',
      koperasiId,
    });
  });

  it('given the same command delivered ten times at once, then one collection is made and every delivery answers it', async () => {
    const no = loanNo();
    const commandId = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        collect({ loanNo: no, amountRp: 500_000, loan: view(no) }, 'teller', commandId),
      ),
    );
    const ids = new Set(replies.map((reply) => (reply.ok ? reply.result.collectionId : 'refused')));
    expect([...ids]).toHaveLength(1);
    expect(ids.has('refused')).toBe(false);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM collections WHERE loan_no = $1`,
      [no],
    );
    expect(rows[0].n).toBe(1);
  });

  it('given a collection the bank has not acknowledged, when the same bank view is used again, then the second is an overpayment', async () => {
    const no = loanNo();
    const bankView = view(no, { maxPaymentRp: 800_000 });
    const first = await collect({ loanNo: no, amountRp: 500_000, loan: bankView });
    expect(first.ok).toBe(true);
    const second = await collect({ loanNo: no, amountRp: 500_000, loan: bankView });
    expect(second).toMatchObject({ ok: false, error: { status: 422, code: 'OVERPAYMENT' } });
    expect((await collect({ loanNo: no, amountRp: 300_000, loan: bankView })).ok).toBe(true);
  });

  it("given one batch with two collections on a loan, another loan's and a stale one, then the loan's second sees its first and only the refused change nothing", async () => {
    const [shared, other, stale] = [loanNo(), loanNo(), loanNo()];
    const bankView = view(shared, { maxPaymentRp: 800_000 });
    const replies = await collectBatch([
      envelope({ loanNo: shared, amountRp: 500_000, loan: bankView }),
      envelope({ loanNo: other, amountRp: 500_000, loan: view(other) }),
      envelope({ loanNo: shared, amountRp: 500_000, loan: bankView }),
      envelope({
        loanNo: stale,
        amountRp: 500_000,
        loan: view(stale, { viewedAt: new Date(Date.now() - 120_000).toISOString() }),
      }),
      envelope({ loanNo: shared, amountRp: 300_000, loan: bankView }),
    ]);
    expect(
      replies.map((reply) => (reply.ok ? reply.result.receipt.amountRp : reply.error.code)),
    ).toEqual([500_000, 500_000, 'OVERPAYMENT', 'LOAN_VIEW_STALE', 300_000]);
    const { rows } = await db.pool.query(
      `SELECT loan_no, sum(amount_rp)::int AS collected, count(*)::int AS n FROM collections
       WHERE loan_no = ANY($1::text[]) GROUP BY loan_no ORDER BY loan_no`,
      [[shared, other, stale]],
    );
    expect(rows).toEqual([
      { loan_no: shared, collected: 800_000, n: 2 },
      { loan_no: other, collected: 500_000, n: 1 },
    ]);
  });

  it('refuses an auditor, a platform admin, a stale view and a malformed one, recording nothing', async () => {
    const no = loanNo();
    const before = (await db.pool.query(`SELECT count(*)::int AS n FROM collections`)).rows[0].n;
    expect(
      await collect({ loanNo: no, amountRp: 500_000, loan: view(no) }, 'auditor'),
    ).toMatchObject({ ok: false, error: { status: 403 } });
    const [asAdmin] = await collectBatch([
      { ...envelope({ loanNo: no, amountRp: 500_000, loan: view(no) }, 'admin'), koperasiId: '' },
    ]);
    expect(asAdmin).toMatchObject({ ok: false, error: { status: 403 } });
    const stale = view(no, { viewedAt: new Date(Date.now() - 120_000).toISOString() });
    expect(await collect({ loanNo: no, amountRp: 500_000, loan: stale })).toMatchObject({
      ok: false,
      error: { status: 409, code: 'LOAN_VIEW_STALE' },
    });
    expect(
      await collect({ loanNo: no, amountRp: 500_000, loan: { loanNo: no } as LoanAccountView }),
    ).toMatchObject({ ok: false, error: { status: 400 } });
    expect(await collect({ loanNo: '123', amountRp: 500_000, loan: view(no) })).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM collections`)).rows[0].n).toBe(
      before,
    );
  });

  it('given collections the bank has not acknowledged, when a batch is closed, then they wait for a later one', async () => {
    const reply = await close();
    expect(reply).toMatchObject({ ok: false, error: { status: 422, code: 'NOTHING_TO_REMIT' } });
    expect(!reply.ok && reply.error.message).toMatch(/wait for the bank to acknowledge/);
  });

  it('given five closes racing over the same pool, then every collection lands in exactly one batch', async () => {
    // As if the bank had acknowledged every notice.
    await db.pool.query(
      `UPDATE collections SET notice_status = 'ACKNOWLEDGED', acknowledged_at = now()`,
    );
    const replies = await Promise.all(Array.from({ length: 5 }, () => close()));
    const batches = replies
      .filter((reply) => reply.ok)
      .map((reply) => (reply.ok ? reply.result : null)!);
    const refusals = replies.filter((reply) => !reply.ok);
    expect(refusals.every((reply) => !reply.ok && reply.error.code === 'NOTHING_TO_REMIT')).toBe(
      true,
    );
    const { rows } = await db.pool.query<{ total: number; in_one: number; in_more: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE live = 1)::int AS in_one,
              count(*) FILTER (WHERE live > 1)::int AS in_more
       FROM (SELECT c.collection_id, count(i.collection_id) FILTER (WHERE i.active) AS live
             FROM collections c LEFT JOIN remittance_items i ON i.collection_id = c.collection_id GROUP BY c.collection_id) per`,
    );
    expect(rows[0].in_more).toBe(0);
    expect(rows[0].in_one).toBe(rows[0].total);
    expect(batches.reduce((sum, batch) => sum + batch.collectionCount, 0)).toBe(rows[0].total);
    const sums = await db.pool.query(`SELECT sum(amount_rp)::bigint AS collected FROM collections`);
    expect(batches.reduce((sum, batch) => sum + batch.collectedRp, 0)).toBe(
      Number(sums.rows[0].collected),
    );
  });

  it("given one batch with a teller's close, a malformed date, a supervisor's close and another after it, then only the supervisor's first closes and the rest change nothing", async () => {
    const collected = await Promise.all(
      [loanNo(), loanNo()].map((no) => collect({ loanNo: no, amountRp: 500_000, loan: view(no) })),
    );
    const ids = collected.map((reply) => (reply.ok ? reply.result.collectionId : ''));
    await db.pool.query(
      `UPDATE collections SET notice_status = 'ACKNOWLEDGED', acknowledged_at = now()
       WHERE collection_id = ANY($1::uuid[])`,
      [ids],
    );
    const batchesBefore = (await db.pool.query(`SELECT count(*)::int AS n FROM remittances`))
      .rows[0].n;
    const replies = await closeBatch([
      envelope({}, 'teller'),
      envelope({ upToDate: '2026-02-30' }, 'supervisor'),
      envelope({}, 'supervisor'),
      envelope({}, 'supervisor'),
    ]);
    expect(
      replies.map((reply) => (reply.ok ? reply.result.collectionCount : reply.error.code)),
    ).toEqual(['FORBIDDEN', 'VALIDATION_FAILED', 2, 'NOTHING_TO_REMIT']);
    const { rows } = await db.pool.query(
      `SELECT count(DISTINCT remittance_id)::int AS batches, count(*)::int AS n FROM collections
       WHERE collection_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows[0]).toEqual({ batches: 1, n: 2 });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM remittances`)).rows[0].n).toBe(
      batchesBefore + 1,
    );
  });
});
