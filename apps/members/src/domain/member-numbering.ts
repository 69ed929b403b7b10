import type { KoperasiSettings } from './koperasi-settings.js';
import type { RegisterMember } from './member-commands.js';
import type { MemberEvent } from './member-events.js';

const MEMBER_SEQ_DIGITS = 6;

/** A koperasi as its next registration is decided on: its settings (null: no such koperasi) and next number. */
export interface MemberNumbering {
  settings: KoperasiSettings | null;
  nextSeq: number;
}

/** A registration as it arrives, before its koperasi gives it a number and its settings. */
export type RegistrationOrder = Omit<RegisterMember, 'memberNo' | 'settings'>;

/** `<code>-000123`: numbers are handed out in order, one per registration. */
function memberNoOf(code: string, seq: number): string {
  return `${code}-${String(seq).padStart(MEMBER_SEQ_DIGITS, '0')}`;
}

/** The registration with its koperasi's next number and settings, as decideMember takes it. */
export function numberedRegistration(
  order: RegistrationOrder,
  settings: KoperasiSettings,
  numbering: MemberNumbering,
): RegisterMember {
  return { ...order, memberNo: memberNoOf(settings.code, numbering.nextSeq), settings };
}

/** A registration takes its number, so the next one in the batch gets the one after. */
export function evolveMemberNumbering(
  numbering: MemberNumbering,
  event: MemberEvent,
): MemberNumbering {
  return event.type === 'MemberRegistered'
    ? { ...numbering, nextSeq: numbering.nextSeq + 1 }
    : numbering;
}
