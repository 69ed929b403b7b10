import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../database/pg-pool.js';

export type LoginOutcome = 'SUCCESS' | 'WRONG_PASSWORD' | 'LOCKED' | 'DISABLED' | 'UNLOCKED';
export const LOGIN_OUTCOMES: readonly LoginOutcome[] = [
  'SUCCESS',
  'WRONG_PASSWORD',
  'LOCKED',
  'DISABLED',
  'UNLOCKED',
];

export interface LoginAttempt {
  attemptedAt: string;
  username: string;
  address: string;
  outcome: LoginOutcome;
  /** UNLOCKED: the supervisor or admin who lifted the lockout; null otherwise. */
  by: string | null;
}

/** The sign-in log: every success and failure, with the address the gateway saw. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** `koperasiId` is the user's when the username is a user's, so that koperasi's supervisor sees the attempt. */
  async record(attempt: {
    username: string;
    address: string;
    outcome: LoginOutcome;
    koperasiId: string | null;
    by?: string;
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO login_attempts (username, address, outcome, koperasi_id, by_username) VALUES ($1, $2, $3, $4, $5)`,
      [attempt.username, attempt.address, attempt.outcome, attempt.koperasiId, attempt.by ?? null],
    );
  }

  /**
   * Attempts in [from, to), newest first, at most `limit`; only one koperasi's users' when `koperasiId` is given
   * (null: every attempt, unknown usernames included).
   */
  async between(
    from: string,
    to: string,
    koperasiId: string | null,
    limit: number,
  ): Promise<LoginAttempt[]> {
    const { rows } = await this.pool.query<{
      attempted_at: Date;
      username: string;
      address: string;
      outcome: LoginOutcome;
      by_username: string | null;
    }>(
      `SELECT attempted_at, username, address, outcome, by_username FROM login_attempts
        WHERE attempted_at >= $1 AND attempted_at < $2 AND ($3::text IS NULL OR koperasi_id = $3)
        ORDER BY attempted_at DESC, id DESC LIMIT $4`,
      [from, to, koperasiId, limit],
    );
    return rows.map((row) => ({
      attemptedAt: row.attempted_at.toISOString(),
      username: row.username,
      address: row.address,
      outcome: row.outcome,
      by: row.by_username,
    }));
  }

  /** Removes attempts older than `retentionDays`, at most `limit` rows; the count removed. */
  async pruneOlderThan(retentionDays: number, limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM login_attempts WHERE id IN (
         SELECT id FROM login_attempts WHERE attempted_at < now() - $1 * interval '1 day' ORDER BY id LIMIT $2)`,
      [retentionDays, limit],
    );
    return rowCount ?? 0;
  }
}
