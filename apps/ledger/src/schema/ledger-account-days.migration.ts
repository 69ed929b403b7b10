import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each account's debits and credits per WIB day, rebuilt from the journal: what the migration fills the
 * table with and what a replay writes after its journal. The day is the one businessDateWib gives the entry's
 * event time (WIB is UTC+7 all year).
 */
export const ACCOUNT_DAYS_FROM_JOURNAL = `
  INSERT INTO account_day_balances (koperasi_id, business_date, account_code, debit_rp, credit_rp)
  SELECT entry.koperasi_id, ((entry.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date,
         line.account_code, sum(line.debit_rp), sum(line.credit_rp)
  FROM journal_entries entry JOIN journal_lines line ON line.entry_id = entry.id
  GROUP BY 1, 2, 3`;

/**
 * The books by day, kept by the journal writer in the same transaction as the lines, so the books as of any
 * time are the closed days' sums and the entries of that one day instead of the whole journal.
 */
export class LedgerAccountDays1790000000390 implements MigrationInterface {
  name = 'LedgerAccountDays1790000000390';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE account_day_balances (
        koperasi_id text NOT NULL,
        business_date date NOT NULL,
        account_code text NOT NULL REFERENCES chart_of_accounts (code),
        debit_rp bigint NOT NULL CHECK (debit_rp >= 0),
        credit_rp bigint NOT NULL CHECK (credit_rp >= 0),
        PRIMARY KEY (koperasi_id, business_date, account_code)
      )`);
    await runner.query(ACCOUNT_DAYS_FROM_JOURNAL);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE account_day_balances`);
  }
}
