import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users of the HTTP API and the idempotency keys of its writes; the gateway holds no business data. */
export class GatewaySchema1790000001000 implements MigrationInterface {
  name = 'GatewaySchema1790000001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'supervisor', 'teller', 'auditor')),
        koperasi_id text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'admin') = (koperasi_id IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE idempotency_keys (
        koperasi_scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in-progress', 'done')),
        response_status integer NULL,
        response_body jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (koperasi_scope, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
    await runner.query('DROP TABLE users');
  }
}
