import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The equity accounts the year end books into: cadangan (reserve) and SHU belum dibagi. */
export class LedgerEquityAccounts1790000000340 implements MigrationInterface {
  name = 'LedgerEquityAccounts1790000000340';

  async up(runner: QueryRunner): Promise<void> {
    // Fixed here rather than read from the chart in code, so this migration means the same thing for ever.
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       VALUES ('330000', 'Cadangan', 'equity', 'credit'), ('340000', 'SHU belum dibagi', 'equity', 'credit')
       ON CONFLICT (code) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM chart_of_accounts WHERE code IN ('330000', '340000')`);
  }
}
