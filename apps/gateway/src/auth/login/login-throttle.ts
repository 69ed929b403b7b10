import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import {
  GATEWAY_CONFIG,
  type GatewayConfig,
  type LoginThrottleConfig,
} from '../../config/gateway-config.js';
import { PG_POOL } from '../../database/pg-pool.js';

export type ThrottleScope = 'username' | 'address';

/** A sign-in refused before any password is checked: the username or the address is locked out until `until`. */
export interface Lockout {
  scope: ThrottleScope;
  until: Date;
  /** Whether this refusal is the first of its lockout (the sign-in log records only that one). */
  firstRefusal: boolean;
}

/** What a wrong password did: how long to hold the answer, and the lockout it started, if any. */
export interface FailureOutcome {
  delayMs: number;
  lockout: Lockout | null;
}

/** The answer to a wrong password waits at most this long, whatever the failure count. */
const MAX_FAILURE_DELAY_MS = 2_000;
/** Lockouts grow while an attack goes on; a day without a failure forgets them. */
const LOCKOUT_MEMORY = '24 hours';

interface CountRow {
  failures: number;
  lockouts: number;
}

/**
 * Per-username and per-address throttling of wrong passwords, in PostgreSQL so that every gateway instance
 * counts the same failures. Each wrong password is answered later than the one before; `maxFailures` in a row
 * lock the key out for `lockoutMs`, doubled for each further lockout. A success clears the username only:
 * an address's count is left to age out, or one known account would reset it between guesses.
 */
@Injectable()
export class LoginThrottle {
  private readonly config: LoginThrottleConfig;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.config = config.login;
  }

  /** The lockout that refuses this sign-in now, the one ending last when both keys are locked. */
  async lockoutOf(username: string, address: string): Promise<Lockout | null> {
    const { rows } = await this.pool.query<{
      scope: ThrottleScope;
      locked_until: Date;
      first_refusal: boolean;
    }>(
      `WITH locked AS (
         SELECT scope, key, locked_until, lock_logged FROM login_throttles
          WHERE ((scope = 'username' AND key = $1) OR (scope = 'address' AND key = $2)) AND locked_until > now()
          ORDER BY locked_until DESC LIMIT 1
       ), logged AS (
         UPDATE login_throttles t SET lock_logged = true FROM locked
          WHERE t.scope = locked.scope AND t.key = locked.key AND NOT t.lock_logged
         RETURNING t.scope
       )
       SELECT locked.scope, locked.locked_until, EXISTS (SELECT 1 FROM logged) AS first_refusal FROM locked`,
      [username, address],
    );
    const row = rows[0];
    return row
      ? { scope: row.scope, until: row.locked_until, firstRefusal: row.first_refusal }
      : null;
  }

  async recordFailure(username: string, address: string): Promise<FailureOutcome> {
    const byUser = await this.countFailure('username', username, this.config.maxFailuresPerUser);
    const byAddress = await this.countFailure(
      'address',
      address,
      this.config.maxFailuresPerAddress,
    );
    const delayMs = Math.min(
      this.config.failureDelayMs * 2 ** Math.max(byUser.failures - 1, 0),
      MAX_FAILURE_DELAY_MS,
    );
    return { delayMs, lockout: byUser.lockout ?? byAddress.lockout };
  }

  async recordSuccess(username: string): Promise<void> {
    await this.pool.query(`DELETE FROM login_throttles WHERE scope = 'username' AND key = $1`, [
      username,
    ]);
  }

  /** Lifts a username's lockout and forgets its failures; whether a lockout was running. */
  async unlock(username: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ was_locked: boolean }>(
      `DELETE FROM login_throttles WHERE scope = 'username' AND key = $1 RETURNING COALESCE(locked_until > now(), false) AS was_locked`,
      [username],
    );
    return rows[0]?.was_locked ?? false;
  }

  /** Removes keys with no recent failure and no running lockout, at most `limit` rows; the count removed. */
  async pruneIdle(limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM login_throttles WHERE (scope, key) IN (
         SELECT scope, key FROM login_throttles
          WHERE last_failure_at < now() - $1::interval AND (locked_until IS NULL OR locked_until < now())
          LIMIT $2)`,
      [LOCKOUT_MEMORY, limit],
    );
    return rowCount ?? 0;
  }

  private async countFailure(
    scope: ThrottleScope,
    key: string,
    maxFailures: number,
  ): Promise<{ failures: number; lockout: Lockout | null }> {
    const { rows } = await this.pool.query<CountRow>(
      `INSERT INTO login_throttles AS t (scope, key, failures, lockouts, last_failure_at)
       VALUES ($1, $2, 1, 0, now())
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < now() - $3 * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END,
         lockouts = CASE WHEN t.last_failure_at < now() - $4::interval THEN 0 ELSE t.lockouts END,
         last_failure_at = now()
       RETURNING failures, lockouts`,
      [scope, key, this.config.failureWindowMs, LOCKOUT_MEMORY],
    );
    const counted = rows[0];
    if (counted.failures < maxFailures) return { failures: counted.failures, lockout: null };
    // Only the instance whose update still sees the full count starts the lockout; a concurrent one finds it reset.
    const { rows: locked } = await this.pool.query<{ locked_until: Date }>(
      `UPDATE login_throttles SET
         failures = 0,
         lockouts = lockouts + 1,
         locked_until = now() + LEAST($4::bigint, $3::bigint * 2 ^ LEAST(lockouts, 30)) * interval '1 millisecond',
         lock_logged = false
       WHERE scope = $1 AND key = $2 AND failures >= $5
       RETURNING locked_until`,
      [scope, key, this.config.lockoutMs, this.config.lockoutMaxMs, maxFailures],
    );
    // The failure that locks is logged as a wrong password; the first refusal after it as LOCKED.
    return {
      failures: counted.failures,
      lockout: locked[0] ? { scope, until: locked[0].locked_until, firstRefusal: false } : null,
    };
  }
}
