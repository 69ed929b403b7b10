import type { KoperasiView } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import {
  RefusalInTransaction,
  isUniqueViolation,
  refused,
  foldStreams,
  type BatchAggregate,
} from '@koperasi/service-kit';
import type { PoolClient } from 'pg';
import {
  decideKoperasi,
  evolveKoperasi,
  initialKoperasiState,
  type KoperasiRegistered,
  type KoperasiState,
  type RegisterKoperasi,
} from '../domain/index.js';

/** A koperasi's stream, for the batch handler: opened by its registration, one event long. */
export function koperasiAggregate(
  store: PostgresEventStore,
): BatchAggregate<KoperasiState, RegisterKoperasi, KoperasiRegistered> {
  return {
    decide: decideKoperasi,
    evolve: evolveKoperasi,
    target: (_envelope, command) => ({
      streamId: `koperasi-${command.koperasiId}`,
      aggregateId: command.koperasiId,
      koperasiId: command.koperasiId,
    }),
    load: (_pool, targets) => foldStreams(store, targets, evolveKoperasi, initialKoperasiState),
    refusal: (error) => refused(409, error.code, error.message),
    project: async (tx, changes) => {
      for (const { events, appended } of changes)
        await insertKoperasi(tx, events[0], appended[0].occurredAt);
    },
    reply: ({ events: [{ data }], appended }): KoperasiView => {
      const { koperasiId: id, ...settings } = data;
      return { id, ...settings, createdAt: appended[0].occurredAt };
    },
  };
}

/** The koperasi's row; a code another koperasi holds is refused, the batch rolled back. */
async function insertKoperasi(
  tx: PoolClient,
  { data }: KoperasiRegistered,
  createdAt: string,
): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO koperasi (id, code, name, kelurahan, kecamatan, kota_kabupaten, provinsi, simpanan_pokok_rp,
                             simpanan_wajib_monthly_rp, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        data.koperasiId,
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
  } catch (error) {
    if (!isUniqueViolation(error, 'koperasi_code_key')) throw error;
    throw new RefusalInTransaction(
      refused(409, 'KOPERASI_CODE_TAKEN', `Koperasi code ${data.code} is already registered`, [
        { field: 'code', message: 'already registered' },
      ]),
    );
  }
}
