import type { SavingsBalances } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import { SAVINGS_FIELD_BY_ACCOUNT, type SavingsField } from '../../domain/index.js';

/**
 * The member's savings as the books hold them, now or as of a cut-off (summed from their journal lines);
 * null when the ledger has never heard of the member.
 */
export async function memberSavingsOf(
  pool: Pool,
  koperasiId: string,
  memberId: string,
  asOf: Date | null,
): Promise<SavingsBalances | null> {
  const { rows } = await pool.query<{ pokok_rp: string; wajib_rp: string; sukarela_rp: string }>(
    `SELECT pokok_rp, wajib_rp, sukarela_rp FROM member_savings WHERE koperasi_id = $1 AND member_id = $2`,
    [koperasiId, memberId],
  );
  if (rows.length === 0) return null;
  if (!asOf) {
    const [row] = rows;
    return {
      pokokRp: rupiahFromColumn(row.pokok_rp),
      wajibRp: rupiahFromColumn(row.wajib_rp),
      sukarelaRp: rupiahFromColumn(row.sukarela_rp),
    };
  }
  const sums = await pool.query<{ account_code: string; net_rp: string }>(
    `SELECT line.account_code, sum(line.credit_rp - line.debit_rp) AS net_rp
     FROM journal_lines line
     JOIN journal_entries entry ON entry.id = line.entry_id
     WHERE line.koperasi_id = $1 AND line.member_id = $2 AND entry.occurred_at <= $3
     GROUP BY line.account_code`,
    [koperasiId, memberId, asOf],
  );
  const balances: SavingsBalances = { pokokRp: 0, wajibRp: 0, sukarelaRp: 0 };
  for (const row of sums.rows) {
    const field: SavingsField | undefined =
      SAVINGS_FIELD_BY_ACCOUNT[row.account_code as keyof typeof SAVINGS_FIELD_BY_ACCOUNT];
    if (field) balances[field] = rupiahFromColumn(row.net_rp);
  }
  return balances;
}
