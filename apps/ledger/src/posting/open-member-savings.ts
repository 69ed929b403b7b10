import type { ClientBase } from 'pg';

/** A registered member has a sub-ledger from the start, so their savings read as zeros rather than unknown. */
export async function openMemberSavings(
  tx: ClientBase,
  members: readonly { koperasiId: string; memberId: string }[],
): Promise<void> {
  if (members.length === 0) return;
  await tx.query(
    `INSERT INTO member_savings (koperasi_id, member_id)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [members.map((member) => member.koperasiId), members.map((member) => member.memberId)],
  );
}
