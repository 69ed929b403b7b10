import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { AggregatorCallback } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, isUniqueViolation } from '@koperasi/service-kit';
import { isCallbackSignatureValid } from '../aggregator/aggregator-signature.js';
import { outcomeOf } from '../domain/index.js';
import {
  BILLPAY_CONFIG,
  type AggregatorConfig,
  type BillpayConfig,
} from '../infrastructure/billpay-config.js';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';
import { callbacksTotal } from '../metrics/billpay-metrics.js';
import { PaymentResolver, type ResolutionResult } from '../payments/payment-resolver.js';

export const CALLBACK_PROVIDERS = ['digiflazz'] as const;

type Verdict = 'FORGED' | 'MALFORMED' | 'STALE' | 'REPLAYED' | 'ACCEPTED' | ResolutionResult;

export interface CallbackAnswer {
  verdict: Verdict;
  paymentId: string | null;
}

/** How far ahead of our clock a callback's sent_at may be: clocks drift, a callback from the future is forged. */
const MAX_CLOCK_SKEW_MS = 60_000;
/** Enough of a forged body to investigate it, not enough to fill the disk. */
const MAX_LOGGED_BODY = 4_000;

/**
 * The aggregator's callbacks. Only a callback signed over its exact raw bytes with our callback secret, sent
 * recently and not seen before, can change a payment; every other one is refused, logged and stored as
 * evidence, and changes nothing.
 */
@Injectable()
export class CallbackService {
  private readonly logger = new Logger(CallbackService.name);
  private readonly config: AggregatorConfig;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BILLPAY_CONFIG) config: BillpayConfig,
    private readonly resolver: PaymentResolver,
  ) {
    this.config = config.aggregator;
  }

  async receive(provider: string, rawBody: Buffer, signature: unknown): Promise<CallbackAnswer> {
    const sig = typeof signature === 'string' ? signature.slice(0, 200) : null;
    if (!isCallbackSignatureValid(this.config.callbackSecret, rawBody, signature)) {
      await this.refuse(
        provider,
        rawBody,
        sig,
        null,
        'FORGED',
        'the X-Hub-Signature does not match the body',
      );
      throw new BillpayHttpError(
        HttpStatus.UNAUTHORIZED,
        'INVALID_SIGNATURE',
        'The callback signature does not match its body',
      );
    }
    const callback = parseCallback(rawBody);
    if (typeof callback === 'string') {
      await this.refuse(provider, rawBody, sig, null, 'MALFORMED', callback);
      throw new BillpayHttpError(HttpStatus.BAD_REQUEST, 'MALFORMED_CALLBACK', callback);
    }
    const ageMs = Date.now() - Date.parse(callback.sent_at);
    if (!(ageMs <= this.config.callbackMaxAgeMs && ageMs >= -MAX_CLOCK_SKEW_MS)) {
      await this.refuse(
        provider,
        rawBody,
        sig,
        callback,
        'STALE',
        `sent_at ${callback.sent_at} is outside the accepted window`,
      );
      throw new BillpayHttpError(
        HttpStatus.UNAUTHORIZED,
        'STALE_CALLBACK',
        `The callback was sent at ${callback.sent_at}, too long ago to be trusted`,
      );
    }
    let logId: string;
    try {
      logId = await this.log(
        provider,
        rawBody,
        sig,
        callback,
        'ACCEPTED',
        'signature and age checked',
      );
    } catch (error) {
      if (!isUniqueViolation(error, 'callbacks_accepted_once')) throw error;
      await this.refuse(
        provider,
        rawBody,
        sig,
        callback,
        'REPLAYED',
        `callback_id ${callback.callback_id} was already received`,
      );
      throw new BillpayHttpError(
        HttpStatus.CONFLICT,
        'REPLAYED_CALLBACK',
        `Callback ${callback.callback_id} was already received`,
      );
    }
    const outcome = outcomeOf(callback.data, 'CALLBACK');
    const resolution =
      outcome.kind === 'SUCCESS' || outcome.kind === 'FAILED' || outcome.kind === 'PENDING'
        ? await this.resolver.resolve({ refId: callback.data.ref_id }, outcome, {
            actor: `system:${provider}-callback`,
            causationId: callback.callback_id,
          })
        : { result: 'UNCHANGED' as const, paymentId: null };
    await this.pool.query('UPDATE callbacks SET verdict = $2, detail = $3 WHERE id = $1', [
      logId,
      resolution.result,
      `${outcome.kind} for ref ${callback.data.ref_id}`,
    ]);
    callbacksTotal.inc({ verdict: resolution.result });
    if (resolution.result === 'UNKNOWN_PAYMENT') {
      this.logger.warn(
        `callback ${callback.callback_id} names ref ${callback.data.ref_id}, which is not one of our payments`,
      );
    }
    return { verdict: resolution.result, paymentId: resolution.paymentId };
  }

  private async refuse(
    provider: string,
    rawBody: Buffer,
    signature: string | null,
    callback: AggregatorCallback | null,
    verdict: Verdict,
    detail: string,
  ): Promise<void> {
    this.logger.warn(`callback refused (${verdict}) from ${provider}: ${detail}`);
    callbacksTotal.inc({ verdict });
    await this.log(provider, rawBody, signature, callback, verdict, detail);
  }

  private async log(
    provider: string,
    rawBody: Buffer,
    signature: string | null,
    callback: AggregatorCallback | null,
    verdict: Verdict,
    detail: string,
  ): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO callbacks (provider, callback_id, ref_id, verdict, detail, signature, body) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        provider,
        callback?.callback_id ?? null,
        callback?.data.ref_id ?? null,
        verdict,
        detail,
        signature,
        rawBody.toString('utf8').slice(0, MAX_LOGGED_BODY),
      ],
    );
    return rows[0].id;
  }
}

function parseCallback(rawBody: Buffer): AggregatorCallback | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  const candidate = parsed as Partial<AggregatorCallback> | null;
  if (typeof candidate?.callback_id !== 'string' || candidate.callback_id === '')
    return 'callback_id is missing';
  if (typeof candidate.sent_at !== 'string' || Number.isNaN(Date.parse(candidate.sent_at)))
    return 'sent_at is missing or not a time';
  if (typeof candidate.data?.ref_id !== 'string' || candidate.data.ref_id === '')
    return 'data.ref_id is missing';
  return candidate as AggregatorCallback;
}
