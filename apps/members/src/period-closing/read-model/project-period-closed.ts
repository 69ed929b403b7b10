import type { PeriodClosingView } from '@koperasi/contracts';
import type { PoolClient } from 'pg';
import type { PeriodClosedData } from '../domain/index.js';

export function periodClosingView(koperasiId: string, data: PeriodClosedData): PeriodClosingView {
  const { month, closedBy, closedByName, closedAt } = data;
  return { koperasiId, month, closedBy, closedByName, closedAt };
}

/** The closing's row, written inside the appending transaction; returns its view. */
export async function projectPeriodClosed(
  tx: PoolClient,
  koperasiId: string,
  data: PeriodClosedData,
): Promise<PeriodClosingView> {
  const view = periodClosingView(koperasiId, data);
  await tx.query(
    `INSERT INTO period_closings (koperasi_id, month, closed_at, view) VALUES ($1, $2, $3, $4)`,
    [koperasiId, data.month, data.closedAt, JSON.stringify(view)],
  );
  return view;
}
