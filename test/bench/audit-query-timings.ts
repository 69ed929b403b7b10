import type pg from 'pg';
import { readAuditEvents, readAuditStream, type AuditEventFilter } from '@koperasi/service-kit';
import { auditEntries } from '../../apps/ledger/src/audit-jobs/audit-entries.query.js';
import { trialBalanceOf } from '../../apps/ledger/src/queries/trial-balance/trial-balance.query.js';
import { WHOLE_JOURNAL_SUMS_AS_OF } from '../../apps/ledger/test/whole-journal-sums.js';
import type { HistoryService } from './history-generator.js';
import { percentile } from './percentile.js';

export interface QueryTiming {
  query: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Rows of the last run, so a query that found nothing is seen rather than timed as fast. */
  rows: number;
}

/** The gateway's pages: 100 on screen, 1000 per export page (apps/gateway audit controllers). */
const SCREEN_PAGE = 100;
const EXPORT_PAGE = 1000;
const START = { transactionId: '0', globalPosition: '0' };

interface Sample {
  koperasiId: string;
  streamId: string;
  type: string;
  correlationId: string;
  occurredAt: Date;
  accountCode: string;
}

/**
 * Times the auditor's main queries as the services run them (the same query functions their endpoints call,
 * without HTTP), each `runs` times over different koperasi, streams, types and windows picked from the history.
 */
export async function timeAuditQueries(
  stores: Record<HistoryService, pg.Pool>,
  ledger: pg.Pool,
  runs: number,
): Promise<QueryTiming[]> {
  const samples = await pickSamples(stores.billpay, ledger, runs);
  const { rows: everyKoperasi } = await ledger.query<{ koperasi_id: string }>(
    'SELECT DISTINCT koperasi_id FROM account_balances',
  );
  const city = everyKoperasi.map((row) => row.koperasi_id);
  const events = (sample: Sample, filter: Partial<AuditEventFilter>, limit = SCREEN_PAGE) =>
    readAuditEvents(
      stores.billpay,
      {
        koperasiIds: [sample.koperasiId],
        types: null,
        from: null,
        to: null,
        correlationId: null,
        after: START,
        ...filter,
      },
      limit,
    ).then((page) => page.events.length);
  const deepCursors = await middleCursors(stores.billpay, samples);

  const queries: Record<string, (sample: Sample, index: number) => Promise<number>> = {
    events_of_stream: (sample) =>
      readAuditStream(stores.billpay, sample.streamId, [sample.koperasiId], 1, 1000).then(
        (page) => page?.events.length ?? 0,
      ),
    events_by_type: (sample) => events(sample, { types: [sample.type] }),
    events_in_window_1h: (sample) =>
      events(sample, {
        from: sample.occurredAt,
        to: new Date(sample.occurredAt.getTime() + 3_600_000),
      }),
    events_by_correlation: (sample) => events(sample, { correlationId: sample.correlationId }),
    events_page_deep_in_history: (sample, index) => events(sample, { after: deepCursors[index] }),
    events_city_first_page: () =>
      readAuditEvents(
        stores.billpay,
        { koperasiIds: city, types: null, from: null, to: null, correlationId: null, after: START },
        SCREEN_PAGE,
      ).then((page) => page.events.length),
    events_city_by_type: (sample) =>
      readAuditEvents(
        stores.billpay,
        {
          koperasiIds: city,
          types: [sample.type],
          from: null,
          to: null,
          correlationId: null,
          after: START,
        },
        SCREEN_PAGE,
      ).then((page) => page.events.length),
    entries_of_account: (sample) =>
      auditEntries(
        ledger,
        {
          koperasiIds: [sample.koperasiId],
          from: null,
          to: null,
          accountCode: sample.accountCode,
          sourceEventId: null,
          after: '0',
        },
        SCREEN_PAGE,
      ).then((page) => page.entries.length),
    trial_balance_as_of: (sample) =>
      trialBalanceOf(ledger, sample.koperasiId, sample.occurredAt).then(
        (view) => view.lines.length,
      ),
    // The same books summed over the whole journal up to the cut-off, as before the day sums: the baseline.
    trial_balance_as_of_whole_journal: (sample) =>
      ledger
        .query(WHOLE_JOURNAL_SUMS_AS_OF, [sample.koperasiId, sample.occurredAt])
        .then((result) => result.rows.length),
    export_events_first_page: (sample) => events(sample, {}, EXPORT_PAGE),
    export_entries_first_page: (sample) =>
      auditEntries(
        ledger,
        {
          koperasiIds: [sample.koperasiId],
          from: null,
          to: null,
          accountCode: null,
          sourceEventId: null,
          after: '0',
        },
        EXPORT_PAGE,
      ).then((page) => page.entries.length),
  };
  const timings: QueryTiming[] = [];
  for (const [query, run] of Object.entries(queries)) {
    const durations: number[] = [];
    let rows = 0;
    for (const [index, sample] of samples.entries()) {
      const startedMs = performance.now();
      rows = await run(sample, index);
      durations.push(performance.now() - startedMs);
    }
    timings.push({
      query,
      runs: durations.length,
      p50Ms: round(percentile(durations, 0.5)),
      p99Ms: round(percentile(durations, 0.99)),
      maxMs: round(Math.max(...durations)),
      rows,
    });
  }
  return timings;
}

/** Random billpay events, each with its koperasi, and an account that koperasi has posted to. */
async function pickSamples(billpay: pg.Pool, ledger: pg.Pool, count: number): Promise<Sample[]> {
  const { rows } = await billpay.query<{
    koperasi_id: string;
    stream_id: string;
    type: string;
    correlation_id: string;
    occurred_at: Date;
  }>(
    `SELECT metadata->>'koperasiId' AS koperasi_id, stream_id, type, metadata->>'correlationId' AS correlation_id, occurred_at
     FROM events TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT $1`,
    [count],
  );
  const samples: Sample[] = [];
  for (const row of rows) {
    const { rows: accounts } = await ledger.query<{ account_code: string }>(
      'SELECT account_code FROM account_balances WHERE koperasi_id = $1 ORDER BY random() LIMIT 1',
      [row.koperasi_id],
    );
    samples.push({
      koperasiId: row.koperasi_id,
      streamId: row.stream_id,
      type: row.type,
      correlationId: row.correlation_id,
      occurredAt: row.occurred_at,
      accountCode: accounts[0]?.account_code ?? '111000',
    });
  }
  return samples;
}

/** For each sample, the commit position halfway through its koperasi's events: a page an auditor reaches by paging on. */
async function middleCursors(
  billpay: pg.Pool,
  samples: Sample[],
): Promise<AuditEventFilter['after'][]> {
  const cursors: AuditEventFilter['after'][] = [];
  for (const sample of samples) {
    const { rows } = await billpay.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id::text, global_position::text FROM events WHERE metadata->>'koperasiId' = $1
       ORDER BY transaction_id, global_position OFFSET (SELECT count(*) / 2 FROM events WHERE metadata->>'koperasiId' = $1) LIMIT 1`,
      [sample.koperasiId],
    );
    cursors.push(
      rows[0]
        ? { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position }
        : START,
    );
  }
  return cursors;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
