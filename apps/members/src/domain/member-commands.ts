import type { YearMonth } from '@koperasi/domain';
import type { KoperasiSettings } from './koperasi-settings.js';

export interface RegisterMember {
  type: 'RegisterMember';
  memberId: string;
  memberNo: string;
  nik: string;
  fullName: string;
  birthPlace?: string;
  address: string;
  /** The kelurahan printed on the KTP. */
  kelurahan: string;
  phone?: string;
  /** ISO 8601 with offset, in the counter's local time: its date is the joining month. */
  joinedAt: string;
  settings: KoperasiSettings;
}

export interface PaySimpananPokok {
  type: 'PaySimpananPokok';
  amountRp: number;
  tellerId: string;
}

export interface PaySimpananWajib {
  type: 'PaySimpananWajib';
  periods: YearMonth[];
  /** The total for all periods. */
  amountRp: number;
  tellerId: string;
}

export interface DepositSukarela {
  type: 'DepositSukarela';
  amountRp: number;
  tellerId: string;
}

export interface WithdrawSukarela {
  type: 'WithdrawSukarela';
  amountRp: number;
  tellerId: string;
}

export interface Resign {
  type: 'Resign';
  tellerId: string;
  /** ISO 8601 with offset. */
  at: string;
}

export type MemberCommand =
  | RegisterMember
  | PaySimpananPokok
  | PaySimpananWajib
  | DepositSukarela
  | WithdrawSukarela
  | Resign;
