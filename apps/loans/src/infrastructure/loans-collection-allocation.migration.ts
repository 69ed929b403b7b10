import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each collection paid (arrears months, penalty, current installment, ahead), for its receipt. Collections
 * recorded before have none, and their receipts show the amount alone.
 */
export class LoansCollectionAllocation1790000000301 implements MigrationInterface {
  name = 'LoansCollectionAllocation1790000000301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE collections ADD COLUMN allocation jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE collections DROP COLUMN allocation`);
  }
}
