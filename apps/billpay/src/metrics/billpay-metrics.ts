import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@koperasi/platform';

export const aggregatorCallSeconds = new Histogram({
  name: 'billpay_aggregator_call_duration_seconds',
  help: 'Aggregator HTTP calls by operation and outcome (ok, timeout, network, http_error, malformed)',
  labelNames: ['operation', 'outcome'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export interface PendingPaymentCount {
  status: string;
  n: number;
}

let countPendingPayments: (() => Promise<PendingPaymentCount[]>) | null = null;

/** Where the gauge below reads its figures when /metrics is scraped; the dispatcher gives it its pool. */
export function countPendingPaymentsWith(count: () => Promise<PendingPaymentCount[]>): void {
  countPendingPayments = count;
}

/**
 * Counted in the database when /metrics is scraped, so it counts what every process left unresolved, and a
 * process nobody scrapes does not count them every second at rest.
 */
export const pendingPaymentsGauge = new Gauge({
  name: 'billpay_pending_payments',
  help: 'Payments whose outcome is not known yet (PROCESSING or PENDING)',
  labelNames: ['status'],
  registers: [metricsRegistry],
  async collect() {
    if (!countPendingPayments) return;
    const counts = await countPendingPayments();
    this.reset();
    for (const { status, n } of counts) this.set({ status }, n);
  },
});

export const dispatchQueueGauge = new Gauge({
  name: 'billpay_dispatch_queue_length',
  help: 'Payments waiting for an aggregator call slot in this process',
  registers: [metricsRegistry],
});

export const callbacksTotal = new Counter({
  name: 'billpay_callbacks_total',
  help: 'Aggregator callbacks received, by verdict',
  labelNames: ['verdict'],
  registers: [metricsRegistry],
});
