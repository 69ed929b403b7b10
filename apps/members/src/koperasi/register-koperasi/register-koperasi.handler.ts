import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CommandEnvelope,
  CommandReply,
  KoperasiView,
  RegisterKoperasiPayload,
} from '@koperasi/contracts';
import { isPositiveRupiah } from '@koperasi/domain';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  badField,
  checkEnvelope,
  inTransaction,
  isUniqueViolation,
  refused,
} from '@koperasi/service-kit';
import { checkTextFields } from '../../commands/check-text-fields.js';
import type { KoperasiRegistered } from '../koperasi-registered.event.js';

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

@Injectable()
export class RegisterKoperasiHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute(
    envelope: CommandEnvelope<RegisterKoperasiPayload>,
  ): Promise<CommandReply<KoperasiView>> {
    const invalid = checkEnvelope(envelope, 'admin-only') ?? checkPayload(envelope.payload);
    if (invalid) return invalid;
    return this.executor.execute(envelope.commandId, async () => {
      try {
        return await this.register(envelope);
      } catch (error) {
        if (!isUniqueViolation(error, 'koperasi_code_key')) throw error;
        return refused(
          409,
          'KOPERASI_CODE_TAKEN',
          `Koperasi code ${envelope.payload.code} is already registered`,
          [{ field: 'code', message: 'already registered' }],
        );
      }
    });
  }

  private register(
    envelope: CommandEnvelope<RegisterKoperasiPayload>,
  ): Promise<CommandReply<KoperasiView>> {
    const koperasiId = randomUUID();
    const { payload } = envelope;
    const data = {
      koperasiId,
      code: payload.code.trim(),
      name: payload.name.trim(),
      kelurahan: payload.kelurahan.trim(),
      kecamatan: payload.kecamatan.trim(),
      kotaKabupaten: payload.kotaKabupaten.trim(),
      provinsi: payload.provinsi.trim(),
      simpananPokokRp: payload.simpananPokokRp,
      simpananWajibMonthlyRp: payload.simpananWajibMonthlyRp,
    };
    const event: KoperasiRegistered = { type: 'KoperasiRegistered', schemaVersion: 1, data };
    return inTransaction(this.pool, async (tx) => {
      const appended = await this.store.appendWithin(tx, `koperasi-${koperasiId}`, 0, [event], {
        koperasiId,
        actor: envelope.actor.userId,
        correlationId: envelope.correlationId,
        causationId: envelope.commandId,
      });
      const createdAt = appended.events[0].occurredAt;
      await tx.query(
        `INSERT INTO koperasi (id, code, name, kelurahan, kecamatan, kota_kabupaten, provinsi, simpanan_pokok_rp,
                               simpanan_wajib_monthly_rp, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          koperasiId,
          data.code,
          data.name,
          data.kelurahan,
          data.kecamatan,
          data.kotaKabupaten,
          data.provinsi,
          data.simpananPokokRp,
          data.simpananWajibMonthlyRp,
          createdAt,
        ],
      );
      const { koperasiId: id, ...settings } = data;
      const reply = accepted<KoperasiView>({ id, ...settings, createdAt });
      await this.results.save(tx, envelope.commandId, reply);
      return reply;
    });
  }
}

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
