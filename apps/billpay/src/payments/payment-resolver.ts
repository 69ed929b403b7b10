import { Inject, Injectable, Logger } from '@nestjs/common';
import { PostgresEventStore, type AppendRequest } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import { CombinedWrite, inTransaction } from '@koperasi/database';
import { PG_POOL, StatementBatcher } from '@koperasi/service-kit';
import {
  decideOutcome,
  evolveDeposit,
  evolvePayment,
  paymentStreamId,
  type AggregatorOutcome,
  type PaymentEvent,
  type PaymentState,
} from '../domain/index.js';
import { foldPayment } from './payment-fold.js';
import { PaymentOutcomes } from './payment-outcomes.js';
import {
  projectResolutions,
  scheduleCheck,
  type DepositMoves,
  type ResolvedEvent,
} from './project-resolutions.js';

export type Resolution = Extract<AggregatorOutcome, { kind: 'SUCCESS' | 'FAILED' | 'PENDING' }>;

export type ResolutionResult = 'APPLIED' | 'UNCHANGED' | 'CONTRADICTS' | 'UNKNOWN_PAYMENT';

export interface ResolutionSource {
  /** Recorded as the events' actor. */
  actor: string;
  causationId: string | null;
}

export interface ResolutionRequest {
  where: { paymentId: string } | { refId: string };
  outcome: Resolution;
  source: ResolutionSource;
  /** When a payment left unresolved should be asked about again. */
  nextCheckInMs?: number;
}

type Decided = { result: ResolutionResult; paymentId: string | null };
type Answer = Decided | { error: unknown };

/** Outcomes decided in one transaction at most; the aggregator's answers arrive a few at a time. */
const MAX_RESOLUTIONS_PER_BATCH = 200;
/**
 * One batch at a time: answers that arrive meanwhile make the next batch bigger rather than another
 * transaction waiting on the same deposits.
 */
const MAX_BATCHES_IN_FLIGHT = 1;

interface LockedPayment {
  id: string;
  koperasi_id: string;
  ref_id: string;
  correlation_id: string;
}

/** A payment as the batch has decided it so far. */
interface PaymentInBatch {
  row: LockedPayment;
  state: PaymentState;
  version: number;
}

/**
 * Records what the aggregator said about payments, from whichever path heard it first (response, status
 * check, callback), decided on each payment's events. Outcomes that arrive together are decided in one
 * transaction: the payments rows are locked (so two paths never both apply an outcome), their streams read
 * in one statement, every event appended in one insert and each deposit moved once. When a batch fails, each
 * of its outcomes is tried alone, so one payment's trouble never fails another's.
 */
@Injectable()
export class PaymentResolver {
  private readonly logger = new Logger(PaymentResolver.name);
  private readonly batcher = new StatementBatcher<ResolutionRequest, Answer>(
    (requests) => this.resolveAll(requests),
    MAX_RESOLUTIONS_PER_BATCH,
    MAX_BATCHES_IN_FLIGHT,
  );

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  async resolve(
    where: ResolutionRequest['where'],
    outcome: Resolution,
    source: ResolutionSource,
    nextCheckInMs?: number,
  ): Promise<Decided> {
    const answer = await this.batcher.add({ where, outcome, source, nextCheckInMs });
    if ('error' in answer) throw answer.error;
    return answer;
  }

  private async resolveAll(requests: ResolutionRequest[]): Promise<Answer[]> {
    let answers: Answer[];
    try {
      answers = await inTransaction(this.pool, (tx) => this.decideBatch(tx, requests));
    } catch (error) {
      if (requests.length === 1) return [{ error }];
      answers = [];
      for (const request of requests)
        answers.push(
          await inTransaction(this.pool, (tx) => this.decideBatch(tx, [request])).then(
            ([answer]) => answer,
            (alone: unknown) => ({ error: alone }),
          ),
        );
    }
    for (const answer of answers)
      if ('result' in answer && answer.result === 'APPLIED' && answer.paymentId)
        this.outcomes.notify(answer.paymentId);
    return answers;
  }

