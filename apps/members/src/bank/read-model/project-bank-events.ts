import type { BankDepositView, BankFeeSettlementView } from '@koperasi/contracts';
import type { PoolClient } from 'pg';
import type { BankDepositRecorded, BankFeesSettled } from '../domain/index.js';

export function bankDepositView(event: BankDepositRecorded): BankDepositView {
  const { depositId, slipRef, amountRp, recordedBy, recordedByName, recordedAt } = event.data;
  return { depositId, slipRef, amountRp, recordedBy, recordedByName, recordedAt };
}

/** The deposit's row, written inside the appending transaction. */
export async function projectBankDeposit(
  tx: PoolClient,
  koperasiId: string,
  event: BankDepositRecorded,
): Promise<void> {
  const view = bankDepositView(event);
  const { depositId, slipRef, amountRp, recordedAt } = view;
  await tx.query(
    `INSERT INTO bank_deposits (deposit_id, koperasi_id, slip_ref, amount_rp, recorded_at, view) VALUES ($1, $2, $3, $4, $5, $6)`,
    [depositId, koperasiId, slipRef, amountRp, recordedAt, JSON.stringify(view)],
  );
}

/** A settlement's row; its id comes from the reference, so a reference used for another month is a duplicate key. */
export async function projectBankFeeSettlement(
  tx: PoolClient,
  koperasiId: string,
  event: BankFeesSettled,
): Promise<void> {
  const view = bankFeeSettlementView(event);
  const { settlementId, reference, period, amountRp, recordedAt } = view;
  await tx.query(
    `INSERT INTO bank_fee_settlements (settlement_id, koperasi_id, reference, period, amount_rp, recorded_at, view)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [settlementId, koperasiId, reference, period, amountRp, recordedAt, JSON.stringify(view)],
  );
}

export function bankFeeSettlementView(event: BankFeesSettled): BankFeeSettlementView {
  const { settlementId, reference, period, amountRp, recordedBy, recordedByName, recordedAt } =
    event.data;
  return { settlementId, reference, period, amountRp, recordedBy, recordedByName, recordedAt };
}
