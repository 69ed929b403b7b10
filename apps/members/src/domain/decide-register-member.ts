import { isPositiveRupiah, localDateOf, parseNik } from '@koperasi/domain';
import type { RegisterMember } from './member-commands.js';
import { refuse, type MemberDecision } from './member-decision.js';
import type { MemberRegistered } from './member-events.js';
import type { MemberState } from './member-state.js';

const REQUIRED_TEXT = ['memberId', 'memberNo', 'fullName', 'address', 'kelurahan'] as const;

/**
 * One NIK in at most one koperasi is a rule across members, so it is not checked here but where all of a
 * koperasi's members are known (a unique NIK in the members service's registry).
 */
export function decideRegisterMember(
  command: RegisterMember,
  state: MemberState,
): MemberDecision<MemberRegistered> {
  if (state.status === 'RESIGNED')
    return refuse('MEMBER_RESIGNED', 'This member has resigned; register again under a new id');
  if (state.status !== 'UNREGISTERED') {
    return refuse('MEMBER_ALREADY_REGISTERED', 'A member is already registered under this id');
  }
  const blank = REQUIRED_TEXT.find((field) => isBlank(command[field]));
  if (blank) return refuse('INVALID_REGISTRATION', `${blank} is required`);
  const joinedOn = localDateOf(command.joinedAt);
  if (!joinedOn) {
    return refuse(
      'INVALID_REGISTRATION',
      `joinedAt must be an ISO 8601 timestamp with offset, got ${JSON.stringify(command.joinedAt)}`,
    );
  }

  const { settings } = command;
  if (
    !isPositiveRupiah(settings.simpananPokokRp) ||
    !isPositiveRupiah(settings.simpananWajibMonthlyRp)
  ) {
    return refuse(
      'INVALID_SETTINGS',
      `Koperasi ${settings.code} has no valid simpanan pokok and wajib amounts`,
    );
  }

  const parsed = parseNik(command.nik, joinedOn);
  if (!parsed.ok) return refuse('INVALID_NIK', parsed.reason);

  if (comparableKelurahan(command.kelurahan) !== comparableKelurahan(settings.kelurahan)) {
    return refuse(
      'KELURAHAN_MISMATCH',
      `The KTP kelurahan is ${command.kelurahan.trim()} but ${settings.name} serves kelurahan ${settings.kelurahan}: ` +
        'members join the koperasi of the kelurahan on their KTP',
    );
  }

  return {
    ok: true,
    events: [
      {
        type: 'MemberRegistered',
        schemaVersion: 1,
        data: {
          memberId: command.memberId.trim(),
          koperasiId: settings.koperasiId,
          memberNo: command.memberNo.trim(),
          nik: parsed.nik.value,
          sex: parsed.nik.sex,
          birthDate: parsed.nik.birthDate,
          fullName: command.fullName.trim(),
          birthPlace: optionalText(command.birthPlace),
          address: command.address.trim(),
          kelurahan: command.kelurahan.trim(),
          phone: optionalText(command.phone),
          joinedAt: command.joinedAt,
          simpananPokokRp: settings.simpananPokokRp,
          simpananWajibMonthlyRp: settings.simpananWajibMonthlyRp,
        },
      },
    ],
  };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function optionalText(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

/** KTPs and koperasi records differ in case and spacing ("BENDAN  KERGON" vs "Bendan Kergon"), never in meaning. */
function comparableKelurahan(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}
