import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditors' replay jobs, kept so a ledger restart loses none: what was asked, where it got to, and the
 * comparison once done. `schema_name` is the rebuild's schema while it runs, dropped when a restart finds it.
 */
export class LedgerReplayJobs1790000000351 implements MigrationInterface {
  name = 'LedgerReplayJobs1790000000351';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_replay_jobs (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        source text NOT NULL CHECK (source IN ('stores', 'kafka')),
        koperasi_ids text[] NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        progress jsonb NOT NULL,
        result jsonb,
        error text,
        schema_name text,
        restarts integer NOT NULL DEFAULT 0 CHECK (restarts >= 0),
        last_restarted_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX audit_replay_jobs_unfinished ON audit_replay_jobs (requested_at) WHERE status IN ('queued', 'running')`,
    );
    await runner.query(
      `CREATE INDEX audit_replay_jobs_by_time ON audit_replay_jobs (requested_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_replay_jobs`);
  }
}
