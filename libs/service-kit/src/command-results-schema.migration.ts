import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reply of every command that acted, by commandId (DeciderCommandHandler stores and reads them). */
export class CommandResultsSchema1790000000002 implements MigrationInterface {
  name = 'CommandResultsSchema1790000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE command_results (
        command_id text PRIMARY KEY,
        reply jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE command_results`);
  }
}
