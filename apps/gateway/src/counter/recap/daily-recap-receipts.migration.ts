import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily recap (rekap) as a printable receipt, with its own original and reprints. */
export class GatewayDailyRecapReceipts1790000002500 implements MigrationInterface {
  name = 'GatewayDailyRecapReceipts1790000002500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE receipt_prints DROP CONSTRAINT receipt_prints_kind_check`);
    await runner.query(
      `ALTER TABLE receipt_prints ADD CONSTRAINT receipt_prints_kind_check CHECK (kind IN ('ppob', 'angsuran', 'simpanan', 'kasir', 'rekap'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM receipt_prints WHERE kind = 'rekap'`);
    await runner.query(`ALTER TABLE receipt_prints DROP CONSTRAINT receipt_prints_kind_check`);
    await runner.query(
      `ALTER TABLE receipt_prints ADD CONSTRAINT receipt_prints_kind_check CHECK (kind IN ('ppob', 'angsuran', 'simpanan', 'kasir'))`,
    );
  }
}
