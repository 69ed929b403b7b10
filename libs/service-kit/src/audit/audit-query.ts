import { BadRequestException } from '@nestjs/common';

export interface AuditEventFilter {
  koperasiIds: string[];
  /** null: every type. */
  types: string[] | null;
  /** occurred_at >= from. */
  from: Date | null;
  /** occurred_at < to. */
  to: Date | null;
  /** Only the events of this correlation (one teller request and what followed from it); null: any. */
  correlationId: string | null;
  after: { transactionId: string; globalPosition: string };
}

export type ExportFormat = 'csv' | 'jsonl';

/** A city has 177 koperasi; a province's auditor would still fit. */
export const MAX_KOPERASI_PER_QUERY = 2000;
const MAX_TYPES_PER_QUERY = 50;
const MAX_ID_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
const CURSOR = /^(\d{1,20})\.(\d{1,20})$/;

/** A 400 naming the parameter, in the `{statusCode, error, message, details}` shape the gateway passes on. */
export function badQuery(field: string, problem: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'BAD_QUERY',
    message: `${field} ${problem}`,
    details: [{ field, problems: [problem] }],
  });
}

export function parseKoperasiIds(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '')
    throw badQuery('koperasiIds', 'is required: a comma-separated list');
  const ids = [...new Set(value.split(',').map((id) => id.trim()))];
  if (ids.length > MAX_KOPERASI_PER_QUERY)
    throw badQuery('koperasiIds', `may name at most ${MAX_KOPERASI_PER_QUERY} koperasi`);
  if (ids.some((id) => id === '' || id.length > MAX_ID_LENGTH)) {
    throw badQuery('koperasiIds', `must be non-empty ids of at most ${MAX_ID_LENGTH} characters`);
  }
  return ids;
}

export function parseEventFilter(query: Record<string, unknown>): AuditEventFilter {
  return {
    koperasiIds: parseKoperasiIds(query.koperasiIds),
    types: parseTypes(query.type),
    from: parseInstant('from', query.from),
    to: parseInstant('to', query.to),
    correlationId: parseCorrelationId(query.correlationId),
    after: parseCursor(query.after),
  };
}

export function parseLimit(
  value: unknown,
  fallback = DEFAULT_PAGE_SIZE,
  max = MAX_PAGE_SIZE,
): number {
  if (value === undefined) return fallback;
  const limit = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw badQuery('limit', `must be a whole number from 1 to ${max}`);
  return limit;
}

export function parseFormat(value: unknown): ExportFormat {
  if (value === 'csv' || value === 'jsonl') return value;
  throw badQuery('format', 'must be csv or jsonl');
}

function parseTypes(value: unknown): string[] | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string')
    throw badQuery('type', 'must be given once, as a comma-separated list');
  const types = value.split(',').map((type) => type.trim());
  if (
    types.length > MAX_TYPES_PER_QUERY ||
    types.some((type) => !/^[A-Za-z][A-Za-z0-9._-]{0,99}$/.test(type))
  ) {
    throw badQuery(
      'type',
      `must be up to ${MAX_TYPES_PER_QUERY} event type names, comma-separated`,
    );
  }
  return types;
}

function parseCorrelationId(value: unknown): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !/^[\x21-\x7e]+$/.test(value)) {
    throw badQuery(
      'correlationId',
      `must be one id of at most ${MAX_ID_LENGTH} visible characters`,
    );
  }
  return value;
}

function parseInstant(field: string, value: unknown): Date | null {
  if (value === undefined || value === '') return null;
  const instant =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime()))
    throw badQuery(field, 'must be an ISO 8601 date-time with its offset');
  return instant;
}

function parseCursor(value: unknown): AuditEventFilter['after'] {
  if (value === undefined || value === '') return { transactionId: '0', globalPosition: '0' };
  const match = typeof value === 'string' ? CURSOR.exec(value) : null;
  if (!match) throw badQuery('after', 'is not a cursor this endpoint gave out');
  return { transactionId: match[1], globalPosition: match[2] };
}
