import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The billpay read model: catalog and price list (data, not events), the deposit, inquiries, payments and
 * the callback log. Rows that follow from events are written in the same transaction as the events.
 */
export class BillpayReadModel1790000000200 implements MigrationInterface {
  name = 'BillpayReadModel1790000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE products (
        -- NULL: the platform's default catalog, used by every koperasi that has no product rows of its own.
        koperasi_id uuid,
        code text NOT NULL CHECK (code ~ '^[A-Z0-9]{2,20}$'),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PREPAID', 'POSTPAID')),
        biller text NOT NULL,
        customer_no_rule text NOT NULL CHECK (customer_no_rule IN ('PLN_METER', 'PLN_IDPEL', 'PDAM', 'BPJS', 'PHONE')),
        denomination_rp bigint CHECK (denomination_rp > 0),
        admin_fee_rp bigint NOT NULL CHECK (admin_fee_rp >= 0),
        CHECK ((kind = 'PREPAID') = (denomination_rp IS NOT NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX products_default_code ON products (code) WHERE koperasi_id IS NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX products_koperasi_code ON products (koperasi_id, code) WHERE koperasi_id IS NOT NULL`,
    );
    // The aggregator's prices for prepaid products; postpaid prices come with each inquiry.
    await runner.query(`
      CREATE TABLE price_list (
        product_code text PRIMARY KEY,
        price_rp bigint NOT NULL CHECK (price_rp > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      INSERT INTO products (koperasi_id, code, name, kind, biller, customer_no_rule, denomination_rp, admin_fee_rp) VALUES
        (NULL, 'PLN20', 'PLN Token 20.000', 'PREPAID', 'PLN', 'PLN_METER', 20000, 2500),
        (NULL, 'PLN50', 'PLN Token 50.000', 'PREPAID', 'PLN', 'PLN_METER', 50000, 2500),
        (NULL, 'PLN100', 'PLN Token 100.000', 'PREPAID', 'PLN', 'PLN_METER', 100000, 2500),
        (NULL, 'PLNPOST', 'PLN Pascabayar', 'POSTPAID', 'PLN', 'PLN_IDPEL', NULL, 2500),
        (NULL, 'PDAM', 'PDAM Tirta Moedal', 'POSTPAID', 'PDAM', 'PDAM', NULL, 2500),
        (NULL, 'BPJSKES', 'BPJS Kesehatan', 'POSTPAID', 'BPJS_KESEHATAN', 'BPJS', NULL, 2500),
        (NULL, 'TSEL10', 'Telkomsel Pulsa 10.000', 'PREPAID', 'TELKOMSEL', 'PHONE', 10000, 1500),
        (NULL, 'TSEL25', 'Telkomsel Pulsa 25.000', 'PREPAID', 'TELKOMSEL', 'PHONE', 25000, 1500)`);
    await runner.query(`
      INSERT INTO price_list (product_code, price_rp) VALUES
        ('PLN20', 20150), ('PLN50', 50150), ('PLN100', 100150), ('TSEL10', 10250), ('TSEL25', 25200)`);

    await runner.query(`
      CREATE TABLE deposits (
        koperasi_id uuid PRIMARY KEY,
        balance_rp bigint NOT NULL,
        -- Promised to payments not yet resolved; the reserving update refuses to go past the balance.
        reserved_rp bigint NOT NULL CHECK (reserved_rp >= 0),
        stream_version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE deposit_topups (
        topup_id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL,
        amount_rp bigint NOT NULL CHECK (amount_rp > 0),
        bank_transfer_ref text NOT NULL,
        supervisor_id text NOT NULL,
        event_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (koperasi_id, bank_transfer_ref)
      )`);
    await runner.query(`
      CREATE TABLE inquiries (
        id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL,
        -- Sent to the aggregator with the inquiry, and the payment's ref_id if it is paid.
        ref_id text NOT NULL UNIQUE,
        product_code text NOT NULL,
        customer_no text NOT NULL,
        customer_name text,
        period text,
        segment_power text,
        bill_amount_rp bigint NOT NULL CHECK (bill_amount_rp > 0),
        admin_fee_rp bigint NOT NULL CHECK (admin_fee_rp >= 0),
        price_rp bigint CHECK (price_rp > 0),
        teller_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        payment_id uuid
      )`);
    await runner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        koperasi_id uuid NOT NULL,
        ref_id text NOT NULL UNIQUE,
        inquiry_id uuid UNIQUE,
        product_code text NOT NULL,
        product_name text NOT NULL,
        product_kind text NOT NULL,
        biller text NOT NULL,
        customer_no text NOT NULL,
        customer_name text,
        period text,
        bill_amount_rp bigint NOT NULL,
        admin_fee_rp bigint NOT NULL,
        total_amount_rp bigint NOT NULL,
        quoted_price_rp bigint NOT NULL,
        price_rp bigint,
        status text NOT NULL CHECK (status IN ('PROCESSING', 'PENDING', 'SUCCESS', 'FAILED')),
        refund text CHECK (refund IN ('OWED', 'PAID')),
        serial_no text,
        failure_rc text,
        failure_reason text,
        resolved_by text,
        teller_id text NOT NULL,
        -- The request's correlation id, carried into the events that resolve it.
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        stream_version integer NOT NULL,
        -- When the dispatcher should next ask the aggregator; NULL once resolved.
        next_check_at timestamptz,
        check_attempts integer NOT NULL DEFAULT 0
      )`);
    await runner.query(
      `CREATE INDEX payments_due ON payments (next_check_at) WHERE next_check_at IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX payments_by_koperasi ON payments (koperasi_id, created_at)`);
    await runner.query(`
      CREATE TABLE callbacks (
        id bigserial PRIMARY KEY,
        provider text NOT NULL,
        callback_id text,
        ref_id text,
        received_at timestamptz NOT NULL DEFAULT now(),
        verdict text NOT NULL,
        detail text NOT NULL,
        signature text,
        body text NOT NULL
      )`);
    // A callback is acted on once: a second delivery with the same id is a replay.
    await runner.query(`
      CREATE UNIQUE INDEX callbacks_accepted_once ON callbacks (provider, callback_id)
      WHERE verdict IN ('ACCEPTED', 'APPLIED', 'UNCHANGED', 'CONTRADICTS', 'UNKNOWN_PAYMENT')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'callbacks',
      'payments',
      'inquiries',
      'deposit_topups',
      'deposits',
      'price_list',
      'products',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
