import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from '../support/api-client.js';

/** What the counter was finally told about one request. */
export type FinalAnswer = 'succeeded' | 'refused' | 'gave-up';

export interface CounterRequestRecord {
  kind: string;
  key: string;
  path: string;
  body: unknown;
  koperasi: number;
  answer: FinalAnswer;
  status: number | null;
  response: any;
  attempts: number;
  sentAtMs: number;
  answeredAtMs: number;
  /** The slowest single HTTP attempt. */
  worstLatencyMs: number;
}

export interface RetryPolicy {
  /** Bounded: after this many attempts the request is left "gave-up" and asked again once the suite recovered. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A hung connection (a SIGSTOPped gateway) counts as no answer after this long. */
  attemptTimeoutMs: number;
}

/**
 * As the counter app behaves: a timeout, a reset connection, 502/503/504 or "outcome unknown" is asked again with
 * the SAME Idempotency-Key and body, with backoff, until a final answer. A 500 is retried too but counted: the
 * API promises never to answer one.
 */
export class CounterClient {
  readonly records: CounterRequestRecord[] = [];
  serverErrors = 0;
  /** The first few 500 answers, to say where the API broke its promise. */
  readonly serverErrorExamples: string[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly koperasi: number,
    private readonly policy: RetryPolicy,
  ) {}

  async write(
    kind: string,
    path: string,
    body: unknown,
    key: string = randomUUID(),
  ): Promise<CounterRequestRecord> {
    const record: CounterRequestRecord = {
      kind,
      key,
      path,
      body,
      koperasi: this.koperasi,
      answer: 'gave-up',
      status: null,
      response: null,
      attempts: 0,
      sentAtMs: Date.now(),
      answeredAtMs: 0,
      worstLatencyMs: 0,
    };
    this.records.push(record);
    await this.askUntilAnswered(record, this.policy.maxAttempts);
    return record;
  }

  /** Asks a request left without an answer again, with its key, once the suite is back. */
  async askAgain(record: CounterRequestRecord, attempts: number): Promise<void> {
    await this.askUntilAnswered(record, record.attempts + attempts);
  }

  private async askUntilAnswered(record: CounterRequestRecord, maxAttempts: number): Promise<void> {
    while (record.attempts < maxAttempts) {
      record.attempts += 1;
      const startedMs = Date.now();
      const response = await withTimeout(
        this.api.post(record.path, record.body, record.key),
        this.policy.attemptTimeoutMs,
      ).catch(() => null);
      record.worstLatencyMs = Math.max(record.worstLatencyMs, Date.now() - startedMs);
      if (response && isFinal(response)) {
        record.answer = response.status < 300 ? 'succeeded' : 'refused';
        record.status = response.status;
        record.response = response.body;
        record.answeredAtMs = Date.now();
        return;
      }
      if (response?.status === 500) {
        this.serverErrors += 1;
        if (this.serverErrorExamples.length < 3)
          this.serverErrorExamples.push(
            `${record.path}: ${JSON.stringify(response.body).slice(0, 200)}`,
          );
      }
      record.status = response?.status ?? null;
      const delayMs = Math.min(
        this.policy.maxDelayMs,
        this.policy.baseDelayMs * 2 ** Math.min(record.attempts - 1, 8),
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs * (0.5 + Math.random() / 2)));
    }
  }
}

function isFinal(response: ApiResponse): boolean {
  return ![500, 502, 503, 504].includes(response.status);
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
