import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice the bank refused for good (422): the collection is REFUSED, never sent again nor remitted, and its
 * refusal (the bank's code and reason, then who paid it back from which drawer) is kept for the screens.
 */
export class LoansCollectionRefusal1790000000302 implements MigrationInterface {
  name = 'LoansCollectionRefusal1790000000302';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE collections DROP CONSTRAINT collections_notice_status_check,
        ADD CONSTRAINT collections_notice_status_check CHECK (notice_status IN ('PENDING', 'ACKNOWLEDGED', 'REFUSED')),
        ADD COLUMN refusal jsonb`);
    await runner.query(
      `CREATE INDEX collections_refused ON collections (koperasi_id, collected_at) WHERE notice_status = 'REFUSED'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX collections_refused`);
    await runner.query(`
      ALTER TABLE collections DROP COLUMN refusal, DROP CONSTRAINT collections_notice_status_check,
        ADD CONSTRAINT collections_notice_status_check CHECK (notice_status IN ('PENDING', 'ACKNOWLEDGED'))`);
  }
}
