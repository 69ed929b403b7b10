import { createHash } from 'node:crypto';

/**
 * The drawer of a teller on a business day has one id, derived from the three (a name-based UUID, version 5
 * bits), so any service finds the stream from who and when without a lookup, and receipts can name it.
 */
export function cashDrawerIdOf(koperasiId: string, tellerId: string, businessDate: string): string {
  const bytes = createHash('sha256').update(`cash-drawer:${koperasiId}:${tellerId}:${businessDate}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function cashDrawerStreamId(drawerId: string): string {
  return `cash-drawer-${drawerId}`;
}
