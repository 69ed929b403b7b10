import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The vault (kas brankas) the tellers' floats come from and go back to, and selisih kas for over and short. */
export class LedgerCashDrawerAccounts1790000000310 implements MigrationInterface {
  name = 'LedgerCashDrawerAccounts1790000000310';

  async up(runner: QueryRunner): Promise<void> {
    // Fixed here rather than read from the chart in code, so this migration means the same thing for ever.
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       VALUES ('111100', 'Kas brankas', 'asset', 'debit'), ('530000', 'Selisih kas', 'expense', 'debit')
       ON CONFLICT (code) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM chart_of_accounts WHERE code IN ('111100', '530000')`);
  }
}
