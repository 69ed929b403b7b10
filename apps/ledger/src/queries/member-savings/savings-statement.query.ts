import type { SavingsBalances } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import { SAVINGS_FIELD_BY_ACCOUNT, type SavingsField } from '../../domain/index.js';
import type { SavingsStatementView } from './savings-statement-view.js';

const ACCOUNT_OF = Object.fromEntries(
  Object.entries(SAVINGS_FIELD_BY_ACCOUNT).map(([code, field]) => [field, code]),
) as Record<SavingsField, string>;

interface StatementRow {
  id: string;
  source_event_id: string;
  occurred_at: Date;
  description: string;
  pokok_rp: string;
  wajib_rp: string;
  sukarela_rp: string;
  pokok_after_rp: string;
  wajib_after_rp: string;
  sukarela_after_rp: string;
}

/**
 * A member's savings statement from the journal: each entry touching their savings up to the cut-off with
 * the balances after it. The running sums cover the whole history; only the latest `limit` lines are sent.
 */
export async function savingsStatementOf(
  pool: Pool,
  koperasiId: string,
  memberId: string,
  asOf: Date | null,
  limit: number,
): Promise<SavingsStatementView> {
  const cutOff = asOf ?? new Date();
  const { rows } = await pool.query<StatementRow>(
    `WITH moves AS (
       SELECT entry.id, entry.source_event_id, entry.occurred_at, entry.description,
              sum(line.credit_rp - line.debit_rp) FILTER (WHERE line.account_code = $5) AS pokok_rp,
              sum(line.credit_rp - line.debit_rp) FILTER (WHERE line.account_code = $6) AS wajib_rp,
              sum(line.credit_rp - line.debit_rp) FILTER (WHERE line.account_code = $7) AS sukarela_rp
       FROM journal_lines line
       JOIN journal_entries entry ON entry.id = line.entry_id
       WHERE line.koperasi_id = $1 AND line.member_id = $2 AND entry.occurred_at <= $3
       GROUP BY entry.id
     )
     SELECT moves.*,
            sum(coalesce(pokok_rp, 0)) OVER history AS pokok_after_rp,
            sum(coalesce(wajib_rp, 0)) OVER history AS wajib_after_rp,
            sum(coalesce(sukarela_rp, 0)) OVER history AS sukarela_after_rp
     FROM moves
     WINDOW history AS (ORDER BY occurred_at, id ROWS UNBOUNDED PRECEDING)
     ORDER BY occurred_at DESC, id DESC
     LIMIT $4`,
    [
      koperasiId,
      memberId,
      cutOff,
      limit + 1,
      ACCOUNT_OF.pokokRp,
      ACCOUNT_OF.wajibRp,
      ACCOUNT_OF.sukarelaRp,
    ],
  );
  const truncated = rows.length > limit;
  const latest = rows.slice(0, limit).reverse();
  const lines = latest.map((row) => ({
    entryId: row.id,
    sourceEventId: row.source_event_id,
    occurredAt: row.occurred_at.toISOString(),
    description: row.description,
    changes: savings(row.pokok_rp, row.wajib_rp, row.sukarela_rp),
    balances: savings(row.pokok_after_rp, row.wajib_after_rp, row.sukarela_after_rp),
  }));
  const balances = lines.at(-1)?.balances ?? { pokokRp: 0, wajibRp: 0, sukarelaRp: 0 };
  return { memberId, asOf: cutOff.toISOString(), balances, lines, truncated };
}

function savings(
  pokok: string | null,
  wajib: string | null,
  sukarela: string | null,
): SavingsBalances {
  return {
    pokokRp: rupiahFromColumn(pokok),
    wajibRp: rupiahFromColumn(wajib),
    sukarelaRp: rupiahFromColumn(sukarela),
  };
}
