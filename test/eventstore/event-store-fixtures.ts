import type { EventContext, NewEvent } from '@koperasi/contracts';
import {
  EventStoreAuditIndexes1790000000003,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import { ConsumerSchema1790000000001 } from '@koperasi/messaging';

export const STORE_MIGRATIONS = [
  EventStoreSchema1790000000000,
  ConsumerSchema1790000000001,
  EventStoreAuditIndexes1790000000003,
];

export const context: EventContext = {
  koperasiId: 'kop-test',
  actor: 'teller-1',
  correlationId: 'corr-1',
};

export function depositEvent(amountRp: number, extra: Record<string, unknown> = {}): NewEvent {
  return { type: 'SimpananSukarelaDeposited', schemaVersion: 1, data: { amountRp, ...extra } };
}
