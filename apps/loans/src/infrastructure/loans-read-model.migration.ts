import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loans read model, written in the same transaction as the events it follows from, plus the delivery state
 * of notices and batches to the bank (which the dispatchers scan, so a restart resumes where it stopped).
 */
export class LoansReadModel1790000000300 implements MigrationInterface {
  name = 'LoansReadModel1790000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE collection_agreements (
        koperasi_id uuid NOT NULL,
        product text NOT NULL CHECK (product IN ('KUR', 'KUPEDES')),
        fee_kind text NOT NULL CHECK (fee_kind IN ('FIXED', 'PERCENT')),
        fee_fixed_rp bigint CHECK (fee_fixed_rp >= 0),
        fee_basis_points integer CHECK (fee_basis_points >= 0),
        partial_allowed boolean NOT NULL,
        fee_mode text NOT NULL CHECK (fee_mode IN ('BANK_PAYS', 'NETTED')),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (koperasi_id, product),
        CHECK ((fee_kind = 'FIXED') = (fee_fixed_rp IS NOT NULL) AND (fee_kind = 'PERCENT') = (fee_basis_points IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE remittances (
        remittance_id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('SENT', 'UNKNOWN', 'CONFIRMED', 'REJECTED')),
        collection_count integer NOT NULL,
        collected_rp bigint NOT NULL,
        fee_netted_rp bigint NOT NULL,
        remit_rp bigint NOT NULL CHECK (remit_rp >= 0),
        supervisor_id text NOT NULL,
        closed_at timestamptz NOT NULL,
        resolved_at timestamptz,
        reason text,
        bank_ref text,
        -- Delivery: whether the batch was ever posted, how often tried, and when to try next.
        posted boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text
      )`);
    await runner.query(
      `CREATE INDEX remittances_to_deliver ON remittances (next_attempt_at) WHERE status IN ('SENT', 'UNKNOWN')`,
    );
    await runner.query(`
      CREATE TABLE collections (
        collection_id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL,
        loan_no text NOT NULL,
        product text NOT NULL,
        borrower_name text NOT NULL,
        period text NOT NULL,
        amount_rp bigint NOT NULL CHECK (amount_rp > 0),
        fee_rp bigint NOT NULL CHECK (fee_rp >= 0 AND fee_rp <= amount_rp),
        fee_mode text NOT NULL CHECK (fee_mode IN ('BANK_PAYS', 'NETTED')),
        teller_id text NOT NULL,
        event_id uuid NOT NULL,
        collected_at timestamptz NOT NULL,
        -- The counter's date in WIB, which is the day the collection belongs to.
        business_date date NOT NULL,
        notice_status text NOT NULL DEFAULT 'PENDING' CHECK (notice_status IN ('PENDING', 'ACKNOWLEDGED')),
        notice_attempts integer NOT NULL DEFAULT 0,
        next_notice_at timestamptz NOT NULL DEFAULT now(),
        notice_error text,
        bank_ref text,
        acknowledged_at timestamptz,
        -- The open or confirmed batch holding it; null while in the pool.
        remittance_id uuid REFERENCES remittances (remittance_id)
      )`);
    await runner.query(
      `CREATE INDEX collections_notices_due ON collections (next_notice_at) WHERE notice_status = 'PENDING'`,
    );
    await runner.query(
      `CREATE INDEX collections_in_pool ON collections (koperasi_id, collected_at) WHERE remittance_id IS NULL`,
    );
    await runner.query(
      `CREATE INDEX collections_by_date ON collections (koperasi_id, business_date)`,
    );
    await runner.query(`CREATE INDEX collections_by_remittance ON collections (remittance_id)`);
    await runner.query(`CREATE INDEX collections_by_loan ON collections (loan_no, collected_at)`);
    await runner.query(`
      CREATE TABLE remittance_items (
        remittance_id uuid NOT NULL REFERENCES remittances (remittance_id),
        collection_id uuid NOT NULL REFERENCES collections (collection_id),
        -- False once the bank rejected the batch: the collection went back to the pool.
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (remittance_id, collection_id)
      )`);
    // The rule that matters most here: a collection is in at most one open or confirmed batch, whoever races.
    await runner.query(
      `CREATE UNIQUE INDEX remittance_items_one_live_batch ON remittance_items (collection_id) WHERE active`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE remittance_items`);
    await runner.query(`DROP TABLE collections`);
    await runner.query(`DROP TABLE remittances`);
    await runner.query(`DROP TABLE collection_agreements`);
  }
}
