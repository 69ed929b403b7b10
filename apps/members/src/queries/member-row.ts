import type { MemberView } from '@koperasi/contracts';
import { wajibArrears, type MemberStatus, type RegisteredMember } from '../domain/index.js';
import { rupiahOf } from '../koperasi/koperasi-row.js';

export interface MemberRow {
  id: string;
  koperasi_id: string;
  member_no: string;
  nik: string;
  full_name: string;
  status: MemberStatus;
  joined_at: string;
  joined_month: string;
  pokok_rp: string;
  wajib_rp: string;
  sukarela_rp: string;
  paid_months: string[];
  /** The koperasi's rate today: arrears are shown at what the member would pay now. */
  wajib_monthly_rp: string;
}

export const MEMBER_VIEW_QUERY = `
  SELECT m.id, m.koperasi_id, m.member_no, m.nik, m.full_name, m.status, m.joined_at, m.joined_month,
         m.pokok_rp, m.wajib_rp, m.sukarela_rp, k.simpanan_wajib_monthly_rp AS wajib_monthly_rp,
         ARRAY(SELECT w.period FROM member_wajib_months w WHERE w.member_id = m.id ORDER BY w.period) AS paid_months
  FROM members m JOIN koperasi k ON k.id = m.koperasi_id`;

export function memberViewOf(row: MemberRow, currentMonth: string): MemberView {
  const savings = {
    pokokRp: rupiahOf(row.pokok_rp),
    wajibRp: rupiahOf(row.wajib_rp),
    sukarelaRp: rupiahOf(row.sukarela_rp),
  };
  // Arrears need only the fields below; the rates in the state are not read by wajibArrears.
  const state: RegisteredMember = {
    status: row.status,
    memberId: row.id,
    koperasiId: row.koperasi_id,
    joinedAt: row.joined_at,
    joinedMonth: row.joined_month,
    rates: { simpananPokokRp: 0, simpananWajibMonthlyRp: rupiahOf(row.wajib_monthly_rp) },
    pokokBalanceRp: savings.pokokRp,
    wajibBalanceRp: savings.wajibRp,
    wajibPaidMonths: row.paid_months,
    sukarelaBalanceRp: savings.sukarelaRp,
  };
  const arrears = wajibArrears(state, currentMonth, rupiahOf(row.wajib_monthly_rp));
  return {
    id: row.id,
    memberNo: row.member_no,
    nik: row.nik,
    fullName: row.full_name,
    status: row.status,
    joinedAt: row.joined_at,
    savings,
    wajibArrears: { months: arrears.months, amountRp: arrears.amountRp },
  };
}
