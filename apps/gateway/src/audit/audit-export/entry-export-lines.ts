import { csvLine, type ExportFormat } from '@koperasi/service-kit';
import type { AuditEntry } from '../../queries/audit-queries.js';
import { presentAuditEntry } from '../audit-entry.response.js';

/** One CSV row per journal line, the entry's fields repeated, so a spreadsheet can sum and pivot directly. */
export const ENTRY_CSV_COLUMNS = [
  'entry_id',
  'koperasi_id',
  'occurred_at',
  'posted_at',
  'description',
  'source_service',
  'source_event_id',
  'event_type',
  'stream_id',
  'stream_version',
  'actor',
  'correlation_id',
  'causation_id',
  'line_no',
  'account_code',
  'debit',
  'credit',
  'teller_id',
  'member_id',
  'fee_source',
  'product_code',
] as const;

export function entryExportHeader(format: ExportFormat): string {
  return format === 'csv' ? csvLine(ENTRY_CSV_COLUMNS) : '';
}

/** CSV: a row per line; JSON Lines: the entry with its lines nested. Amounts are whole rupiah. */
export function entryExportLines(format: ExportFormat, entry: AuditEntry): string {
  const presented = presentAuditEntry(entry);
  if (format === 'jsonl') return `${JSON.stringify(presented)}\n`;
  const { trace } = presented;
  return presented.lines
    .map((line) =>
      csvLine([
        presented.id,
        presented.koperasiId,
        presented.occurredAt,
        presented.postedAt,
        presented.description,
        trace.service,
        presented.sourceEventId,
        trace.eventType,
        trace.streamId,
        trace.streamVersion,
        trace.actor,
        trace.correlationId,
        trace.causationId,
        line.lineNo,
        line.accountCode,
        line.debit,
        line.credit,
        line.tellerId,
        line.memberId,
        line.feeSource,
        line.productCode,
      ]),
    )
    .join('');
}
