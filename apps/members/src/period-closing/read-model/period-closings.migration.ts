import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Months a supervisor closed (tutup buku), projected from PeriodClosed in the appending transaction: the
 * Tutup buku screen's list, and what the bookkeeping commands check a closed month against.
 */
export class PeriodClosings1790000000430 implements MigrationInterface {
  name = 'PeriodClosings1790000000430';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE period_closings (
        koperasi_id uuid NOT NULL,
        -- YYYY-MM, which sorts in calendar order.
        month text NOT NULL,
        closed_at timestamptz NOT NULL,
        view jsonb NOT NULL,
        PRIMARY KEY (koperasi_id, month)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE period_closings`);
  }
}
