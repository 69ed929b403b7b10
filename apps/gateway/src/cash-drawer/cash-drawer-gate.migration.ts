import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tellers whose drawer is closed for a day (tutup kasir sent), checked before any counter transaction is
 * sent; and the daily recap of a drawer (kasir) as a printable receipt.
 */
export class GatewayCashDrawer1790000001950 implements MigrationInterface {
  name = 'GatewayCashDrawer1790000001950';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE closed_cash_drawers (
        koperasi_id text NOT NULL,
        teller_id uuid NOT NULL,
        business_date date NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (koperasi_id, teller_id, business_date)
      )`);
    await runner.query(`ALTER TABLE receipt_prints DROP CONSTRAINT receipt_prints_kind_check`);
    await runner.query(
      `ALTER TABLE receipt_prints ADD CONSTRAINT receipt_prints_kind_check CHECK (kind IN ('ppob', 'angsuran', 'simpanan', 'kasir'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE receipt_prints DROP CONSTRAINT receipt_prints_kind_check`);
    await runner.query(
      `ALTER TABLE receipt_prints ADD CONSTRAINT receipt_prints_kind_check CHECK (kind IN ('ppob', 'angsuran', 'simpanan'))`,
    );
    await runner.query(`DROP TABLE closed_cash_drawers`);
  }
}
