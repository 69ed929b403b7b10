import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A teller's day at the counter lists the koperasi's movements of one WIB day; this keeps that a range scan. */
export class MembersMovementsByDay1790000000200 implements MigrationInterface {
  name = 'MembersMovementsByDay1790000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX IF NOT EXISTS savings_movements_by_koperasi_time ON savings_movements (koperasi_id, occurred_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS savings_movements_by_koperasi_time`);
  }
}
