import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * City auditors, and the trail from a command back to its request: an auditor is bound either to one koperasi
 * or to a kota/kabupaten (every koperasi there); an idempotency key remembers the commandId it became, who sent
 * it and where, so a journal entry traces to the user through the event's causationId.
 */
export class GatewayAuditScope1790000001600 implements MigrationInterface {
  name = 'GatewayAuditScope1790000001600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users ADD COLUMN kota_kabupaten text NULL`);
    await runner.query(`ALTER TABLE users DROP CONSTRAINT users_check`);
    await runner.query(`
      ALTER TABLE users ADD CONSTRAINT users_scope_fits_role CHECK (
        (role = 'admin' AND koperasi_id IS NULL AND kota_kabupaten IS NULL)
        OR (role IN ('supervisor', 'teller') AND koperasi_id IS NOT NULL AND kota_kabupaten IS NULL)
        OR (role = 'auditor' AND (koperasi_id IS NULL) <> (kota_kabupaten IS NULL)))`);
    await runner.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN command_id uuid NULL,
        ADD COLUMN user_id uuid NULL,
        ADD COLUMN method text NULL,
        ADD COLUMN path text NULL`);
    await runner.query(
      `CREATE INDEX idempotency_keys_by_command ON idempotency_keys (command_id) WHERE command_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX idempotency_keys_by_command`);
    await runner.query(
      `ALTER TABLE idempotency_keys DROP COLUMN command_id, DROP COLUMN user_id, DROP COLUMN method, DROP COLUMN path`,
    );
    await runner.query(`DELETE FROM users WHERE kota_kabupaten IS NOT NULL`);
    await runner.query(`ALTER TABLE users DROP CONSTRAINT users_scope_fits_role`);
    await runner.query(
      `ALTER TABLE users ADD CONSTRAINT users_check CHECK ((role = 'admin') = (koperasi_id IS NULL))`,
    );
    await runner.query(`ALTER TABLE users DROP COLUMN kota_kabupaten`);
  }
}
