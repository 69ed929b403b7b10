import { namespaced } from '../kafka-namespace.js';

/**
 * The members service's commands by name: each travels on its service's topic (commandTopicOf) named in
 * COMMAND_HEADER, and is answered on COMMAND_REPLY_TOPIC.
 */
export const MemberCommands = {
  registerKoperasi: namespaced('members.cmd.register-koperasi'),
  registerMember: namespaced('members.cmd.register-member'),
  paySimpananPokok: namespaced('members.cmd.pay-simpanan-pokok'),
  paySimpananWajib: namespaced('members.cmd.pay-simpanan-wajib'),
  depositSukarela: namespaced('members.cmd.deposit-sukarela'),
  withdrawSukarela: namespaced('members.cmd.withdraw-sukarela'),
  resignMember: namespaced('members.cmd.resign-member'),
  openCashDrawer: namespaced('members.cmd.open-cash-drawer'),
  countCashDrawer: namespaced('members.cmd.count-cash-drawer'),
  approveCashDrawer: namespaced('members.cmd.approve-cash-drawer'),
  recordBankDeposit: namespaced('members.cmd.record-bank-deposit'),
  settleBankFees: namespaced('members.cmd.settle-bank-fees'),
  bookShuDistribution: namespaced('members.cmd.book-shu-distribution'),
  closePeriod: namespaced('members.cmd.close-period'),
} as const;

export interface RegisterKoperasiPayload {
  code: string;
  name: string;
  kelurahan: string;
  kecamatan: string;
  kotaKabupaten: string;
  provinsi: string;
  simpananPokokRp: number;
  simpananWajibMonthlyRp: number;
}

export interface KoperasiView extends RegisterKoperasiPayload {
  id: string;
  createdAt: string;
}

export interface RegisterMemberPayload {
  nik: string;
  fullName: string;
  birthPlace?: string;
  address: string;
  kelurahan: string;
  phone?: string;
}

export interface RegisterMemberResult {
  id: string;
  memberNo: string;
  status: MemberStatus;
}

export type MemberStatus = 'PENDING_POKOK' | 'ACTIVE' | 'RESIGNED';

export interface MemberMoneyPayload {
  memberId: string;
  amountRp: number;
}

export interface PaySimpananWajibPayload extends MemberMoneyPayload {
  periods: string[];
}

export interface ResignMemberPayload {
  memberId: string;
}

/** What every money command answers: the movement and the member's savings after it. */
export interface SavingsMovementResult {
  memberId: string;
  eventId: string;
  amountRp: number;
  savings: SavingsBalances;
}

export interface SavingsBalances {
  pokokRp: number;
  wajibRp: number;
  sukarelaRp: number;
}

export interface MemberView {
  id: string;
  memberNo: string;
  nik: string;
  fullName: string;
  status: MemberStatus;
  joinedAt: string;
  savings: SavingsBalances;
  wajibArrears: { months: string[]; amountRp: number };
}

export interface StatementLine {
  eventId: string;
  occurredAt: string;
  kind: 'pokok' | 'wajib' | 'sukarela-deposit' | 'sukarela-withdrawal' | 'resignation-payout';
  description: string;
  amountRp: number;
  balances: SavingsBalances;
}

/**
 * One savings movement taken at a counter, with the member and the teller: what a savings receipt prints and
 * what a teller's day lists. `amountRp` is positive both ways; `kind` says the direction.
 */
export interface SavingsMovementView {
  eventId: string;
  occurredAt: string;
  kind: StatementLine['kind'];
  amountRp: number;
  memberId: string;
  memberNo: string;
  memberName: string;
  /** The user whose drawer took or paid the cash; null when the event names none. */
  tellerId: string | null;
  /** simpanan wajib: the months paid, YYYY-MM; empty otherwise. */
  periods: string[];
  /** The member's balances right after this movement. */
  balances: SavingsBalances;
}
