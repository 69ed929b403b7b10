import { useState } from 'preact/hooks';
import { newIdempotencyKey } from '../api/client';

export interface KeyedSubmit {
  busy: boolean;
  /** A refusal no field explains, for ActionFailure. */
  failure: unknown;
  clearFailure: () => void;
  /** Wraps a field's setter: changed figures are another request, so they get a new key and the failure goes. */
  edit: <T>(set: (value: T) => void) => (value: T) => void;
  /**
   * Sends with the form's Idempotency-Key, made at the first send of these figures and kept for every resend
   * of them, so a request that timed out and is sent again is done once; after a success the next gets a new
   * one. A refusal goes to onRefused, which returns true when it explained it at a field.
   */
  submit: (
    send: (idempotencyKey: string) => Promise<void>,
    onRefused: (error: unknown) => boolean,
  ) => Promise<void>;
}

/** One keyed form of the supervisor's (a top-up, a bank slip, a fee settlement): its key, busy flag and refusal. */
export function useKeyedSubmit(): KeyedSubmit {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);

  const edit =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setIdempotencyKey(null);
      setFailure(null);
    };

  const submit: KeyedSubmit['submit'] = async (send, onRefused) => {
    const key = idempotencyKey ?? newIdempotencyKey();
    setIdempotencyKey(key);
    setBusy(true);
    try {
      await send(key);
      setIdempotencyKey(null);
    } catch (error) {
      if (!onRefused(error)) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return { busy, failure, clearFailure: () => setFailure(null), edit, submit };
}
