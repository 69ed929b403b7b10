import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type {
  CollectionAck,
  CollectionNotice,
  RemittanceRequest,
  RemittanceStatusResponse,
} from '@koperasi/contracts';
import { badRequest } from '../common/bad-request.js';
import { SeededRandom } from '../common/seeded-random.js';
import { SimTimers } from '../common/sim-timers.js';
import {
  defaultBankFaults,
  patchBankFaults,
  type BankFaults,
  type LoanFault,
} from './bank-faults.js';
import { maxPaymentOf, openLoanAccount, viewOf, type LoanAccount } from './loan-account.js';

/** What the bank answers: an HTTP status and its JSON body. */
export interface BankAnswer {
  status: number;
  body: unknown;
}

export interface RecordedCollection {
  notice: CollectionNotice;
  ack: CollectionAck;
  agentId: string;
  receivedAt: string;
}

interface Batch {
  request: RemittanceRequest;
  fingerprint: string;
  state: RemittanceStatusResponse;
  agentId: string;
}

/** Collections and batches kept at most; a benchmark day fits many times over. */
export const BANK_RECORD_CAPACITY = 1_000_000;
export const MAX_BATCH_ITEMS = 1_000_000;

/** The bank's books: loans as paid so far, collection notices by reference, remittance batches by batch_ref. */
@Injectable()
export class BankSimulator {
  private faultsNow = defaultBankFaults();
  private random = new SeededRandom(this.faultsNow.seed);
  private readonly loans = new Map<string, LoanAccount>();
  private readonly collections = new Map<string, RecordedCollection>();
  private readonly batches = new Map<string, Batch>();
  /** Collections in a batch that is RECEIVED or CONFIRMED: the batch_ref holding each. */
  private readonly remitted = new Map<string, string>();
  private nextCollectionSeq = 1;
  private nextRemittanceSeq = 1;

  constructor(private readonly timers: SimTimers) {}

  get faults(): BankFaults {
    return this.faultsNow;
  }

  setFaults(body: unknown): BankFaults {
    const next = patchBankFaults(this.faultsNow, body);
    if ((body as Partial<BankFaults>).seed !== undefined) this.random = new SeededRandom(next.seed);
    this.faultsNow = next;
    // A held batch waits for the outcome knob to change.
    if (next.remittanceOutcome !== 'HOLD')
      for (const batch of this.batches.values())
        if (batch.state.status === 'RECEIVED') this.decide(batch);
    return next;
  }

  reset(): void {
    this.faultsNow = defaultBankFaults();
    this.random = new SeededRandom(this.faultsNow.seed);
    this.loans.clear();
    this.collections.clear();
    this.batches.clear();
    this.remitted.clear();
    this.nextCollectionSeq = 1;
    this.nextRemittanceSeq = 1;
  }

  /** The fault a request meets: a bank that is down, else a per-loan override, else the shares. */
  faultFor(loanNo: string | null): LoanFault | null {
    if (this.faultsNow.down) return 'DOWN';
    const forced = loanNo === null ? undefined : this.faultsNow.faultByLoan[loanNo];
    if (forced) return forced;
    const timeoutDraw = this.random.next();
    const dropDraw = this.random.next();
    if (timeoutDraw < this.faultsNow.timeoutShare) return 'TIMEOUT';
    if (dropDraw < this.faultsNow.dropShare) return 'DROP';
    return null;
  }

  latencyFor(loanNo: string | null): number {
    return (
      (loanNo === null ? undefined : this.faultsNow.latencyMsByLoan[loanNo]) ??
      this.faultsNow.latencyMs
    );
  }

  lookup(loanNo: string, nowMs: number): BankAnswer {
    const loan = this.loanOf(loanNo);
    if (!loan) return loanNotFound(loanNo);
    return { status: HttpStatus.OK, body: viewOf(loan, nowMs) };
  }

  collect(notice: CollectionNotice, agentId: string): BankAnswer {
    const known = this.collections.get(notice.reference);
    if (known) {
      if (known.notice.loan_no !== notice.loan_no || known.notice.amount_rp !== notice.amount_rp) {
        return error(
          HttpStatus.CONFLICT,
          'REFERENCE_CONFLICT',
          `Reference ${notice.reference} was already used for ${known.notice.amount_rp} on loan ${known.notice.loan_no}`,
        );
      }
      return { status: HttpStatus.OK, body: known.ack };
    }
    const loan = this.loanOf(notice.loan_no);
    if (!loan) return loanNotFound(notice.loan_no);
    if (loan.closed)
      return error(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'LOAN_CLOSED',
        `Loan ${notice.loan_no} is closed`,
      );
    const refusal = this.faultsNow.refuseCollectionByLoan[notice.loan_no];
    if (refusal) return error(HttpStatus.UNPROCESSABLE_ENTITY, 'COLLECTION_REFUSED', refusal);
    const maxPaymentRp = maxPaymentOf(loan);
    if (notice.amount_rp > maxPaymentRp) {
      return error(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'AMOUNT_EXCEEDS_DUE',
        `Loan ${notice.loan_no} accepts at most ${maxPaymentRp} now; got ${notice.amount_rp}`,
      );
    }
    loan.paidRp += notice.amount_rp;
    const ack: CollectionAck = {
      reference: notice.reference,
      bank_ref: `BRIC${String(this.nextCollectionSeq++).padStart(10, '0')}`,
      status: 'ACKNOWLEDGED',
    };
    bounded(this.collections).set(notice.reference, {
      notice,
      ack,
      agentId,
      receivedAt: new Date().toISOString(),
    });
    return { status: HttpStatus.OK, body: ack };
  }

