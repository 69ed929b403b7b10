import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@koperasi/platform';
import type { JournalEntry } from '../domain/index.js';

const entriesPosted = new Counter({
  name: 'ledger_entries_posted_total',
  help: 'Journal entries written by the members-events projection (a batch whose commit then fails is counted too)',
  registers: [metricsRegistry],
});

const postLagSeconds = new Histogram({
  name: 'ledger_post_lag_seconds',
  help: 'From the event occurring in the members service to its journal entry being written',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

export function recordPosted(entries: readonly JournalEntry[], now = Date.now()): void {
  entriesPosted.inc(entries.length);
  for (const entry of entries) postLagSeconds.observe(Math.max(0, now - Date.parse(entry.occurredAt)) / 1000);
}
