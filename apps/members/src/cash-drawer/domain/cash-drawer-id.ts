import { nameBasedUuid } from '../../domain/name-based-uuid.js';

/** The drawer of a teller on a business day has one id, derived from the three, so receipts can name it. */
export function cashDrawerIdOf(koperasiId: string, tellerId: string, businessDate: string): string {
  return nameBasedUuid(`cash-drawer:${koperasiId}:${tellerId}:${businessDate}`);
}

export function cashDrawerStreamId(drawerId: string): string {
  return `cash-drawer-${drawerId}`;
}
