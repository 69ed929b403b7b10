import type { RemittanceStatus, RemittanceView } from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';

export interface RemittanceRow {
  remittance_id: string;
  koperasi_id: string;
  status: RemittanceStatus;
  collection_count: number;
  collected_rp: string;
  fee_netted_rp: string;
  remit_rp: string;
  closed_at: Date;
  resolved_at: Date | null;
  reason: string | null;
  bank_ref: string | null;
}

export const REMITTANCE_VIEW_QUERY = `
  SELECT remittance_id, koperasi_id, status, collection_count, collected_rp, fee_netted_rp, remit_rp, closed_at, resolved_at, reason, bank_ref
  FROM remittances`;

export function remittanceViewOf(row: RemittanceRow): RemittanceView {
  return {
    remittanceId: row.remittance_id,
    status: row.status,
    collectionCount: row.collection_count,
    collectedRp: Number(row.collected_rp),
    feeNettedRp: Number(row.fee_netted_rp),
    remitRp: Number(row.remit_rp),
    closedAt: nowInWib(row.closed_at.getTime()),
    resolvedAt: row.resolved_at ? nowInWib(row.resolved_at.getTime()) : null,
    reason: row.reason,
    bankRef: row.bank_ref,
  };
}
