import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the auditors' journal reads filter on: a scope's entries in id order (the keyset of their pages) and an
 * account's lines (buku besar), both without reading the other koperasi's rows.
 */
export class LedgerAuditIndexes1790000000350 implements MigrationInterface {
  name = 'LedgerAuditIndexes1790000000350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX journal_entries_by_koperasi ON journal_entries (koperasi_id, id)`,
    );
    await runner.query(
      `CREATE INDEX journal_lines_by_account ON journal_lines (koperasi_id, account_code, entry_id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX journal_lines_by_account, journal_entries_by_koperasi`);
  }
}