  private async decideBatch(tx: PoolClient, requests: ResolutionRequest[]): Promise<Decided[]> {
    const payments = await this.lockAndLoad(tx, requests);
    const appends: AppendRequest[] = [];
    const resolved: ResolvedEvent[] = [];
    const depositMoves: DepositMoves = new Map();
    const answers: Decided[] = [];
    for (const request of requests) {
      const payment =
        'paymentId' in request.where
          ? payments.byId.get(request.where.paymentId)
          : payments.byRefId.get(request.where.refId);
      if (!payment) {
        answers.push({ result: 'UNKNOWN_PAYMENT', paymentId: null });
        continue;
      }
      const { row } = payment;
      const decision = decideOutcome(payment.state, request.outcome);
      if (decision.kind === 'CONTRADICTS') {
        this.logger.error(
          `CONTRADICTING OUTCOME, not applied: ${decision.message} (${JSON.stringify(request.outcome)}); reconcile by hand`,
        );
        answers.push({ result: 'CONTRADICTS', paymentId: row.id });
        continue;
      }
      if (decision.kind === 'UNCHANGED') {
        if (request.nextCheckInMs !== undefined && request.outcome.kind === 'PENDING')
          await scheduleCheck(tx, row.id, request.nextCheckInMs);
        answers.push({ result: 'UNCHANGED', paymentId: row.id });
        continue;
      }
      appends.push({
        streamId: paymentStreamId(row.id),
        expectedVersion: payment.version,
        events: decision.events,
        context: {
          koperasiId: row.koperasi_id,
          actor: request.source.actor,
          correlationId: row.correlation_id,
          causationId: request.source.causationId,
        },
      });
      for (const event of decision.events as PaymentEvent[]) {
        const move = evolveDeposit({ balanceRp: 0, reservedRp: 0 }, payment.state, event);
        const total = depositMoves.get(row.koperasi_id) ?? { balanceRp: 0, reservedRp: 0 };
        depositMoves.set(row.koperasi_id, {
          balanceRp: total.balanceRp + move.balanceRp,
          reservedRp: total.reservedRp + move.reservedRp,
        });
        payment.state = evolvePayment(payment.state, event);
        payment.version += 1;
        resolved.push({
          paymentId: row.id,
          event,
          version: payment.version,
          nextCheckInMs: request.nextCheckInMs,
        });
      }
      answers.push({ result: 'APPLIED', paymentId: row.id });
    }
    if (appends.length > 0) {
      const write = new CombinedWrite();
      for (const appended of await this.store.appendBatchWithin(tx, appends, write))
        if (appended instanceof Error) throw appended;
      await projectResolutions(tx, write, resolved, depositMoves);
    }
    return answers;
  }

  /** The batch's payments, locked in id order (two batches never wait on each other in a circle), with their state. */
  private async lockAndLoad(
    tx: PoolClient,
    requests: ResolutionRequest[],
  ): Promise<{ byId: Map<string, PaymentInBatch>; byRefId: Map<string, PaymentInBatch> }> {
    const ids = requests.flatMap((request) =>
      'paymentId' in request.where ? [request.where.paymentId] : [],
    );
    const refIds = requests.flatMap((request) =>
      'refId' in request.where ? [request.where.refId] : [],
    );
    const { rows } = await tx.query<LockedPayment>(
      `SELECT id, koperasi_id, ref_id, correlation_id FROM payments
       WHERE id = ANY($1::uuid[]) OR ref_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
      [ids, refIds],
    );
    const streams = await this.store.readStreams(
      rows.map((row) => paymentStreamId(row.id)),
      tx,
    );
    const byId = new Map<string, PaymentInBatch>();
    const byRefId = new Map<string, PaymentInBatch>();
    for (const row of rows) {
      const history = streams.get(paymentStreamId(row.id)) ?? [];
      const payment = { row, state: foldPayment(history).payment, version: history.length };
      byId.set(row.id, payment);
      byRefId.set(row.ref_id, payment);
    }
    return { byId, byRefId };
  }
}
