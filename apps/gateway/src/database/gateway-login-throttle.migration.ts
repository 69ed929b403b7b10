import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling kept in the database, so every gateway instance and a restarted one see the same failures
 * and lockouts; and the sign-in log a supervisor reads (time, username, address, outcome).
 */
export class GatewayLoginThrottle1790000001800 implements MigrationInterface {
  name = 'GatewayLoginThrottle1790000001800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE login_throttles (
        scope text NOT NULL CHECK (scope IN ('username', 'address')),
        key text NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0),
        lockouts integer NOT NULL CHECK (lockouts >= 0),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz NULL,
        -- The first refusal of a lockout is logged; the rest of a flood against a locked key is not.
        lock_logged boolean NOT NULL DEFAULT false,
        PRIMARY KEY (scope, key)
      )`);
    await runner.query(`CREATE INDEX login_throttles_by_age ON login_throttles (last_failure_at)`);
    await runner.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        username text NOT NULL,
        address text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'WRONG_PASSWORD', 'LOCKED')),
        -- The user's koperasi when the username is a user's: whose supervisor sees the attempt.
        koperasi_id text NULL
      )`);
    await runner.query(`CREATE INDEX login_attempts_by_time ON login_attempts (attempted_at)`);
    await runner.query(
      `CREATE INDEX login_attempts_by_koperasi ON login_attempts (koperasi_id, attempted_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE login_attempts`);
    await runner.query(`DROP TABLE login_throttles`);
  }
}
