import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Setor ke bank and the bank's fee settlements as the supervisor's screens list them; the events stay the record. */
export class BankMoney1790000000410 implements MigrationInterface {
  name = 'BankMoney1790000000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bank_deposits (
        deposit_id uuid PRIMARY KEY,
        -- The order they were recorded in; recorded_at is to the second.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        koperasi_id uuid NOT NULL,
        slip_ref text NOT NULL,
        amount_rp bigint NOT NULL CHECK (amount_rp > 0),
        recorded_at timestamptz NOT NULL,
        view jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX bank_deposits_by_seq ON bank_deposits (koperasi_id, seq)`);
    await runner.query(`
      CREATE TABLE bank_fee_settlements (
        settlement_id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        koperasi_id uuid NOT NULL,
        reference text NOT NULL,
        period text NOT NULL,
        amount_rp bigint NOT NULL CHECK (amount_rp > 0),
        recorded_at timestamptz NOT NULL,
        view jsonb NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX bank_fee_settlements_by_period ON bank_fee_settlements (koperasi_id, period)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE bank_fee_settlements`);
    await runner.query(`DROP TABLE bank_deposits`);
  }
}
