import { Injectable } from '@nestjs/common';

/** Waiters beyond this are answered by their database re-reads alone. */
const MAX_WAITERS = 10_000;

/**
 * In-process news that a payment changed, so a waiting request answers the moment the dispatcher or a
 * callback records an outcome instead of at its next database read.
 */
@Injectable()
export class PaymentOutcomes {
  private readonly waiters = new Map<string, Set<() => void>>();
  private count = 0;

  notify(paymentId: string): void {
    const waiting = this.waiters.get(paymentId);
    if (!waiting) return;
    this.waiters.delete(paymentId);
    this.count -= waiting.size;
    for (const wake of waiting) wake();
  }

  /** Resolves on the next change of `paymentId` or after `timeoutMs`, whichever is first. */
  next(paymentId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.count >= MAX_WAITERS) {
        setTimeout(resolve, timeoutMs);
        return;
      }
      const waiting = this.waiters.get(paymentId) ?? new Set<() => void>();
      this.waiters.set(paymentId, waiting);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        if (waiting.delete(wake)) this.count -= 1;
        if (waiting.size === 0 && this.waiters.get(paymentId) === waiting)
          this.waiters.delete(paymentId);
        resolve();
      }, timeoutMs);
      waiting.add(wake);
      this.count += 1;
    });
  }
}
