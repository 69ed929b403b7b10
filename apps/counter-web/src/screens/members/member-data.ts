import { api, type ApiSchemas } from '../../api/client';
import { currentUser } from '../../session/session';

export type Member = ApiSchemas['MemberResponse'];
export type StatementLine = ApiSchemas['StatementLineResponse'];
export type Koperasi = ApiSchemas['KoperasiResponse'];
export type MemberStatus = Member['status'];

const YEAR_MONTH = /\b\d{4}-(?:0[1-9]|1[0-2])\b/g;

/** The months a statement line names (`2026-01`), as the members service writes them into a wajib line. */
export function monthsIn(line: StatementLine): string[] {
  return line.kind === 'wajib' ? (line.description.match(YEAR_MONTH) ?? []) : [];
}

/**
 * The simpanan wajib months paid, oldest first. The member's record gives only the months in arrears; the
 * months paid (some maybe ahead of today) are read from the member's statement, whose wajib lines name them.
 */
export function paidWajibMonths(statement: readonly StatementLine[]): string[] {
  const paid = new Set<string>();
  for (const line of statement) {
    if (line.kind === 'resignation-payout') paid.clear();
    for (const month of monthsIn(line)) paid.add(month);
  }
  return [...paid].sort();
}

export interface MemberFile {
  member: Member;
  statement: StatementLine[];
  koperasi: Koperasi;
}

let koperasiOnce: { id: string; answer: Promise<Koperasi> } | null = null;

/** The teller's own koperasi (amounts of pokok and wajib, kelurahan), asked once per session. */
export function loadKoperasi(signal?: AbortSignal): Promise<Koperasi> {
  const id = currentUser.value?.koperasiId;
  if (!id) return Promise.reject(new Error('no koperasi in the session'));
  if (koperasiOnce?.id !== id) {
    const answer = api.get('/api/v1/koperasi/{id}', { path: { id } });
    koperasiOnce = { id, answer };
    answer.catch(() => {
      if (koperasiOnce?.answer === answer) koperasiOnce = null;
    });
  }
  const answer = koperasiOnce.answer;
  if (!signal) return answer;
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    answer.then(resolve, reject);
  });
}

/** A member with the statement and the koperasi's amounts: what the member page and the savings desk show. */
export async function loadMemberFile(memberId: string, signal: AbortSignal): Promise<MemberFile> {
  const [member, statement, koperasi] = await Promise.all([
    api.get('/api/v1/members/{id}', { path: { id: memberId }, signal }),
    api.get('/api/v1/members/{id}/statement', { path: { id: memberId }, signal }),
    loadKoperasi(signal),
  ]);
  return { member, statement, koperasi };
}
