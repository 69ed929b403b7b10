import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  BillpayCommands,
  type CommandEnvelope,
  type CommandReply,
  type UserRole,
} from '@koperasi/contracts';
import { type CommandMessage, type DeciderCommandHandler } from '@koperasi/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  testKafkaBrokers,
  type TestDatabase,
} from '@koperasi/testing';
import { TOP_UP_DEPOSIT_COMMANDS } from '../src/deposit/top-up-deposit/top-up-deposit-commands.provider.js';
import { billpayMigrations } from '../src/infrastructure/billpay-migrations.js';
import { BillpayModule } from '../src/billpay.module.js';
import { PAY_BILL_COMMANDS } from '../src/payments/pay-bill/pay-bill-commands.provider.js';
import type { PayBillResult } from '../src/payments/pay-bill/pay-bill-result.js';
import { PaymentResolver } from '../src/payments/payment-resolver.js';
import { REFUND_COMMANDS } from '../src/payments/refund-payment/refund-commands.provider.js';

/** PLN20's price at the aggregator, from the default price list. */
const PLN20_PRICE_RP = 20_150;
const METER = '12345678901';

/**
 * billpay's batch handlers against real PostgreSQL, handed batches as the Kafka transport hands them over.
 * No aggregator answers here: payments stay unresolved unless the test resolves them.
 */
