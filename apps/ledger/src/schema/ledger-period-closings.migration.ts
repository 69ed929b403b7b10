import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Months a supervisor closed (tutup buku), in order and never reopened, copied from members' PeriodClosed
 * events (copy-period-closings.ts); rows from before closings were events stay as they are. The journal is not touched by a closing: an entry whose event falls in a month that was already
 * closed when the ledger posted it is reported in the next open month (see booked-entries.ts).
 */
export class LedgerPeriodClosings1790000000380 implements MigrationInterface {
  name = 'LedgerPeriodClosings1790000000380';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE period_closings (
        koperasi_id text NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        closed_by text NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (koperasi_id, month)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE period_closings`);
  }
}
