import { once } from 'node:events';
import type { Writable } from 'node:stream';
import pg from 'pg';
import type { ProgressListener } from '../progress.js';
import { lastPosition, positionWindows } from '../sources/position-windows.js';
import type { ServiceStore } from '../sources/service-stores.js';
import { isoFromPostgresUtc } from '../verify/chain-partition.js';

export type ExportKind = 'events' | 'entries';
export type ExportFormat = 'csv' | 'jsonl';

export interface ExportOptions {
  kind: ExportKind;
  format: ExportFormat;
  koperasiId: string;
  /** Occurred at or after. */
  from: Date;
  /** Occurred before. */
  to: Date;
  out: Writable;
  /** For events: every service's store. */
  stores: readonly ServiceStore[];
  /** For journal entries. */
  ledgerDatabaseUrl: string;
  pageSize?: number;
}

export interface ExportResult {
  kind: ExportKind;
  format: ExportFormat;
  /** Events, or journal entries (a CSV has a row per line of an entry). */
  records: number;
  rows: number;
}

const DEFAULT_PAGE_SIZE = 5_000;

const EVENT_CSV_COLUMNS = [
  'service',
  'global_position',
  'stream_id',
  'stream_version',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'koperasi_id',
  'actor',
  'correlation_id',
  'causation_id',
  'data',
  'prev_hash',
  'hash',
];
const ENTRY_CSV_COLUMNS = [
  'entry_id',
  'source_event_id',
  'koperasi_id',
  'occurred_at',
  'posted_at',
  'description',
  'source_service',
  'event_type',
  'stream_id',
  'stream_version',
  'actor',
  'correlation_id',
  'causation_id',
  'line_no',
  'account_code',
  'account_name',
  'debit_rp',
  'credit_rp',
  'teller_id',
  'member_id',
  'fee_source',
  'product_code',
];

/**
 * Writes one koperasi's events (every service, in each store's position order, with the hashes an auditor's
 * tool can re-check) or journal entries (with their lines and trace) in a time range, as CSV or JSON Lines.
 */
export async function exportHistory(
  options: ExportOptions,
  onProgress?: ProgressListener,
): Promise<ExportResult> {
  if (!(options.from.getTime() < options.to.getTime()))
    throw new Error('the export range is empty: from must be before to');
  const writer = new LineWriter(options.out);
  const result: ExportResult = { kind: options.kind, format: options.format, records: 0, rows: 0 };
  const progress = () =>
    onProgress?.({
      phase: `export ${options.kind}`,
      done: result.records,
      total: null,
      unit: 'rows',
    });
  if (options.kind === 'events') {
    if (options.format === 'csv') await writer.line(csvLine(EVENT_CSV_COLUMNS));
    for (const store of options.stores) {
      await exportStoreEvents(store, options, async (row) => {
        if (options.format === 'csv') {
          await writer.line(
            csvLine([
              store.service,
              row.global_position,
              row.stream_id,
              row.stream_version,
              row.event_id,
              row.type,
              row.schema_version,
              row.occurred_at,
              row.koperasi_id,
              row.actor,
              row.correlation_id,
              row.causation_id,
              JSON.stringify(row.data),
              row.prev_hash,
              row.hash,
            ]),
          );
        } else {
          await writer.line(
            JSON.stringify({
              service: store.service,
              globalPosition: row.global_position,
              eventId: row.event_id,
              type: row.type,
              schemaVersion: row.schema_version,
              streamId: row.stream_id,
              streamVersion: row.stream_version,
              koperasiId: row.koperasi_id,
              occurredAt: row.occurred_at,
              actor: row.actor,
              correlationId: row.correlation_id,
              causationId: row.causation_id,
              data: row.data,
              prevHash: row.prev_hash,
              hash: row.hash,
            }),
          );
        }
        result.records += 1;
        result.rows += 1;
        if (result.records % 10_000 === 0) progress();
      });
    }
  } else {
    if (options.format === 'csv') await writer.line(csvLine(ENTRY_CSV_COLUMNS));
    await exportEntries(options, async (entry) => {
      if (options.format === 'csv') {
        for (const line of entry.lines) {
          await writer.line(
            csvLine([
              entry.id,
              entry.sourceEventId,
              entry.koperasiId,
              entry.occurredAt,
              entry.postedAt,
              entry.description,
              entry.trace.service,
              entry.trace.eventType,
              entry.trace.streamId,
              entry.trace.streamVersion,
              entry.trace.actor,
              entry.trace.correlationId,
              entry.trace.causationId,
              line.lineNo,
              line.accountCode,
              line.accountName,
              line.debitRp,
              line.creditRp,
              line.tellerId,
              line.memberId,
              line.feeSource,
              line.productCode,
            ]),
          );
          result.rows += 1;
        }
      } else {
        await writer.line(JSON.stringify(entry));
        result.rows += 1;
      }
      result.records += 1;
      if (result.records % 10_000 === 0) progress();
    });
  }
  await writer.end();
  progress();
  return result;
}

