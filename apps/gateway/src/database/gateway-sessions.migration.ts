import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions: a user can be disabled, and a session generation ends every session of a user at once
 * (a disabled user, a new password). A session is one sign-in; its refresh tokens are stored as SHA-256 hashes
 * and used once each, and a used one seen again revokes the session. The sign-in log also records who lifted a
 * lockout.
 */
export class GatewaySessions1790000002300 implements MigrationInterface {
  name = 'GatewaySessions1790000002300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN session_generation integer NOT NULL DEFAULT 0`);
    await runner.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        -- The user's session_generation when the session began; a later one ends the session.
        generation integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        address text NOT NULL,
        revoked_at timestamptz NULL,
        revoked_reason text NULL CHECK (revoked_reason IN ('LOGOUT', 'REFRESH_TOKEN_REUSED'))
      )`);
    await runner.query(`CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id)`);
    await runner.query(`CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at)`);
    await runner.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz NULL
      )`);
    await runner.query(`CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id)`);
    await runner.query(`ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check`);
    await runner.query(
      `ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check CHECK (outcome IN ('SUCCESS', 'WRONG_PASSWORD', 'LOCKED', 'DISABLED', 'UNLOCKED'))`,
    );
    // For UNLOCKED: the supervisor or admin who lifted the lockout.
    await runner.query(`ALTER TABLE login_attempts ADD COLUMN by_username text NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM login_attempts WHERE outcome IN ('DISABLED', 'UNLOCKED')`);
    await runner.query(`ALTER TABLE login_attempts DROP COLUMN by_username`);
    await runner.query(`ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check`);
    await runner.query(
      `ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check CHECK (outcome IN ('SUCCESS', 'WRONG_PASSWORD', 'LOCKED'))`,
    );
    await runner.query(`DROP TABLE refresh_tokens`);
    await runner.query(`DROP TABLE auth_sessions`);
    await runner.query(`ALTER TABLE users DROP COLUMN active, DROP COLUMN session_generation`);
  }
}
