import type { BankDepositView, BankFeeSettlementView } from '@koperasi/contracts';
import type { PoolClient } from 'pg';
import type { BankDepositRecorded, BankFeesSettled } from '../domain/index.js';

/** The deposit's row, written inside the appending transaction; returns its view. */
export async function projectBankDeposit(
  tx: PoolClient,
  koperasiId: string,
  event: BankDepositRecorded,
): Promise<BankDepositView> {
  const { depositId, slipRef, amountRp, recordedBy, recordedByName, recordedAt } = event.data;
  const view: BankDepositView = {
    depositId,
    slipRef,
    amountRp,
    recordedBy,
    recordedByName,
    recordedAt,
  };
  await tx.query(
    `INSERT INTO bank_deposits (deposit_id, koperasi_id, slip_ref, amount_rp, recorded_at, view) VALUES ($1, $2, $3, $4, $5, $6)`,
    [depositId, koperasiId, slipRef, amountRp, recordedAt, JSON.stringify(view)],
  );
  return view;
}

/** A settlement's row; its id comes from the reference, so a reference used for another month is a duplicate key. */
export async function projectBankFeeSettlement(
  tx: PoolClient,
  koperasiId: string,
  event: BankFeesSettled,
): Promise<BankFeeSettlementView> {
  const { settlementId, reference, period, amountRp, recordedBy, recordedByName, recordedAt } =
    event.data;
  const view: BankFeeSettlementView = {
    settlementId,
    reference,
    period,
    amountRp,
    recordedBy,
    recordedByName,
    recordedAt,
  };
  await tx.query(
    `INSERT INTO bank_fee_settlements (settlement_id, koperasi_id, reference, period, amount_rp, recorded_at, view)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [settlementId, koperasiId, reference, period, amountRp, recordedAt, JSON.stringify(view)],
  );
  return view;
}
