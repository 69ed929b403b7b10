import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The liability for installments the bank refused: the cash is owed back to the customer until paid out. */
export class LedgerRefusedInstallmentsAccount1790000000370 implements MigrationInterface {
  name = 'LedgerRefusedInstallmentsAccount1790000000370';

  async up(runner: QueryRunner): Promise<void> {
    // Fixed here rather than read from the chart in code, so this migration means the same thing for ever.
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       VALUES ('215000', 'Angsuran ditolak bank, dikembalikan', 'liability', 'credit')
       ON CONFLICT (code) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM chart_of_accounts WHERE code = '215000'`);
  }
}
