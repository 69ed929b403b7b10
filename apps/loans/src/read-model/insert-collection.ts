import type { EventEnvelope, InstallmentCollectedData, InstallmentReceipt } from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import type { PoolClient } from 'pg';

/**
 * The collection's row: read model, and the outbox of its bank notice (notice_status PENDING, due now). Its
 * business date is the counter's date in WIB at the moment the event was stored.
 */
export async function insertCollection(
  tx: PoolClient,
  koperasiId: string,
  event: EventEnvelope,
  data: InstallmentCollectedData,
): Promise<InstallmentReceipt> {
  const collectedAt = nowInWib(Date.parse(event.occurredAt));
  await tx.query(
    `INSERT INTO collections (collection_id, koperasi_id, loan_no, product, borrower_name, period, amount_rp, fee_rp, fee_mode,
                              teller_id, event_id, collected_at, business_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      data.collectionId,
      koperasiId,
      data.loanNo,
      data.product,
      data.borrowerName,
      data.period,
      data.amountRp,
      data.feeRp,
      data.feeMode,
      data.tellerId,
      event.eventId,
      event.occurredAt,
      collectedAt.slice(0, 10),
    ],
  );
  return {
    collectionId: data.collectionId,
    loanNo: data.loanNo,
    borrowerName: data.borrowerName,
    product: data.product,
    period: data.period,
    amountRp: data.amountRp,
    feeRp: data.feeRp,
    feeMode: data.feeMode,
    collectedAt,
    koperasiId,
    tellerId: data.tellerId,
  };
}
