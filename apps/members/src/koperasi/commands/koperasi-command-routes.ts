import { randomUUID } from 'node:crypto';
import {
  MemberCommands,
  type CommandReply,
  type RegisterKoperasiPayload,
} from '@koperasi/contracts';
import { isPositiveRupiah } from '@koperasi/domain';
import { badField, type CommandRoute } from '@koperasi/service-kit';
import { checkTextFields } from '../../commands/check-text-fields.js';
import type { RegisterKoperasi } from '../domain/index.js';

const TEXT_RULES = {
  code: { required: true, maxLength: 20 },
  name: { required: true, maxLength: 200 },
  kelurahan: { required: true, maxLength: 100 },
  kecamatan: { required: true, maxLength: 100 },
  kotaKabupaten: { required: true, maxLength: 100 },
  provinsi: { required: true, maxLength: 100 },
};
/** The code prefixes member numbers (`GDW-000001`), so it stays short and plain. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/;
const AMOUNT_FIELDS = ['simpananPokokRp', 'simpananWajibMonthlyRp'] as const;

export const KOPERASI_COMMAND_ROUTES: Record<string, CommandRoute<RegisterKoperasi>> = {
  [MemberCommands.registerKoperasi]: {
    permission: 'admin-only',
    check: checkPayload,
    toCommand: (payload: RegisterKoperasiPayload) => ({
      type: 'RegisterKoperasi',
      koperasiId: randomUUID(),
      code: payload.code,
      name: payload.name,
      kelurahan: payload.kelurahan,
      kecamatan: payload.kecamatan,
      kotaKabupaten: payload.kotaKabupaten,
      provinsi: payload.provinsi,
      simpananPokokRp: payload.simpananPokokRp,
      simpananWajibMonthlyRp: payload.simpananWajibMonthlyRp,
    }),
  },
};

function checkPayload(payload: RegisterKoperasiPayload): CommandReply<never> | null {
  const textProblem = checkTextFields(payload, TEXT_RULES);
  if (textProblem) return textProblem;
  if (!CODE.test(payload.code.trim()))
    return badField(
      'code',
      'must be 2-20 letters, digits or hyphens, starting with a letter or digit',
    );
  const badAmount = AMOUNT_FIELDS.find((field) => !isPositiveRupiah(payload[field]));
  return badAmount ? badField(badAmount, 'must be a whole number of rupiah above zero') : null;
}
