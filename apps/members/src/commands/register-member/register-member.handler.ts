import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CommandEnvelope,
  CommandReply,
  RegisterMemberPayload,
  RegisterMemberResult,
} from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  checkEnvelope,
  inTransaction,
  isUniqueViolation,
  isUuid,
  nowInWib,
  refused,
  RefusalInTransaction,
} from '@koperasi/service-kit';
import { decideMember, initialMemberState, type MemberEvent } from '../../domain/index.js';
import { takeMemberNumber } from '../../koperasi/take-member-number.js';
import { CombinedWrite } from '@koperasi/database';
import { projectMemberChanges } from '../../read-model/project-member-events.js';
import { checkTextFields } from '../check-text-fields.js';
import { memberErrorReply } from '../member-error-replies.js';
import { memberStreamId } from '../member-stream-id.js';

const PAYLOAD_RULES = {
  nik: { required: true, maxLength: 32 },
  fullName: { required: true, maxLength: 200 },
  birthPlace: { required: false, maxLength: 100 },
  address: { required: true, maxLength: 500 },
  kelurahan: { required: true, maxLength: 100 },
  phone: { required: false, maxLength: 32 },
};

/**
 * Registers a member of the envelope's koperasi. The member number, the platform-wide NIK claim, the
 * events and the read model are written in one transaction, so a refused or failed registration leaves
 * no number used and no NIK taken.
 */
@Injectable()
export class RegisterMemberHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute(
    envelope: CommandEnvelope<RegisterMemberPayload>,
  ): Promise<CommandReply<RegisterMemberResult>> {
    const invalid =
      checkEnvelope(envelope, 'not-auditor') ?? checkTextFields(envelope.payload, PAYLOAD_RULES);
    if (invalid) return invalid;
    if (!isUuid(envelope.koperasiId)) return koperasiNotFound();
    return this.executor.execute(envelope.commandId, async () => {
      try {
        return await inTransaction(this.pool, (tx) => this.register(tx, envelope));
      } catch (error) {
        if (error instanceof RefusalInTransaction) return error.reply;
        if (isUniqueViolation(error, 'member_niks_pkey')) return this.nikTaken(envelope);
        throw error;
      }
    });
  }

  private async register(
    tx: PoolClient,
    envelope: CommandEnvelope<RegisterMemberPayload>,
  ): Promise<CommandReply<RegisterMemberResult>> {
    const numbered = await takeMemberNumber(tx, envelope.koperasiId);
    if (!numbered) throw new RefusalInTransaction(koperasiNotFound());
    const memberId = randomUUID();
    const { payload } = envelope;
    const decision = decideMember(
      {
        type: 'RegisterMember',
        memberId,
        memberNo: numbered.memberNo,
        nik: payload.nik,
        fullName: payload.fullName,
        birthPlace: payload.birthPlace,
        address: payload.address,
        kelurahan: payload.kelurahan,
        phone: payload.phone,
        joinedAt: nowInWib(),
        settings: numbered.settings,
      },
      initialMemberState,
    );
    if (!decision.ok) throw new RefusalInTransaction(memberErrorReply(decision.error));
    const [registered] = decision.events as Extract<MemberEvent, { type: 'MemberRegistered' }>[];
    await tx.query('INSERT INTO member_niks (nik, member_id, koperasi_id) VALUES ($1, $2, $3)', [
      registered.data.nik,
      memberId,
      envelope.koperasiId,
    ]);
    const appended = await this.store.appendWithin(
      tx,
      memberStreamId(memberId),
      0,
      decision.events,
      {
        koperasiId: envelope.koperasiId,
        actor: envelope.actor.userId,
        correlationId: envelope.correlationId,
        causationId: envelope.commandId,
      },
    );
    const readModel = new CombinedWrite();
    const [after] = await projectMemberChanges(
      tx,
      [{ before: initialMemberState, appended: appended.events, events: decision.events }],
      readModel,
    );
    await readModel.run(tx);
    const reply = accepted<RegisterMemberResult>({
      id: memberId,
      memberNo: numbered.memberNo,
      status: after.status,
    });
    await this.results.save(tx, envelope.commandId, reply);
    return reply;
  }

  /** Says whether the NIK is taken here or elsewhere, never which other koperasi holds it. */
  private async nikTaken(
    envelope: CommandEnvelope<RegisterMemberPayload>,
  ): Promise<CommandReply<never>> {
    const { rows } = await this.pool.query<{ koperasi_id: string }>(
      'SELECT koperasi_id FROM member_niks WHERE nik = $1',
      [envelope.payload.nik.trim()],
    );
    const where =
      rows[0]?.koperasi_id === envelope.koperasiId ? 'of this koperasi' : 'of another koperasi';
    return refused(
      409,
      'NIK_ALREADY_MEMBER',
      `NIK ${envelope.payload.nik.trim()} is already a member ${where}; one person joins one koperasi`,
      [{ field: 'nik', message: `already a member ${where}` }],
    );
  }
}

function koperasiNotFound(): CommandReply<never> {
  return refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi');
}
