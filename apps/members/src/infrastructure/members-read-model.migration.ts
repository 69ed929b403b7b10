import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members service's read model and registries, written in the same transaction as the events they
 * follow from, so a query never sees a balance the event store does not hold.
 */
export class MembersReadModel1790000000100 implements MigrationInterface {
  name = 'MembersReadModel1790000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE koperasi (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kelurahan text NOT NULL,
        kecamatan text NOT NULL,
        kota_kabupaten text NOT NULL,
        provinsi text NOT NULL,
        simpanan_pokok_rp bigint NOT NULL CHECK (simpanan_pokok_rp > 0),
        simpanan_wajib_monthly_rp bigint NOT NULL CHECK (simpanan_wajib_monthly_rp > 0),
        -- The next member number; taken with UPDATE ... RETURNING in the registering transaction.
        next_member_seq integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL REFERENCES koperasi (id),
        member_no text NOT NULL UNIQUE,
        nik text NOT NULL,
        full_name text NOT NULL,
        sex text NOT NULL,
        birth_date date NOT NULL,
        birth_place text,
        address text NOT NULL,
        kelurahan text NOT NULL,
        phone text,
        status text NOT NULL CHECK (status IN ('PENDING_POKOK', 'ACTIVE', 'RESIGNED')),
        joined_at text NOT NULL,
        joined_month text NOT NULL,
        pokok_rp bigint NOT NULL DEFAULT 0,
        wajib_rp bigint NOT NULL DEFAULT 0,
        sukarela_rp bigint NOT NULL DEFAULT 0 CHECK (sukarela_rp >= 0),
        -- The decider's state after stream_version: a snapshot, so a command folds only newer events.
        state jsonb NOT NULL DEFAULT '{}',
        stream_version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX members_by_koperasi_nik ON members (koperasi_id, nik)`);
    await runner.query(
      `CREATE INDEX members_by_koperasi_name ON members (koperasi_id, lower(full_name))`,
    );
    // One NIK, one koperasi, platform-wide: the primary key decides between two counters racing.
    await runner.query(`
      CREATE TABLE member_niks (
        nik text PRIMARY KEY,
        member_id uuid NOT NULL,
        koperasi_id uuid NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE member_wajib_months (
        member_id uuid NOT NULL REFERENCES members (id),
        period text NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (member_id, period)
      )`);
    await runner.query(`
      CREATE TABLE savings_movements (
        event_id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES members (id),
        koperasi_id uuid NOT NULL,
        stream_version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL,
        description text NOT NULL,
        amount_rp bigint NOT NULL,
        pokok_rp bigint NOT NULL,
        wajib_rp bigint NOT NULL,
        sukarela_rp bigint NOT NULL,
        UNIQUE (member_id, stream_version)
      )`);
    await runner.query(`
      CREATE TABLE command_results (
        command_id text PRIMARY KEY,
        reply jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE command_results`);
    await runner.query(`DROP TABLE savings_movements`);
    await runner.query(`DROP TABLE member_wajib_months`);
    await runner.query(`DROP TABLE member_niks`);
    await runner.query(`DROP TABLE members`);
    await runner.query(`DROP TABLE koperasi`);
  }
}
