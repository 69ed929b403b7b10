import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each teller's drawer per business day, as the counter and the supervisor see it; the events stay the record. */
export class CashDrawers1790000000400 implements MigrationInterface {
  name = 'CashDrawers1790000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cash_drawers (
        koperasi_id uuid NOT NULL,
        business_date date NOT NULL,
        teller_id text NOT NULL,
        drawer_id uuid NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('OPEN', 'COUNTED', 'CLOSED')),
        view jsonb NOT NULL,
        stream_version integer NOT NULL,
        PRIMARY KEY (koperasi_id, business_date, teller_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cash_drawers`);
  }
}
