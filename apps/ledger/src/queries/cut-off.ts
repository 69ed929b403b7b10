import { BadRequestException } from '@nestjs/common';
import { parseAsOf } from './parse-as-of.js';

/**
 * The `asOf` of a report, or null for the books as they are now. "As of" is event time: an entry counts
 * when the business event it books occurred at or before the cut-off, whenever the ledger got to post it.
 */
export function cutOffFrom(asOf: string | undefined): Date | null {
  if (asOf === undefined || asOf === '') return null;
  const cutOff = parseAsOf(asOf);
  if (!cutOff) {
    throw new BadRequestException(
      'asOf must be YYYY-MM-DD (the end of that day in WIB) or an ISO 8601 date-time, e.g. 2025-07-31T23:59:59+07:00',
    );
  }
  return cutOff;
}
