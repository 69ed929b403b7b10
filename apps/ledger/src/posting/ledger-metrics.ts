import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@koperasi/platform';
import type { JournalEntry, SourceService } from '../domain/index.js';

const entriesPosted = new Counter({
  name: 'ledger_entries_posted_total',
  help: 'Journal entries written by the live projections, by source service (a batch whose commit then fails is counted too)',
  labelNames: ['service'],
  registers: [metricsRegistry],
});

const postLagSeconds = new Histogram({
  name: 'ledger_post_lag_seconds',
  help: 'From the event occurring in its service to its journal entry being written',
  labelNames: ['service'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

export function recordPosted(
  service: SourceService,
  entries: readonly JournalEntry[],
  now = Date.now(),
): void {
  entriesPosted.inc({ service }, entries.length);
  for (const entry of entries)
    postLagSeconds.observe({ service }, Math.max(0, now - Date.parse(entry.occurredAt)) / 1000);
}