interface EventExportRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  occurred_at: string;
  koperasi_id: string;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  prev_hash: string;
  hash: string;
}

async function exportStoreEvents(
  store: ServiceStore,
  options: ExportOptions,
  emit: (row: EventExportRow) => Promise<void>,
): Promise<void> {
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    for (const [after, through] of positionWindows(
      0n,
      await lastPosition(client),
      options.pageSize ?? DEFAULT_PAGE_SIZE,
    )) {
      const { rows } = await client.query<EventExportRow>(
        `SELECT global_position::text, stream_id, stream_version, event_id::text, type, schema_version, data,
                occurred_at::text, metadata->>'koperasiId' AS koperasi_id, metadata->>'actor' AS actor,
                metadata->>'correlationId' AS correlation_id, metadata->>'causationId' AS causation_id, prev_hash, hash
         FROM events e
         WHERE e.global_position > $1 AND e.global_position <= $2 AND e.metadata->>'koperasiId' = $3
           AND e.occurred_at >= $4 AND e.occurred_at < $5
         ORDER BY e.global_position`,
        [after, through, options.koperasiId, options.from, options.to],
      );
      for (const row of rows)
        await emit({ ...row, occurred_at: isoFromPostgresUtc(row.occurred_at) });
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

interface ExportedEntry {
  id: string;
  sourceEventId: string;
  koperasiId: string;
  occurredAt: string;
  postedAt: string;
  description: string;
  trace: {
    service: string | null;
    eventType: string | null;
    streamId: string | null;
    streamVersion: number | null;
    actor: string | null;
    correlationId: string | null;
    causationId: string | null;
  };
  lines: {
    lineNo: number;
    accountCode: string;
    accountName: string;
    debitRp: number;
    creditRp: number;
    tellerId: string | null;
    memberId: string | null;
    feeSource: string | null;
    productCode: string | null;
  }[];
}

async function exportEntries(
  options: ExportOptions,
  emit: (entry: ExportedEntry) => Promise<void>,
): Promise<void> {
  const client = new pg.Client({ connectionString: options.ledgerDatabaseUrl });
  await client.connect();
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let after = '0';
    for (;;) {
      const { rows } = await client.query<{ entry: ExportedEntry }>(
        `SELECT json_build_object(
                  'id', e.id::text, 'sourceEventId', e.source_event_id, 'koperasiId', e.koperasi_id,
                  'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'postedAt', to_char(e.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'description', e.description,
                  'trace', json_build_object('service', e.source_service, 'eventType', e.event_type, 'streamId', e.stream_id,
                                             'streamVersion', e.stream_version, 'actor', e.actor, 'correlationId', e.correlation_id,
                                             'causationId', e.causation_id),
                  'lines', (SELECT json_agg(json_build_object('lineNo', l.line_no, 'accountCode', l.account_code, 'accountName', c.name,
                                                              'debitRp', l.debit_rp, 'creditRp', l.credit_rp, 'tellerId', l.teller_id,
                                                              'memberId', l.member_id, 'feeSource', l.fee_source, 'productCode', l.product_code)
                                            ORDER BY l.line_no)
                            FROM journal_lines l JOIN chart_of_accounts c ON c.code = l.account_code WHERE l.entry_id = e.id)) AS entry
         FROM journal_entries e
         WHERE e.id > $1 AND e.koperasi_id = $2 AND e.occurred_at >= $3 AND e.occurred_at < $4
         ORDER BY e.id LIMIT $5`,
        [after, options.koperasiId, options.from, options.to, pageSize],
      );
      for (const { entry } of rows) await emit(entry);
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1].entry.id;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is an empty field. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values
    .map((value) => {
      if (value === null || value === undefined) return '';
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}

/** Writes lines and waits for the stream to drain when its buffer is full, so a large export stays in bounded memory. */
class LineWriter {
  constructor(private readonly out: Writable) {}

  async line(text: string): Promise<void> {
    if (!this.out.write(`${text}\n`)) await once(this.out, 'drain');
  }

  async end(): Promise<void> {
    if (this.out === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(resolve);
    });
  }
}
