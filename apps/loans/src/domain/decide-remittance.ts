import { refuse, type LoanDecision } from './loan-decision.js';
import type { RemittanceClosed, RemittanceConfirmed, RemittanceRejected } from './loan-events.js';
import {
  MAX_COLLECTIONS_PER_REMITTANCE,
  type BankVerdict,
  type CloseRemittance,
  type RemittancePool,
  type RemittanceState,
} from './remittance.js';

/**
 * Closes a batch of the pool's acknowledged collections up to the command's date, oldest first and at most
 * MAX_COLLECTIONS_PER_REMITTANCE (the rest go in the next batch). The bank refuses a batch naming a collection
 * it was never told of, so one still waiting for its acknowledgement waits for a later batch. What the koperasi
 * owes the bank is the amounts collected less the fees it keeps (NETTED); fees the bank pays separately
 * (BANK_PAYS) are remitted in full.
 */
export function decideCloseRemittance(
  command: CloseRemittance,
  pool: RemittancePool,
): LoanDecision<RemittanceClosed> {
  const { upToDate } = command;
  const due = pool.collections.filter(
    (collection) => upToDate === null || collection.businessDate <= upToDate,
  );
  const collections = due
    .filter((collection) => collection.acknowledged)
    .slice(0, MAX_COLLECTIONS_PER_REMITTANCE);
  if (collections.length === 0) {
    const waiting = due.length;
    return refuse(
      'NOTHING_TO_REMIT',
      waiting > 0
        ? `Nothing to remit yet: ${waiting} collection(s) wait for the bank to acknowledge them; try again once it has`
        : 'Every collection is already in a batch; there is nothing to remit',
    );
  }
  let collectedRp = 0;
  let feeNettedRp = 0;
  for (const collection of collections) {
    collectedRp += collection.amountRp;
    if (collection.feeMode === 'NETTED') feeNettedRp += collection.feeRp;
  }
  return {
    ok: true,
    events: [
      {
        type: 'RemittanceClosed',
        schemaVersion: 1,
        data: {
          remittanceId: command.remittanceId,
          collectionIds: collections.map((collection) => collection.collectionId),
          collectedRp,
          feeNettedRp,
          remitRp: collectedRp - feeNettedRp,
          supervisorId: command.supervisorId,
        },
      },
    ],
  };
}

/** The bank's answer on an open batch; an answer on a batch already settled changes nothing. */
export function decideRemittanceVerdict(
  verdict: BankVerdict,
  state: RemittanceState,
): LoanDecision<RemittanceConfirmed | RemittanceRejected> {
  if (state.status !== 'OPEN')
    return refuse(
      'REMITTANCE_NOT_OPEN',
      `Remittance ${state.remittanceId || '?'} is ${state.status}, not open`,
    );
  if (verdict.type === 'BankConfirmed') {
    return {
      ok: true,
      events: [
        {
          type: 'RemittanceConfirmed',
          schemaVersion: 1,
          data: {
            remittanceId: state.remittanceId,
            collectedRp: state.collectedRp,
            feeNettedRp: state.feeNettedRp,
            remitRp: state.remitRp,
            bankRef: verdict.bankRef,
          },
        },
      ],
    };
  }
  return {
    ok: true,
    events: [
      {
        type: 'RemittanceRejected',
        schemaVersion: 1,
        data: {
          remittanceId: state.remittanceId,
          collectionIds: state.collectionIds,
          reason: verdict.reason,
        },
      },
    ],
  };
}
