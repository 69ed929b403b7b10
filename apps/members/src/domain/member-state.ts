import type { YearMonth } from '@koperasi/domain';
import type { KoperasiSettings } from './koperasi-settings.js';

export type MemberStatus = 'PENDING_POKOK' | 'ACTIVE' | 'RESIGNED';

export interface RegisteredMember {
  status: MemberStatus;
  memberId: string;
  koperasiId: string;
  joinedAt: string;
  joinedMonth: YearMonth;
  rates: Pick<KoperasiSettings, 'simpananPokokRp' | 'simpananWajibMonthlyRp'>;
  pokokBalanceRp: number;
  wajibBalanceRp: number;
  /** Sorted ascending. */
  wajibPaidMonths: readonly YearMonth[];
  sukarelaBalanceRp: number;
}

export type MemberState = { status: 'UNREGISTERED' } | RegisteredMember;

export const initialMemberState: MemberState = { status: 'UNREGISTERED' };
