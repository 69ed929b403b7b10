import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@koperasi/platform';

export const aggregatorCallSeconds = new Histogram({
  name: 'billpay_aggregator_call_duration_seconds',
  help: 'Aggregator HTTP calls by operation and outcome (ok, timeout, network, http_error, malformed)',
  labelNames: ['operation', 'outcome'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/** Set by the dispatcher's scan from the database, so it counts what every process left unresolved. */
export const pendingPaymentsGauge = new Gauge({
  name: 'billpay_pending_payments',
  help: 'Payments whose outcome is not known yet (PROCESSING or PENDING)',
  labelNames: ['status'],
  registers: [metricsRegistry],
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
