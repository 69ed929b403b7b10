import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a real struk shows beyond the amounts: the postpaid penalty (denda, part of the total), and for PLN the
 * IDPEL, tariff/power and kWh bought; the aggregator's own transaction id for every payment. Rows written before
 * have no penalty and none of the details.
 */
export class BillpayReceiptDetails1790000000201 implements MigrationInterface {
  name = 'BillpayReceiptDetails1790000000201';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE inquiries
        ADD COLUMN penalty_rp bigint NOT NULL DEFAULT 0 CHECK (penalty_rp >= 0),
        ADD COLUMN subscriber_id text`);
    await runner.query(`
      ALTER TABLE payments
        ADD COLUMN penalty_rp bigint NOT NULL DEFAULT 0 CHECK (penalty_rp >= 0),
        ADD COLUMN subscriber_id text,
        ADD COLUMN segment_power text,
        ADD COLUMN kwh text,
        ADD COLUMN partner_ref text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE payments DROP COLUMN penalty_rp, DROP COLUMN subscriber_id, DROP COLUMN segment_power, DROP COLUMN kwh, DROP COLUMN partner_ref`,
    );
    await runner.query(`ALTER TABLE inquiries DROP COLUMN penalty_rp, DROP COLUMN subscriber_id`);
  }
}
