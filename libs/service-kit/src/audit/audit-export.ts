import { canonicalJson } from '@koperasi/contracts';
import type { AuditEvent } from './audit-event.js';
import type { ExportFormat } from './audit-query.js';

/** The CSV columns of an exported event; `data` is canonical JSON, as the hash chain reads it. */
export const EVENT_CSV_COLUMNS = [
  'service',
  'global_position',
  'transaction_id',
  'stream_id',
  'stream_version',
  'event_id',
  'type',
  'schema_version',
  'koperasi_id',
  'occurred_at',
  'actor',
  'correlation_id',
  'causation_id',
  'data',
  'prev_hash',
  'hash',
] as const;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The first line of an export: the CSV header, nothing for JSON Lines. */
export function eventExportHeader(format: ExportFormat): string {
  return format === 'csv' ? csvLine(EVENT_CSV_COLUMNS) : '';
}

export function eventExportLine(format: ExportFormat, service: string, event: AuditEvent): string {
  if (format === 'jsonl') return `${JSON.stringify({ service, ...event })}\n`;
  return csvLine([
    service,
    event.globalPosition,
    event.transactionId,
    event.streamId,
    event.streamVersion,
    event.eventId,
    event.type,
    event.schemaVersion,
    event.koperasiId,
    event.occurredAt,
    event.actor,
    event.correlationId,
    event.causationId,
    canonicalJson(event.data),
    event.prevHash,
    event.hash,
  ]);
}
