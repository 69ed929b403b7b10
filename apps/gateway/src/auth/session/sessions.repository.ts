import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@koperasi/contracts';
import { inTransaction } from '@koperasi/database';
import type pg from 'pg';
import { PG_POOL } from '../../database/pg-pool.js';

/** A session and its user as they are now: what every request's token is checked against. */
export interface SessionState {
  sessionId: string;
  userId: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
  kotaKabupaten: string | null;
  /** Not revoked, not past its end, the user active and on the generation the session began with. */
  live: boolean;
  expiresAt: Date;
}

/** What using a refresh token found. */
export type RotationResult =
  | { kind: 'rotated'; session: SessionState }
  | { kind: 'unknown' }
  /** The token was used before: someone holds a copy. The session is revoked. */
  | { kind: 'reused'; sessionId: string }
  | { kind: 'ended'; sessionId: string };

export type RevokeReason = 'LOGOUT' | 'REFRESH_TOKEN_REUSED';

interface StateRow {
  session_id: string;
  user_id: string;
  username: string;
  role: UserRole;
  koperasi_id: string | null;
  kota_kabupaten: string | null;
  live: boolean;
  expires_at: Date;
}

const STATE_COLUMNS = `s.id::text AS session_id, u.id::text AS user_id, u.username, u.role, u.koperasi_id, u.kota_kabupaten,
  s.expires_at, (s.revoked_at IS NULL AND s.expires_at > now() AND u.active AND u.session_generation = s.generation) AS live`;

/** Refresh tokens are random and long, so one SHA-256 is enough to make a stolen table useless. */
export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Sessions (one per sign-in) and their refresh tokens, stored hashed, each used once. */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** A session of the user at its current generation, with its first refresh token. */
  async start(session: {
    id: string;
    userId: string;
    address: string;
    ttlSeconds: number;
    refreshToken: string;
  }): Promise<Date> {
    const { rows } = await this.pool.query<{ expires_at: Date }>(
      `WITH started AS (
         INSERT INTO auth_sessions (id, user_id, generation, expires_at, address)
         SELECT $1, u.id, u.session_generation, now() + $4 * interval '1 second', $3 FROM users u WHERE u.id = $2
         RETURNING id, expires_at
       ), token AS (
         INSERT INTO refresh_tokens (token_hash, session_id) SELECT $5, id FROM started
       )
       SELECT expires_at FROM started`,
      [
        session.id,
        session.userId,
        session.address,
        session.ttlSeconds,
        refreshTokenHash(session.refreshToken),
      ],
    );
    if (!rows[0]) throw new Error(`no user ${session.userId} to start a session for`);
    return rows[0].expires_at;
  }

  async stateOf(sessionId: string): Promise<SessionState | null> {
    const { rows } = await this.pool.query<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId],
    );
    return rows[0] ? toState(rows[0]) : null;
  }

  /**
   * Uses a refresh token once: a live session's token is marked used and `next` takes its place. A token used
   * before revokes its session, whoever sends it: the thief or the counter, one of them holds a copy.
   */
  rotate(token: string, next: string): Promise<RotationResult> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<StateRow & { used: boolean }>(
        `SELECT ${STATE_COLUMNS}, t.used_at IS NOT NULL AS used
           FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [refreshTokenHash(token)],
      );
      const found = rows[0];
      let result: RotationResult;
      if (!found) result = { kind: 'unknown' };
      else if (found.used) {
        await client.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'REFRESH_TOKEN_REUSED' WHERE id = $1 AND revoked_at IS NULL`,
          [found.session_id],
        );
        result = { kind: 'reused', sessionId: found.session_id };
      } else if (!found.live) result = { kind: 'ended', sessionId: found.session_id };
      else {
        await client.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [
          refreshTokenHash(token),
        ]);
        await client.query(`INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [
          refreshTokenHash(next),
          found.session_id,
        ]);
        result = { kind: 'rotated', session: toState(found) };
      }
      return result;
    });
  }

  /** Revokes the session a refresh token belongs to; its id, or null when the token is no one's. */
  async revokeByRefreshToken(token: string, reason: RevokeReason): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE auth_sessions s SET revoked_at = COALESCE(s.revoked_at, now()), revoked_reason = COALESCE(s.revoked_reason, $2)
         FROM refresh_tokens t WHERE t.token_hash = $1 AND t.session_id = s.id
       RETURNING s.id::text AS id`,
      [refreshTokenHash(token), reason],
    );
    return rows[0]?.id ?? null;
  }

  /** Removes sessions that ended more than a day ago (their tokens go with them), at most `limit`; the count removed. */
  async pruneEnded(limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM auth_sessions WHERE id IN (
         SELECT id FROM auth_sessions WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
      [limit],
    );
    return rowCount ?? 0;
  }
}

function toState(row: StateRow): SessionState {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    koperasiId: row.koperasi_id,
    kotaKabupaten: row.kota_kabupaten,
    live: row.live,
    expiresAt: row.expires_at,
  };
}
