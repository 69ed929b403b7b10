import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The liability the RAT's SHU distribution books the members' share to, until each member is paid. */
export class LedgerShuPayableAccount1790000000400 implements MigrationInterface {
  name = 'LedgerShuPayableAccount1790000000400';

  async up(runner: QueryRunner): Promise<void> {
    // Fixed here rather than read from the chart in code, so this migration means the same thing for ever.
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       VALUES ('216000', 'SHU anggota belum dibayar', 'liability', 'credit')
       ON CONFLICT (code) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM chart_of_accounts WHERE code = '216000'`);
  }
}
