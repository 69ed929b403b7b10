import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store of one service database. The events table is the outbox: the relay publishes from it.
 * `transaction_id` lets the relay tell committed rows from rows of transactions still open.
 */
export class EventStoreSchema1790000000000 implements MigrationInterface {
  name = 'EventStoreSchema1790000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        schema_version integer NOT NULL CHECK (schema_version > 0),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_version)
      )`);
    await runner.query(
      `CREATE INDEX events_commit_order ON events (transaction_id, global_position)`,
    );
    await runner.query(`
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        last_hash text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE relay_checkpoints (
        relay text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE FUNCTION reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is refused; record a correcting event instead', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION reject_event_change()`);
    await runner.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION reject_event_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE relay_checkpoints`);
    await runner.query(`DROP TABLE streams`);
    await runner.query(`DROP TABLE events`);
    await runner.query(`DROP FUNCTION reject_event_change()`);
  }
}