describe('billpay commands in batches (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  const envelope = <P>(
    koperasiId: string,
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
  const batch = (token: symbol, command: string, envelopes: CommandEnvelope<unknown>[]) =>
    app
      .get<DeciderCommandHandler<unknown, unknown, never>>(token)
      .handle(
        envelopes.map((value): CommandMessage => ({ command, key: value.commandId, value })),
      ) as Promise<CommandReply<Record<string, unknown>>[]>;
  const payBills = (envelopes: CommandEnvelope<unknown>[]) =>
    batch(PAY_BILL_COMMANDS, BillpayCommands.payBill, envelopes) as Promise<
      CommandReply<PayBillResult>[]
    >;
  const refunds = (envelopes: CommandEnvelope<unknown>[]) =>
    batch(REFUND_COMMANDS, BillpayCommands.refundPayment, envelopes);
  const topUps = (envelopes: CommandEnvelope<unknown>[]) =>
    batch(TOP_UP_DEPOSIT_COMMANDS, BillpayCommands.topUpDeposit, envelopes);
  const pln20 = (koperasiId: string) =>
    envelope(koperasiId, { productCode: 'PLN20', customerNo: METER });

  async function koperasiWithDeposit(amountRp: number): Promise<string> {
    const koperasiId = randomUUID();
    const [reply] = await topUps([
      envelope(koperasiId, { amountRp, bankTransferRef: `TRF-${randomUUID()}` }, 'supervisor'),
    ]);
    expect(reply.ok).toBe(true);
    return koperasiId;
  }

  async function books(koperasiId: string) {
    const { rows } = await db.pool.query(
      `SELECT (SELECT reserved_rp::int FROM deposits WHERE koperasi_id = $1) AS "reservedRp",
              (SELECT count(*)::int FROM payments WHERE koperasi_id = $1) AS payments,
              (SELECT count(*)::int FROM events WHERE metadata->>'koperasiId' = $1::text AND type = 'BillPaymentRequested') AS requested`,
      [koperasiId],
    );
    return rows[0] as { reservedRp: number; payments: number; requested: number };
  }

  beforeAll(async () => {
    db = await createTestDatabase('billpay', billpayMigrations);
    const [eventsTopic] = await createTestTopics(testKafka(), 'billpay-events');
    const moduleRef = await Test.createTestingModule({
      imports: [
        BillpayModule.forRoot({
          httpPort: 0,
          httpHost: '127.0.0.1',
          databaseUrl: db.url,
          kafkaBrokers: testKafkaBrokers(),
          internalApiToken: 'test-internal-token',
          eventsTopic,
          // Nothing listens here: a payment sent is never answered, so it stays unresolved.
          aggregator: {
            baseUrl: 'http://127.0.0.1:9',
            username: 'test',
            apiKey: 'test-key',
            callbackSecret: 'test-secret',
            transactionTimeoutMs: 500,
            queryTimeoutMs: 500,
            callbackMaxAgeMs: 300_000,
          },
          dispatch: {
            concurrency: 4,
            queueLimit: 100,
            scanIntervalMs: 600_000,
            resumeAfterMs: 600_000,
            statusPollBaseMs: 600_000,
            statusPollMaxMs: 600_000,
          },
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

  it('given a deposit that covers two payments, when three come in one batch, then the first two are taken in order and the third alone is refused', async () => {
    const koperasiId = await koperasiWithDeposit(2 * PLN20_PRICE_RP + 100);
    const replies = await payBills([pln20(koperasiId), pln20(koperasiId), pln20(koperasiId)]);
    expect(replies.map((reply) => (reply.ok ? reply.result.status : reply.error.code))).toEqual([
      'PROCESSING',
      'PROCESSING',
      'DEPOSIT_TOO_LOW',
    ]);
    expect(await books(koperasiId)).toEqual({
      reservedRp: 2 * PLN20_PRICE_RP,
      payments: 2,
      requested: 2,
    });
  });

  it("given one koperasi's deposit too low, when its payment shares a batch with another koperasi's, then only its own is refused", async () => {
    const poor = await koperasiWithDeposit(1_000);
    const rich = await koperasiWithDeposit(1_000_000);
    const replies = await payBills([pln20(poor), pln20(rich), pln20(rich)]);
    expect(replies.map((reply) => reply.ok)).toEqual([false, true, true]);
    expect(await books(poor)).toEqual({ reservedRp: 0, payments: 0, requested: 0 });
    expect(await books(rich)).toEqual({
      reservedRp: 2 * PLN20_PRICE_RP,
      payments: 2,
      requested: 2,
    });
  });

  it('given two counters paying the same inquiry in one batch, then one payment takes it, the other is told it is paid, and a third payment stands', async () => {
    const koperasiId = await koperasiWithDeposit(1_000_000);
    const inquiryId = randomUUID();
    await db.pool.query(
      `INSERT INTO inquiries (id, koperasi_id, ref_id, product_code, customer_no, customer_name, period, bill_amount_rp,
         admin_fee_rp, price_rp, teller_id, expires_at)
       VALUES ($1, $2, $3, 'PLNPOST', '512345678901', 'SITI', '202611', 150000, 2500, 150000, 'teller-1',
         now() + interval '10 minutes')`,
      [inquiryId, koperasiId, `INQ-${inquiryId.slice(0, 8)}`],
    );
    const replies = await payBills([
      envelope(koperasiId, { inquiryId }),
      pln20(koperasiId),
      envelope(koperasiId, { inquiryId }),
    ]);
    expect(replies.map((reply) => (reply.ok ? reply.result.status : reply.error.code))).toEqual([
      'PROCESSING',
      'PROCESSING',
      'INQUIRY_ALREADY_USED',
    ]);
    const { rows } = await db.pool.query('SELECT payment_id FROM inquiries WHERE id = $1', [
      inquiryId,
    ]);
    expect(rows[0].payment_id).toBe(replies[0].ok ? replies[0].result.paymentId : null);
    expect(await books(koperasiId)).toEqual({
      reservedRp: 150_000 + PLN20_PRICE_RP,
      payments: 2,
      requested: 2,
    });
  });

  it('given the same command twice in a batch and again later, then one payment, and every delivery names it', async () => {
    const koperasiId = await koperasiWithDeposit(1_000_000);
    const command = pln20(koperasiId);
    const replies = await payBills([command, pln20(koperasiId), command]);
    const again = await payBills([command]);
    const paymentIds = [replies[0], replies[2], again[0]].map((reply) =>
      reply.ok ? reply.result.paymentId : reply.error.code,
    );
    expect(new Set(paymentIds).size).toBe(1);
    expect(await books(koperasiId)).toMatchObject({ payments: 2, requested: 2 });
  });

  it('given a failed payment, when two refunds of it share a batch, then the first pays it back and the second is told so, from its events', async () => {
    const koperasiId = await koperasiWithDeposit(1_000_000);
    const [paid] = await payBills([pln20(koperasiId)]);
    const paymentId = paid.ok ? paid.result.paymentId : '';
    const resolved = await app
      .get(PaymentResolver)
      .resolve(
        { paymentId },
        { kind: 'FAILED', rc: '14', reason: 'nomor meter salah', resolvedBy: 'RESPONSE' },
        { actor: 'test', causationId: null },
      );
    expect(resolved.result).toBe('APPLIED');
    const refund = () => envelope(koperasiId, { paymentId }, 'supervisor');
    const replies = await refunds([
      refund(),
      refund(),
      envelope(randomUUID(), { paymentId }, 'supervisor'),
    ]);
    expect(replies.map((reply) => (reply.ok ? reply.result.refund : reply.error.code))).toEqual([
      'PAID',
      'REFUND_ALREADY_PAID',
      'PAYMENT_NOT_FOUND',
    ]);
    const { rows } = await db.pool.query(
      `SELECT (SELECT refund FROM payments WHERE id = $1) AS refund,
              (SELECT reserved_rp::int FROM deposits WHERE koperasi_id = $2) AS "reservedRp",
              (SELECT count(*)::int FROM events WHERE stream_id = 'payment-' || $1::text AND type = 'BillPaymentRefunded') AS refunds`,
      [paymentId, koperasiId],
    );
    expect(rows[0]).toEqual({ refund: 'PAID', reservedRp: 0, refunds: 1 });
  });

  it('given outcomes arriving together (two koperasi, a repeat, a contradiction, an unknown ref, an unreadable id), when they are decided in one batch, then each deposit moves once per payment and only the unreadable one fails', async () => {
    const first = await koperasiWithDeposit(1_000_000);
    const second = await koperasiWithDeposit(1_000_000);
    const [a, b] = await payBills([pln20(first), pln20(first)]);
    const [c] = await payBills([pln20(second)]);
    const [paidA, failedB, paidC] = [a, b, c].map((reply) =>
      reply.ok ? reply.result.paymentId : '',
    );
    const resolver = app.get(PaymentResolver);
    const source = { actor: 'test', causationId: null };
    const success = {
      kind: 'SUCCESS',
      priceRp: PLN20_PRICE_RP,
      serialNo: '5512-3456-7890-1234-5678',
      resolvedBy: 'RESPONSE',
    } as const;
    const failure = {
      kind: 'FAILED',
      rc: '14',
      reason: 'nomor meter salah',
      resolvedBy: 'RESPONSE',
    } as const;

    const answers = await Promise.all([
      resolver.resolve({ paymentId: paidA }, success, source),
      resolver.resolve({ paymentId: paidA }, success, source),
      resolver.resolve({ paymentId: paidA }, failure, source),
      resolver.resolve({ paymentId: failedB }, failure, source),
      resolver.resolve({ paymentId: paidC }, success, source),
      resolver.resolve({ refId: 'NO-SUCH-REF' }, success, source),
      resolver.resolve({ paymentId: 'not-a-payment-id' }, success, source).catch(() => null),
    ]);

    expect(answers.map((answer) => answer?.result ?? 'ERROR')).toEqual([
      'APPLIED',
      'UNCHANGED',
      'CONTRADICTS',
      'APPLIED',
      'APPLIED',
      'UNKNOWN_PAYMENT',
      'ERROR',
    ]);
    const { rows } = await db.pool.query(
      `SELECT koperasi_id::text AS "koperasiId", balance_rp::int AS "balanceRp", reserved_rp::int AS "reservedRp"
       FROM deposits WHERE koperasi_id = ANY($1::uuid[]) ORDER BY balance_rp, koperasi_id`,
      [[first, second]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { koperasiId: first, balanceRp: 1_000_000 - PLN20_PRICE_RP, reservedRp: 0 },
        { koperasiId: second, balanceRp: 1_000_000 - PLN20_PRICE_RP, reservedRp: 0 },
      ]),
    );
    const { rows: outcomes } = await db.pool.query(
      `SELECT p.id::text AS id, p.status, p.stream_version AS version,
              (SELECT count(*)::int FROM events e WHERE e.stream_id = 'payment-' || p.id::text) AS events,
              (SELECT count(*)::int FROM events e WHERE e.stream_id = 'payment-' || p.id::text
                 AND e.type IN ('BillPaymentSucceeded', 'BillPaymentFailed')) AS finals
       FROM payments p WHERE p.id = ANY($1::uuid[]) ORDER BY p.status`,
      [[paidA, failedB, paidC]],
    );
    expect(outcomes.map(({ status, finals }) => ({ status, finals }))).toEqual([
      { status: 'FAILED', finals: 1 },
      { status: 'SUCCESS', finals: 1 },
      { status: 'SUCCESS', finals: 1 },
    ]);
    // The read model names the stream's last version, whatever else (a pending answer) was decided meanwhile.
    for (const outcome of outcomes) expect(outcome.version).toBe(outcome.events);
  });

  it('given outcomes in one batch where a payment goes pending and then succeeds, then its row ends SUCCESS at its last version with one status check counted, and the other pending one waits for its check', async () => {
    const koperasiId = await koperasiWithDeposit(1_000_000);
    const [first, second] = (await payBills([pln20(koperasiId), pln20(koperasiId)])).map((reply) =>
      reply.ok ? reply.result.paymentId : '',
    );
    const resolver = app.get(PaymentResolver);
    const source = { actor: 'test', causationId: null };
    const pending = { kind: 'PENDING', reason: 'aggregator: sedang diproses' } as const;

    const answers = await Promise.all([
      resolver.resolve({ paymentId: first }, pending, source, 60_000),
      resolver.resolve({ paymentId: second }, pending, source, 60_000),
      resolver.resolve(
        { paymentId: first },
        { kind: 'SUCCESS', priceRp: PLN20_PRICE_RP, serialNo: '1111-2222', resolvedBy: 'CALLBACK' },
        source,
      ),
    ]);

    expect(answers.map((answer) => answer.result)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    const { rows } = await db.pool.query(
      `SELECT p.status, p.serial_no AS "serialNo", p.check_attempts AS "checkAttempts",
              p.next_check_at > now() + interval '50 seconds' AS "checkLater",
              p.stream_version = (SELECT count(*)::int FROM events e WHERE e.stream_id = 'payment-' || p.id::text)
                AS "atLastVersion"
       FROM payments p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id = $2 DESC`,
      [[first, second], first],
    );
    expect(rows).toEqual([
      {
        status: 'SUCCESS',
        serialNo: '1111-2222',
        checkAttempts: 1,
        checkLater: null,
        atLastVersion: true,
      },
      {
        status: 'PENDING',
        serialNo: null,
        checkAttempts: 1,
        checkLater: true,
        atLastVersion: true,
      },
    ]);
    const { rows: deposit } = await db.pool.query(
      'SELECT balance_rp::int AS "balanceRp", reserved_rp::int AS "reservedRp" FROM deposits WHERE koperasi_id = $1',
      [koperasiId],
    );
    expect(deposit).toEqual([
      { balanceRp: 1_000_000 - PLN20_PRICE_RP, reservedRp: PLN20_PRICE_RP },
    ]);
  });

  it("given one batch with a teller's top-up, a repeated transfer, a zero amount and two good ones, then the good ones add up and the refused change nothing", async () => {
    const koperasiId = randomUUID();
    const top = (amountRp: number, bankTransferRef: string, role: UserRole = 'supervisor') =>
      envelope(koperasiId, { amountRp, bankTransferRef }, role);
    const replies = await topUps([
      top(100_000, 'TRF-1'),
      top(50_000, 'TRF-2', 'teller'),
      top(70_000, ' TRF-1 '),
      top(0, 'TRF-3'),
      top(25_000, 'TRF-4'),
    ]);
    expect(
      replies.map((reply) =>
        reply.ok ? (reply.result.deposit as { balanceRp: number }).balanceRp : reply.error.code,
      ),
    ).toEqual([100_000, 'FORBIDDEN', 'DUPLICATE_TRANSFER_REF', 'INVALID_AMOUNT', 125_000]);
    const { rows } = await db.pool.query(
      `SELECT (SELECT balance_rp::int FROM deposits WHERE koperasi_id = $1) AS "balanceRp",
              (SELECT stream_version FROM deposits WHERE koperasi_id = $1) AS version,
              (SELECT count(*)::int FROM deposit_topups WHERE koperasi_id = $1) AS topups,
              (SELECT count(*)::int FROM events WHERE stream_id = $2) AS events`,
      [koperasiId, `deposit-${koperasiId}`],
    );
    expect(rows[0]).toEqual({ balanceRp: 125_000, version: 2, topups: 2, events: 2 });
  });
});
