import { nextYearMonth } from '@koperasi/domain';
import { api, type ApiSchemas } from '../../api/client';

export type SavingsKind = 'pokok' | 'wajib' | 'setor' | 'tarik';
export type Movement = ApiSchemas['SavingsMovementResponse'];

/** One business action at the desk: what is sent, every retry the same. */
export interface SavingsRequest {
  kind: SavingsKind;
  memberId: string;
  amount: number;
  /** wajib only: the months paid, oldest first. */
  periods: string[];
}

export function sendSavings(request: SavingsRequest, idempotencyKey: string): Promise<Movement> {
  const path = { id: request.memberId };
  switch (request.kind) {
    case 'pokok':
      return api.post('/api/v1/members/{id}/simpanan-pokok', {
        path,
        body: { amount: request.amount },
        idempotencyKey,
      });
    case 'wajib':
      return api.post('/api/v1/members/{id}/simpanan-wajib', {
        path,
        body: { periods: request.periods, amount: request.amount },
        idempotencyKey,
      });
    case 'setor':
      return api.post('/api/v1/members/{id}/simpanan-sukarela/deposits', {
        path,
        body: { amount: request.amount },
        idempotencyKey,
      });
    case 'tarik':
      return api.post('/api/v1/members/{id}/simpanan-sukarela/withdrawals', {
        path,
        body: { amount: request.amount },
        idempotencyKey,
      });
  }
}

export interface WajibChoice {
  month: string;
  inArrears: boolean;
}

/** How many months ahead the desk offers for wajib paid in advance. */
export const MONTHS_AHEAD = 12;

/**
 * The months a teller can tick for simpanan wajib: the months in arrears first, oldest first (they come
 * preselected), then the months after the current one that are not paid yet.
 */
export function wajibChoices(
  arrears: readonly string[],
  paid: readonly string[],
  currentMonth: string,
  ahead = MONTHS_AHEAD,
): WajibChoice[] {
  const choices: WajibChoice[] = [...arrears].sort().map((month) => ({ month, inArrears: true }));
  const taken = new Set([...arrears, ...paid]);
  let month = currentMonth;
  for (let offered = 0; offered < ahead;) {
    month = nextYearMonth(month);
    if (taken.has(month)) continue;
    choices.push({ month, inArrears: false });
    offered += 1;
  }
  return choices;
}
