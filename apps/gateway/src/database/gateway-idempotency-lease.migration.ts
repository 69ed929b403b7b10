import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a key's current owner claimed it: a claim whose owner died (or lost its database before completing) is
 * taken over by a retry once it is older than the lease, instead of answering "outcome unknown" forever.
 */
export class GatewayIdempotencyLease1790000002400 implements MigrationInterface {
  name = 'GatewayIdempotencyLease1790000002400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE idempotency_keys ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys DROP COLUMN claimed_at`);
  }
}
