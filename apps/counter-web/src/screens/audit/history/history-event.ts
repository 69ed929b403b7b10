import type { ApiSchemas } from '../../../api/client';

/** An event as Riwayat shows it: a stream's events come without their store, which the stream's answer names. */
export type HistoryEvent = ApiSchemas['AuditStoredEventResponse'] & { service: string };
