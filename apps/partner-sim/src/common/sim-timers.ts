import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Every delay the simulator schedules (latency, pending resolution, callback retries, hung connections) goes
 * through here, so a reset or a shutdown cancels them all instead of leaving timers firing into a new run.
 */
@Injectable()
export class SimTimers implements OnModuleDestroy {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** Runs `task` after `ms`; returns nothing to cancel because `cancelAll` is the only cancellation needed. */
  after(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      task();
    }, ms);
    this.pending.set(timer, () => undefined);
  }

  /** Resolves after `ms`, or at once when everything is cancelled. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  cancelAll(): void {
    for (const [timer, release] of this.pending) {
      clearTimeout(timer);
      release();
    }
    this.pending.clear();
  }

  onModuleDestroy(): void {
    this.cancelAll();
  }
}
