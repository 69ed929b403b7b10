import type {
  EventEnvelope,
  InstallmentCollectedData,
  InstallmentReceipt,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import type { PoolClient } from 'pg';

export interface CollectionInsert {
  koperasiId: string;
  event: EventEnvelope;
  data: InstallmentCollectedData;
}

/** The receipt the counter prints for a stored collection; its date is the counter's in WIB when stored. */
export function collectionReceipt({
  koperasiId,
  event,
  data,
}: CollectionInsert): InstallmentReceipt {
  return {
    collectionId: data.collectionId,
    loanNo: data.loanNo,
    borrowerName: data.borrowerName,
    product: data.product,
    period: data.period,
    amountRp: data.amountRp,
    allocation: data.allocation ?? null,
    feeRp: data.feeRp,
    feeMode: data.feeMode,
    collectedAt: nowInWib(Date.parse(event.occurredAt)),
    koperasiId,
    tellerId: data.tellerId,
  };
}

/**
 * The collections' rows, in one statement: read model, and the outbox of each bank notice (notice_status
 * PENDING, due now). A collection's business date is the counter's date in WIB when its event was stored.
 */
export async function insertCollections(
  tx: PoolClient,
  collections: CollectionInsert[],
): Promise<void> {
  if (collections.length === 0) return;
  const receipts = collections.map(collectionReceipt);
  const column = <T>(pick: (collection: CollectionInsert, index: number) => T) =>
    collections.map(pick);
  await tx.query(
    `INSERT INTO collections (collection_id, koperasi_id, loan_no, product, borrower_name, period, amount_rp, fee_rp, fee_mode,
                              teller_id, event_id, collected_at, business_date, allocation)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                          $9::text[], $10::text[], $11::uuid[], $12::timestamptz[], $13::date[], $14::jsonb[])`,
    [
      column(({ data }) => data.collectionId),
      column(({ koperasiId }) => koperasiId),
      column(({ data }) => data.loanNo),
      column(({ data }) => data.product),
      column(({ data }) => data.borrowerName),
      column(({ data }) => data.period),
      column(({ data }) => data.amountRp),
      column(({ data }) => data.feeRp),
      column(({ data }) => data.feeMode),
      column(({ data }) => data.tellerId),
      column(({ event }) => event.eventId),
      column(({ event }) => event.occurredAt),
      column((_, index) => receipts[index].collectedAt.slice(0, 10)),
      column(({ data }) => (data.allocation ? JSON.stringify(data.allocation) : null)),
    ],
  );
}
