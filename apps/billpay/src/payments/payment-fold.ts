import type { EventEnvelope } from '@koperasi/contracts';
import { evolvePayment, noPayment, type PaymentEvent, type PaymentState } from '../domain/index.js';

/** A payment's state with the koperasi it belongs to, which its events' envelopes name. */
export interface PaymentFold {
  payment: PaymentState;
  /** Null for a stream with no events: no such payment. */
  koperasiId: string | null;
}

/** A payment's state from its stream: its one source of truth. */
export function foldPayment(history: EventEnvelope[]): PaymentFold {
  return {
    payment: (history as unknown as PaymentEvent[]).reduce(evolvePayment, noPayment),
    koperasiId: history[0]?.koperasiId ?? null,
  };
}
