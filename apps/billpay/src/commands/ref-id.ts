import { randomBytes } from 'node:crypto';

/**
 * A new ref_id for the aggregator: `KKMP` + 24 hex digits, unique without coordination, short enough for
 * every aggregator's field, and recognisably ours on their statement.
 */
export function newRefId(): string {
  return `KKMP${randomBytes(12).toString('hex').toUpperCase()}`;
}
