import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counter app: every user has the name a receipt prints (existing users start with their username), and
 * every receipt print is recorded, so the first print is the original (CA) and every later one a reprint (CU).
 */
export class GatewayCounter1790000001700 implements MigrationInterface {
  name = 'GatewayCounter1790000001700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users ADD COLUMN full_name text NULL`);
    await runner.query(`UPDATE users SET full_name = username WHERE full_name IS NULL`);
    await runner.query(`ALTER TABLE users ALTER COLUMN full_name SET NOT NULL`);
    await runner.query(`
      CREATE TABLE receipt_prints (
        kind text NOT NULL CHECK (kind IN ('ppob', 'angsuran', 'simpanan')),
        receipt_id text NOT NULL,
        print_no integer NOT NULL CHECK (print_no > 0),
        koperasi_id text NOT NULL,
        printed_at timestamptz NOT NULL DEFAULT now(),
        printed_by uuid NOT NULL,
        PRIMARY KEY (kind, receipt_id, print_no)
      )`);
    await runner.query(
      `CREATE INDEX receipt_prints_by_koperasi ON receipt_prints (koperasi_id, printed_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE receipt_prints`);
    await runner.query(`ALTER TABLE users DROP COLUMN full_name`);
  }
}
