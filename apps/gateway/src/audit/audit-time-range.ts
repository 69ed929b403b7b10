import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';

const DAY_MS = 24 * 3600 * 1000;

export interface TimeRange {
  /** Inclusive, ISO instant. */
  from: string | null;
  /** Exclusive, ISO instant. */
  to: string | null;
}

/**
 * `from`/`to` as auditors write them: a bare day is a WIB day (the counters' day) and `to` includes it whole;
 * a date-time is taken as given, `to` exclusive.
 */
export function timeRangeOf(from: string | undefined, to: string | undefined): TimeRange {
  const range = {
    from: from === undefined ? null : startOf(from),
    to: to === undefined ? null : endOf(to),
  };
  if (range.from !== null && range.to !== null && range.from >= range.to) {
    throw new ApiException(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      'Invalid request: from must be before to',
      [{ field: 'from', problems: ['must be before to'] }],
    );
  }
  return range;
}

function startOf(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value).toISOString();
}

function endOf(value: string): string {
  if (value.length > 10) return new Date(value).toISOString();
  return new Date(new Date(`${value}T00:00:00+07:00`).getTime() + DAY_MS).toISOString();
}
