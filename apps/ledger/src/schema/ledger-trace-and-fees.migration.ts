import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the auditors' trace and the fee income report need: each entry names the event, stream, command and
 * user behind it, and each fee line the product that earned it. Entries posted before this migration keep
 * NULL there; their source event id still leads to the event. Also the PPOB loss account.
 */
export class LedgerTraceAndFees1790000000301 implements MigrationInterface {
  name = 'LedgerTraceAndFees1790000000301';

  async up(runner: QueryRunner): Promise<void> {
    // Fixed here rather than read from the chart in code, so this migration means the same thing for ever.
    await runner.query(
      `INSERT INTO chart_of_accounts (code, name, kind, normal_balance)
       VALUES ('510000', 'PPOB loss, price above amount collected', 'expense', 'debit')
       ON CONFLICT (code) DO NOTHING`,
    );
    await runner.query(`
      ALTER TABLE journal_entries
        ADD COLUMN source_service text CHECK (source_service IN ('members', 'billpay', 'loans')),
        ADD COLUMN event_type text,
        ADD COLUMN stream_id text,
        ADD COLUMN stream_version bigint,
        ADD COLUMN actor text,
        ADD COLUMN correlation_id text,
        ADD COLUMN causation_id text`);
    await runner.query(`
      ALTER TABLE journal_lines
        ADD COLUMN fee_source text CHECK (fee_source IN ('PPOB', 'LOANS')),
        ADD COLUMN product_code text,
        ADD CONSTRAINT journal_lines_fee_fact_whole CHECK ((fee_source IS NULL) = (product_code IS NULL))`);
    // A member statement, now or as of a past instant, reads only that member's lines.
    await runner.query(
      `CREATE INDEX journal_lines_by_member ON journal_lines (koperasi_id, member_id) WHERE member_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX journal_lines_by_member`);
    await runner.query(
      `ALTER TABLE journal_lines DROP COLUMN fee_source, DROP COLUMN product_code`,
    );
    await runner.query(`
      ALTER TABLE journal_entries DROP COLUMN source_service, DROP COLUMN event_type, DROP COLUMN stream_id,
        DROP COLUMN stream_version, DROP COLUMN actor, DROP COLUMN correlation_id, DROP COLUMN causation_id`);
    await runner.query(`DELETE FROM chart_of_accounts WHERE code = '510000'`);
  }
}
