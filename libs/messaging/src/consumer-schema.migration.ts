import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which events each consumer of this database has taken, so a redelivered event changes nothing. */
export class ConsumerSchema1790000000001 implements MigrationInterface {
  name = 'ConsumerSchema1790000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE processed_messages (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        outcome text NOT NULL DEFAULT 'projected' CHECK (outcome IN ('projected', 'dead-lettered')),
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE processed_messages`);
  }
}
