import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each koperasi's SHU percentages from its AD/ART, as a supervisor last set them, and every setting ever made
 * (who, when, what) so an auditor can see which percentages a year's calculation used.
 */
export class LedgerShuAllocation1790000000360 implements MigrationInterface {
  name = 'LedgerShuAllocation1790000000360';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE shu_allocation_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        koperasi_id text NOT NULL,
        allocation jsonb NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await runner.query(
      `CREATE INDEX shu_allocation_changes_by_koperasi ON shu_allocation_changes (koperasi_id, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE shu_allocation_changes`);
  }
}
