import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface DrawerRow {
  koperasiId: string;
  tellerId: string;
  businessDate: string;
  status: 'OPEN' | 'COUNTED' | 'CLOSED';
  openingFloatRp: number;
}

/**
 * Writes teller drawers of earlier days into the members service's cash_drawers, the row and its view as the
 * service keeps them: it dates a drawer by its own clock, so a test cannot open yesterday's through the API.
 */
export async function insertDrawers(
  membersDatabaseUrl: string,
  drawers: readonly DrawerRow[],
): Promise<void> {
  const members = new pg.Client({ connectionString: membersDatabaseUrl });
  await members.connect();
  try {
    for (const { koperasiId, tellerId, businessDate, status, openingFloatRp } of drawers) {
      const drawerId = randomUUID();
      const view = {
        drawerId,
        tellerId,
        businessDate,
        status,
        openingFloatRp,
        openedAt: `${businessDate}T01:00:00.000Z`,
        countedRp: null,
        denominations: [],
        expected: null,
        differenceRp: null,
        countedAt: null,
        closedAt: status === 'CLOSED' ? `${businessDate}T10:00:00.000Z` : null,
        approvedBy: null,
        approverName: null,
      };
      await members.query(
        `INSERT INTO cash_drawers (koperasi_id, business_date, teller_id, drawer_id, status, view, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, 1)`,
        [koperasiId, businessDate, tellerId, drawerId, status, JSON.stringify(view)],
      );
    }
  } finally {
    await members.end();
  }
}
