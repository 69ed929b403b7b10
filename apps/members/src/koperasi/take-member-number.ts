import type { PoolClient } from 'pg';
import type { KoperasiSettings } from '../domain/index.js';
import { KOPERASI_COLUMNS, settingsOf, type KoperasiRow } from './koperasi-row.js';

const MEMBER_SEQ_DIGITS = 6;

/**
 * The koperasi's next member number (`<code>-000123`) with its settings, or null for no such koperasi.
 * The row stays locked until `tx` ends, so numbers are handed out in order and a rolled-back
 * registration gives its number back.
 */
export async function takeMemberNumber(
  tx: PoolClient,
  koperasiId: string,
): Promise<{ memberNo: string; settings: KoperasiSettings } | null> {
  const { rows } = await tx.query<KoperasiRow & { seq: number }>(
    `UPDATE koperasi SET next_member_seq = next_member_seq + 1 WHERE id = $1
     RETURNING next_member_seq - 1 AS seq, ${KOPERASI_COLUMNS}`,
    [koperasiId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    memberNo: `${row.code}-${String(row.seq).padStart(MEMBER_SEQ_DIGITS, '0')}`,
    settings: settingsOf(row),
  };
}