  remit(request: RemittanceRequest, agentId: string): BankAnswer {
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          request.total_rp,
          request.items.map((item) => [item.reference, item.amount_rp]),
        ]),
      )
      .digest('hex');
    const known = this.batches.get(request.batch_ref);
    if (known) {
      if (known.fingerprint !== fingerprint) {
        return error(
          HttpStatus.CONFLICT,
          'BATCH_CONFLICT',
          `Batch ${request.batch_ref} was already sent with other items or total`,
        );
      }
      return { status: HttpStatus.OK, body: known.state };
    }
    const batch: Batch = {
      request,
      fingerprint,
      agentId,
      state: { batch_ref: request.batch_ref, status: 'RECEIVED', bank_ref: null, reason: null },
    };
    bounded(this.batches).set(request.batch_ref, batch);
    const problem = this.problemOf(request);
    if (problem) batch.state = { ...batch.state, status: 'REJECTED', reason: problem };
    else {
      for (const item of request.items) this.remitted.set(item.reference, request.batch_ref);
      if (this.faultsNow.remittanceDecisionDelayMs > 0)
        this.timers.after(this.faultsNow.remittanceDecisionDelayMs, () => this.decide(batch));
      else this.decide(batch);
    }
    return { status: HttpStatus.OK, body: batch.state };
  }

  remittanceStatus(batchRef: string): BankAnswer {
    const batch = this.batches.get(batchRef);
    if (!batch) {
      return {
        status: HttpStatus.NOT_FOUND,
        body: {
          batch_ref: batchRef,
          status: 'NOT_FOUND',
          bank_ref: null,
          reason: null,
        } satisfies RemittanceStatusResponse,
      };
    }
    return { status: HttpStatus.OK, body: batch.state };
  }

  /** An operator at the bank settles a batch by hand. */
  settle(batchRef: string, body: { status?: unknown; reason?: unknown }): RemittanceStatusResponse {
    const batch = this.batches.get(batchRef);
    if (!batch) throw badRequest(`No batch ${batchRef}`);
    if (batch.state.status !== 'RECEIVED')
      throw badRequest(`Batch ${batchRef} is already ${batch.state.status}`);
    if (body?.status === 'CONFIRMED') this.confirm(batch);
    else if (body?.status === 'REJECTED')
      this.reject(
        batch,
        typeof body.reason === 'string' && body.reason !== ''
          ? body.reason
          : this.faultsNow.rejectReason,
      );
    else throw badRequest("status must be 'CONFIRMED' or 'REJECTED'");
    return batch.state;
  }

  listCollections(
    filter: { reference?: string; loanNo?: string },
    limit: number,
  ): { total: number; collections: RecordedCollection[] } {
    const collections: RecordedCollection[] = [];
    let total = 0;
    for (const collection of this.collections.values()) {
      if (filter.reference !== undefined && collection.notice.reference !== filter.reference)
        continue;
      if (filter.loanNo !== undefined && collection.notice.loan_no !== filter.loanNo) continue;
      total += 1;
      if (collections.length < limit) collections.push(collection);
    }
    return { total, collections };
  }

  private decide(batch: Batch): void {
    if (batch.state.status !== 'RECEIVED') return;
    if (this.faultsNow.remittanceOutcome === 'CONFIRM') this.confirm(batch);
    else if (this.faultsNow.remittanceOutcome === 'REJECT')
      this.reject(batch, this.faultsNow.rejectReason);
  }

  private confirm(batch: Batch): void {
    batch.state = {
      ...batch.state,
      status: 'CONFIRMED',
      bank_ref: `BRIR${String(this.nextRemittanceSeq++).padStart(10, '0')}`,
    };
  }

  private reject(batch: Batch, reason: string): void {
    // The collections go back to the koperasi's pool: a later batch may carry them.
    for (const item of batch.request.items)
      if (this.remitted.get(item.reference) === batch.request.batch_ref)
        this.remitted.delete(item.reference);
    batch.state = { ...batch.state, status: 'REJECTED', reason };
  }

  private problemOf(request: RemittanceRequest): string | null {
    let sumRp = 0;
    const seen = new Set<string>();
    for (const item of request.items) {
      sumRp += item.amount_rp;
      if (seen.has(item.reference))
        return `Collection ${item.reference} appears twice in the batch`;
      seen.add(item.reference);
      if (!this.faultsNow.checkRemittanceItems) continue;
      const collection = this.collections.get(item.reference);
      if (!collection) return `Collection ${item.reference} was never notified to the bank`;
      if (collection.notice.amount_rp !== item.amount_rp) {
        return `Collection ${item.reference} was notified as ${collection.notice.amount_rp}, not ${item.amount_rp}`;
      }
      const holder = this.remitted.get(item.reference);
      if (holder) return `Collection ${item.reference} is already in batch ${holder}`;
    }
    if (sumRp !== request.total_rp)
      return `total_rp ${request.total_rp} is not the sum of the items, ${sumRp}`;
    return null;
  }

  private loanOf(loanNo: string): LoanAccount | null {
    const known = this.loans.get(loanNo);
    if (known) return known;
    const opened = openLoanAccount(loanNo);
    if (opened) bounded(this.loans).set(loanNo, opened);
    return opened;
  }
}

function loanNotFound(loanNo: string): BankAnswer {
  return error(HttpStatus.NOT_FOUND, 'LOAN_NOT_FOUND', `No loan ${loanNo} at the bank`);
}

function error(status: number, code: string, message: string): BankAnswer {
  return { status, body: { statusCode: status, error: code, code, message, details: null } };
}

/** Forgets the oldest record once a map is full, so a long run cannot exhaust memory. */
function bounded<V>(map: Map<string, V>): Map<string, V> {
  if (map.size >= BANK_RECORD_CAPACITY) map.delete(map.keys().next().value as string);
  return map;
}
