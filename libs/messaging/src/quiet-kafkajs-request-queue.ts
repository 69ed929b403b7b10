import { createRequire } from 'node:module';

/** The part of kafkajs's internal RequestQueue (kafkajs 2.2.4, src/network/requestQueue) this fix touches. */
export interface KafkajsRequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own pause before it looks again at requests held back by a full in-flight window. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

const require = createRequire(import.meta.url);
/** The class every kafkajs connection makes its queue from (CommonJS, so the same module object kafkajs uses). */
export const KafkajsRequestQueueClass = require('kafkajs/src/network/requestQueue/index.js') as {
  prototype: KafkajsRequestQueue;
};

let quieted = false;

/**
 * kafkajs 2.2.4 (the last release) re-arms a timer of `throttledUntil - now` after every check of a
 * connection's queue, even with nothing pending and no throttle: a negative delay, which Node runs after
 * 1 ms. Every connection of every client so spins a timer 1000 times a second for as long as it is open
 * (tulios/kafkajs#1556, #1704, fixed in no release). With nothing pending and no throttle there is nothing
 * to check: a request that cannot go out at once is pushed to `pending` and schedules its own check, and
 * every answered request checks the queue. A throttle still schedules the check for its end.
 */
export function quietKafkajsRequestQueue(): void {
  if (quieted) return;
  quieted = true;
  KafkajsRequestQueueClass.prototype.scheduleCheckPendingRequests = function (
    this: KafkajsRequestQueue,
  ) {
    if (this.throttleCheckTimeoutId) return;
    const throttledForMs = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && throttledForMs <= 0) return;
    const delayMs =
      this.pending.length > 0 && throttledForMs <= 0
        ? CHECK_PENDING_REQUESTS_INTERVAL_MS
        : throttledForMs;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delayMs);
  };
}
