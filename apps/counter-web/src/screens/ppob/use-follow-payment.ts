import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { takeOver } from './payment-cache';
import type { Payment } from './product-kinds';

/** Every couple of seconds, for two minutes at most; then the teller asks again by hand. */
export const POLL_INTERVAL_MS = 2_000;
const MAX_POLLS = 60;

export interface FollowedPayment {
  payment: Payment | null;
  /** Why the payment could not be read (nothing shown yet, or it does not exist). */
  error: string | null;
  /** Still PROCESSING/PENDING after the last poll: not followed any more until checkAgain(). */
  gaveUp: boolean;
  checkAgain: () => void;
}

const isFinal = (payment: Payment | null) =>
  payment?.status === 'SUCCESS' || payment?.status === 'FAILED';

/**
 * The payment as it stands, followed while it is being processed (GET /billpay/payments/{id}) until it is
 * SUCCESS or FAILED. A failed read while following is tried again at the next poll; the screen keeps showing
 * the last known state.
 */
export function useFollowPayment(paymentId: string): FollowedPayment {
  const [payment, setPayment] = useState<Payment | null>(() => takeOver(paymentId));
  const [error, setError] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  const [round, setRound] = useState(0);
  const known = useRef(payment);
  known.current = payment;

  useEffect(() => {
    if (isFinal(known.current) && known.current?.paymentId === paymentId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    setGaveUp(false);
    const read = async () => {
      try {
        const now = await api.get('/api/v1/billpay/payments/{id}', {
          path: { id: paymentId },
          signal: controller.signal,
        });
        setPayment(now);
        setError(null);
        if (isFinal(now)) return;
      } catch (failure) {
        if (controller.signal.aborted) return;
        if (
          failure instanceof ApiError &&
          (failure.status === 404 || failure.status === 401 || failure.status === 403)
        ) {
          setError(describeError(failure));
          return;
        }
        if (!known.current) setError(describeError(failure));
      }
      polls += 1;
      if (polls >= MAX_POLLS) setGaveUp(true);
      else timer = setTimeout(read, POLL_INTERVAL_MS);
    };
    // A payment handed over by the pay step is fresh: the first read waits one interval.
    if (known.current?.paymentId === paymentId) timer = setTimeout(read, POLL_INTERVAL_MS);
    else void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [paymentId, round]);

  return {
    payment: payment?.paymentId === paymentId ? payment : null,
    error,
    gaveUp,
    checkAgain: () => setRound((value) => value + 1),
  };
}
