import { randomUUID } from 'node:crypto';
import { MemberCommands, type RegisterMemberPayload } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import {
  DeciderCommandHandler,
  PG_POOL,
  isUuid,
  nowInWib,
  refused,
  type CommandRoute,
} from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { RegistrationOrder } from '../../domain/index.js';
import { checkTextFields } from '../check-text-fields.js';
import { registerMemberAggregate } from './register-member-aggregate.js';

/** The batch handler of members' registrations; the command table gives it its command. */
export const REGISTER_MEMBER_COMMANDS = Symbol('REGISTER_MEMBER_COMMANDS');

const PAYLOAD_RULES = {
  nik: { required: true, maxLength: 32 },
  fullName: { required: true, maxLength: 200 },
  birthPlace: { required: false, maxLength: 100 },
  address: { required: true, maxLength: 500 },
  kelurahan: { required: true, maxLength: 100 },
  phone: { required: false, maxLength: 32 },
};

const REGISTER_MEMBER_ROUTES: Record<string, CommandRoute<RegistrationOrder>> = {
  [MemberCommands.registerMember]: {
    check: (payload: RegisterMemberPayload, envelope) =>
      checkTextFields(payload, PAYLOAD_RULES) ??
      (isUuid(envelope.koperasiId) ? null : refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi')),
    toCommand: (payload: RegisterMemberPayload) => ({
      type: 'RegisterMember',
      memberId: randomUUID(),
      nik: payload.nik,
      fullName: payload.fullName,
      birthPlace: payload.birthPlace,
      address: payload.address,
      kelurahan: payload.kelurahan,
      phone: payload.phone,
      joinedAt: nowInWib(),
    }),
  },
};

export const registerMemberCommandsProvider = {
  provide: REGISTER_MEMBER_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, registerMemberAggregate(pool), REGISTER_MEMBER_ROUTES),
};
