import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AggregatorCallback, TransactionResult } from '@koperasi/contracts';
import { CALLBACK_SIGNATURE_HEADER } from '@koperasi/contracts';
import { SimTimers } from '../common/sim-timers.js';
import { PARTNER_SIM_OPTIONS, type PartnerSimOptions } from '../partner-sim-options.js';
import { callbackSignature } from './signatures.js';

export interface CallbackDelivery {
  callback_id: string;
  ref_id: string;
  attempt: number;
  sent_at: string;
  url: string;
  /** The receiver's HTTP status; null when it could not be reached. */
  http_status: number | null;
  error: string | null;
  /** Exactly what was sent, so a test can replay it. */
  raw_body: string;
  signature: string;
}

export const CALLBACK_DELIVERY_LOG_CAPACITY = 10_000;
const ATTEMPT_TIMEOUT_MS = 5_000;
const FIRST_RETRY_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 5_000;

/**
 * POSTs signed callbacks; a delivery that fails (no answer, or not 2xx) is tried again with backoff, up to
 * the attempts allowed. Each attempt is a new callback (new callback_id and sent_at), signed afresh.
 */
@Injectable()
export class CallbackSender implements OnModuleDestroy {
  private readonly logger = new Logger('CallbackSender');
  private deliveries: CallbackDelivery[] = [];
  /** Bumped by a reset, so deliveries of an earlier run stop retrying. */
  private epoch = 0;

  constructor(
    @Inject(PARTNER_SIM_OPTIONS) private readonly options: PartnerSimOptions,
    private readonly timers: SimTimers,
  ) {}

  send(result: TransactionResult, maxAttempts: number): void {
    void this.attempt(result, 1, maxAttempts, this.epoch);
  }

  list(refId?: string): CallbackDelivery[] {
    return refId === undefined
      ? [...this.deliveries]
      : this.deliveries.filter((delivery) => delivery.ref_id === refId);
  }

  reset(): void {
    this.epoch += 1;
    this.deliveries = [];
  }

  /** A delivery still waiting for its answer at shutdown must not schedule a retry. */
  onModuleDestroy(): void {
    this.epoch += 1;
  }

  private async attempt(
    result: TransactionResult,
    attempt: number,
    maxAttempts: number,
    epoch: number,
  ): Promise<void> {
    const callback: AggregatorCallback = {
      callback_id: randomUUID(),
      sent_at: new Date().toISOString(),
      data: result,
    };
    const rawBody = JSON.stringify(callback);
    const signature = callbackSignature(this.options.aggregatorCallbackSecret, rawBody);
    const url = this.options.aggregatorCallbackUrl;
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLBACK_SIGNATURE_HEADER]: signature },
        body: rawBody,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      httpStatus = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (caught) {
      error =
        caught instanceof Error
          ? `${caught.message}${caught.cause ? `: ${String(caught.cause)}` : ''}`
          : String(caught);
    }
    if (epoch !== this.epoch) return;
    this.remember({
      callback_id: callback.callback_id,
      ref_id: result.ref_id,
      attempt,
      sent_at: callback.sent_at,
      url,
      http_status: httpStatus,
      error,
      raw_body: rawBody,
      signature,
    });
    const delivered = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
    if (delivered) return;
    if (attempt >= maxAttempts) {
      this.logger.warn(
        `callback for ${result.ref_id} not delivered after ${attempt} attempts (${httpStatus ?? error})`,
      );
      return;
    }
    const retryDelayMs = Math.min(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
    this.timers.after(
      retryDelayMs,
      () => void this.attempt(result, attempt + 1, maxAttempts, epoch),
    );
  }

  private remember(delivery: CallbackDelivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > CALLBACK_DELIVERY_LOG_CAPACITY)
      this.deliveries.splice(0, this.deliveries.length - CALLBACK_DELIVERY_LOG_CAPACITY);
  }
}
