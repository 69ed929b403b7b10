import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the auditors' queries filter on (libs/service-kit audit reads): the koperasi, kept in the metadata, with
 * the commit order the pages follow, the event type and the time window; and the correlation id Riwayat
 * follows. Expression indexes, not generated columns: adding a stored column would rewrite every event row,
 * which the append-only store must not do. The queries use exactly these expressions.
 */
export class EventStoreAuditIndexes1790000000003 implements MigrationInterface {
  name = 'EventStoreAuditIndexes1790000000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX events_by_koperasi ON events ((metadata->>'koperasiId'), transaction_id, global_position)`,
    );
    await runner.query(
      `CREATE INDEX events_by_koperasi_type ON events ((metadata->>'koperasiId'), type, transaction_id, global_position)`,
    );
    await runner.query(
      `CREATE INDEX events_by_koperasi_time ON events ((metadata->>'koperasiId'), occurred_at)`,
    );
    await runner.query(
      `CREATE INDEX events_by_correlation ON events ((metadata->>'correlationId'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP INDEX events_by_correlation, events_by_koperasi_time, events_by_koperasi_type, events_by_koperasi`,
    );
  }
}
