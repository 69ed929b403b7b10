import type { NewEvent } from '@koperasi/contracts';
import type { YearMonth } from '@koperasi/domain';

export interface MemberRegisteredData {
  memberId: string;
  koperasiId: string;
  memberNo: string;
  nik: string;
  sex: 'F' | 'M';
  birthDate: string;
  fullName: string;
  birthPlace: string | null;
  address: string;
  kelurahan: string;
  phone: string | null;
  joinedAt: string;
  /**
   * The koperasi's savings amounts when the member joined, kept in the stream so every later payment
   * can be checked, and replayed, from the member's own events.
   */
  simpananPokokRp: number;
  simpananWajibMonthlyRp: number;
}

/** Every money event names the teller, because the cash went through that teller's drawer. */
export interface MemberMoneyData {
  memberId: string;
  amountRp: number;
  tellerId: string;
}

export interface SimpananWajibPaidData extends MemberMoneyData {
  /** Sorted ascending. */
  periods: YearMonth[];
}

export interface MemberResignedData extends MemberMoneyData {
  resignedAt: string;
  pokokPayoutRp: number;
  wajibPayoutRp: number;
  sukarelaPayoutRp: number;
}

export interface MemberRegistered extends NewEvent<MemberRegisteredData> {
  type: 'MemberRegistered';
  schemaVersion: 1;
}

export interface SimpananPokokPaid extends NewEvent<MemberMoneyData> {
  type: 'SimpananPokokPaid';
  schemaVersion: 1;
}

export interface SimpananWajibPaid extends NewEvent<SimpananWajibPaidData> {
  type: 'SimpananWajibPaid';
  schemaVersion: 1;
}

export interface SimpananSukarelaDeposited extends NewEvent<MemberMoneyData> {
  type: 'SimpananSukarelaDeposited';
  schemaVersion: 1;
}

export interface SimpananSukarelaWithdrawn extends NewEvent<MemberMoneyData> {
  type: 'SimpananSukarelaWithdrawn';
  schemaVersion: 1;
}

/** `amountRp` is the whole payout; it may be 0 for a member who never paid anything. */
export interface MemberResigned extends NewEvent<MemberResignedData> {
  type: 'MemberResigned';
  schemaVersion: 1;
}

export type MemberEvent =
  | MemberRegistered
  | SimpananPokokPaid
  | SimpananWajibPaid
  | SimpananSukarelaDeposited
  | SimpananSukarelaWithdrawn
  | MemberResigned;
