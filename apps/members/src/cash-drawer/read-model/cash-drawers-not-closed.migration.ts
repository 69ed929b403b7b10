import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditor's Ringkasan asks for the drawers never closed, of any day: a partial index keeps that read to the
 * handful still open instead of every teller's every day.
 */
export class CashDrawersNotClosed1790000000420 implements MigrationInterface {
  name = 'CashDrawersNotClosed1790000000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX cash_drawers_not_closed ON cash_drawers (koperasi_id, business_date) WHERE status <> 'CLOSED'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX cash_drawers_not_closed`);
  }
}
