import type { MigrationInterface, QueryRunner } from 'typeorm';
import { startingChartOfAccounts } from '../domain/index.js';

/**
 * The books of every koperasi in one database: the journal is the record, and the balances, the member
 * sub-ledger and the cash per teller are running sums kept in the same transaction as the journal lines.
 */
export class LedgerSchema1790000000300 implements MigrationInterface {
  name = 'LedgerSchema1790000000300';

  async up(runner: QueryRunner): Promise<void> {
    // One chart for all koperasi for now; a koperasi-specific account would add a koperasi column here.
    await runner.query(`
      CREATE TABLE chart_of_accounts (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
        normal_balance text NOT NULL CHECK (normal_balance IN ('debit', 'credit'))
      )`);
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        startingChartOfAccounts.map((account) => account.code),
        startingChartOfAccounts.map((account) => account.name),
        startingChartOfAccounts.map((account) => account.kind),
        startingChartOfAccounts.map((account) => account.normalBalance),
      ],
    );
    await runner.query(`
      CREATE TABLE journal_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        koperasi_id text NOT NULL,
        source_event_id uuid NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        description text NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX journal_entries_by_time ON journal_entries (koperasi_id, occurred_at)`,
    );
    await runner.query(`
      CREATE TABLE journal_lines (
        entry_id bigint NOT NULL REFERENCES journal_entries (id),
        line_no smallint NOT NULL CHECK (line_no > 0),
        koperasi_id text NOT NULL,
        account_code text NOT NULL REFERENCES chart_of_accounts (code),
        debit_rp bigint NOT NULL CHECK (debit_rp >= 0),
        credit_rp bigint NOT NULL CHECK (credit_rp >= 0),
        teller_id text,
        member_id text,
        PRIMARY KEY (entry_id, line_no),
        CHECK ((debit_rp > 0) <> (credit_rp > 0))
      )`);
    await runner.query(`
      CREATE TABLE account_balances (
        koperasi_id text NOT NULL,
        account_code text NOT NULL REFERENCES chart_of_accounts (code),
        debit_total_rp bigint NOT NULL DEFAULT 0 CHECK (debit_total_rp >= 0),
        credit_total_rp bigint NOT NULL DEFAULT 0 CHECK (credit_total_rp >= 0),
        PRIMARY KEY (koperasi_id, account_code)
      )`);
    // Balances may not go negative: a withdrawal beyond the savings is a bug upstream, refused here too.
    await runner.query(`
      CREATE TABLE member_savings (
        koperasi_id text NOT NULL,
        member_id text NOT NULL,
        pokok_rp bigint NOT NULL DEFAULT 0 CHECK (pokok_rp >= 0),
        wajib_rp bigint NOT NULL DEFAULT 0 CHECK (wajib_rp >= 0),
        sukarela_rp bigint NOT NULL DEFAULT 0 CHECK (sukarela_rp >= 0),
        PRIMARY KEY (koperasi_id, member_id)
      )`);
    await runner.query(`
      CREATE TABLE cash_by_teller (
        koperasi_id text NOT NULL,
        teller_id text NOT NULL,
        business_date date NOT NULL,
        debit_rp bigint NOT NULL DEFAULT 0 CHECK (debit_rp >= 0),
        credit_rp bigint NOT NULL DEFAULT 0 CHECK (credit_rp >= 0),
        PRIMARY KEY (koperasi_id, business_date, teller_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP TABLE cash_by_teller, member_savings, account_balances, journal_lines, journal_entries, chart_of_accounts`,
    );
  }
}
