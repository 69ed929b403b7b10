import type { Pool } from 'pg';
import type {
  ReplayJob,
  ReplayJobProgress,
  ReplayJobResult,
  ReplayJobStatus,
} from './replay-job.js';

interface JobRow {
  id: string;
  status: ReplayJobStatus;
  source: ReplayJob['source'];
  koperasi_ids: string[];
  requested_by: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  progress: ReplayJobProgress;
  result: ReplayJobResult | null;
  error: string | null;
  restarts: number;
  last_restarted_at: Date | null;
  schema_name: string | null;
}

const JOB_COLUMNS = `id, status, source, koperasi_ids, requested_by, requested_at, started_at, finished_at, progress, result, error,
                     restarts, last_restarted_at, schema_name`;
/** Finished jobs kept; older ones are forgotten as new ones come (a replay can always be asked again). */
const MAX_FINISHED_KEPT = 1000;
/** Unfinished jobs picked up at one start: more than the queue ever holds. */
const MAX_UNFINISHED_READ = 100;

export interface UnfinishedJob {
  job: ReplayJob;
  /** The schema a run that was cut short left behind, if any. */
  schema: string | null;
}

/** audit_replay_jobs of the ledger database: every state change and, while running, the progress. */
export class ReplayJobStore {
  constructor(private readonly pool: Pool) {}

  async insert(job: ReplayJob): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_replay_jobs (id, status, source, koperasi_ids, requested_by, requested_at, progress)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        job.id,
        job.status,
        job.source,
        job.koperasiIds,
        job.requestedBy,
        job.requestedAt,
        job.progress,
      ],
    );
    await this.pool.query(
      `DELETE FROM audit_replay_jobs WHERE status IN ('done', 'failed')
         AND requested_at < (SELECT requested_at FROM audit_replay_jobs WHERE status IN ('done', 'failed')
                             ORDER BY requested_at DESC OFFSET $1 LIMIT 1)`,
      [MAX_FINISHED_KEPT],
    );
  }

  async get(id: string): Promise<ReplayJob | null> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM audit_replay_jobs WHERE id = $1`,
      [id],
    );
    return rows[0] ? jobOf(rows[0]) : null;
  }

  async countQueued(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_replay_jobs WHERE status = 'queued'`,
    );
    return Number(rows[0].n);
  }

  /** Jobs a previous run of the ledger accepted and never finished, oldest first. */
  async unfinished(): Promise<UnfinishedJob[]> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM audit_replay_jobs WHERE status IN ('queued', 'running') ORDER BY requested_at LIMIT $1`,
      [MAX_UNFINISHED_READ],
    );
    return rows.map((row) => ({ job: jobOf(row), schema: row.schema_name }));
  }

  async started(job: ReplayJob, schema: string): Promise<void> {
    await this.pool.query(
      `UPDATE audit_replay_jobs SET status = $2, started_at = $3, progress = $4, schema_name = $5 WHERE id = $1`,
      [job.id, job.status, job.startedAt, job.progress, schema],
    );
  }

  async progressed(job: ReplayJob): Promise<void> {
    await this.pool.query(
      `UPDATE audit_replay_jobs SET progress = $2 WHERE id = $1 AND status = 'running'`,
      [job.id, job.progress],
    );
  }

  async restarted(job: ReplayJob): Promise<void> {
    await this.pool.query(
      `UPDATE audit_replay_jobs SET status = $2, progress = $3, restarts = $4, last_restarted_at = $5, started_at = NULL, schema_name = NULL
       WHERE id = $1`,
      [job.id, job.status, job.progress, job.restarts, job.lastRestartedAt],
    );
  }

  async finished(job: ReplayJob): Promise<void> {
    await this.pool.query(
      `UPDATE audit_replay_jobs SET status = $2, finished_at = $3, progress = $4, result = $5, error = $6, schema_name = NULL WHERE id = $1`,
      [
        job.id,
        job.status,
        job.finishedAt,
        job.progress,
        job.result === null ? null : JSON.stringify(job.result),
        job.error,
      ],
    );
  }
}

function jobOf(row: JobRow): ReplayJob {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    koperasiIds: row.koperasi_ids,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    progress: row.progress,
    result: row.result,
    error: row.error,
    restarts: row.restarts,
    lastRestartedAt: row.last_restarted_at?.toISOString() ?? null,
  };
}
