import type { TransactionResult } from '@koperasi/contracts';
import { outcomeOf } from './aggregator-outcome.js';
import type { BillPaymentRequested, PaymentEvent } from './billpay-events.js';
import { customerNoProblem } from './customer-no-rule.js';
import { decideOutcome } from './decide-outcome.js';
import { decidePayBill, type PayBill, type PaymentQuote } from './decide-pay-bill.js';
import { decideRefund } from './decide-refund.js';
import { decideTopUp } from './decide-top-up.js';
import { evolveDeposit, evolvePayment } from './evolve-payment.js';
import { inquiryExpiresAtMs } from './inquiry-expiry.js';
import { noPayment, type DepositState, type PaymentState } from './payment-state.js';
import { plnTokenOf } from './pln-token.js';

const NOW_MS = Date.parse('2026-03-02T03:00:00Z'); // 10:00 WIB

const postpaidQuote: PaymentQuote = {
  productCode: 'PLNPOST',
  productKind: 'POSTPAID',
  biller: 'PLN',
  customerNo: '512345678901',
  billAmountRp: 300_000,
  adminFeeRp: 2_500,
  priceRp: 301_800,
  inquiry: { inquiryId: 'inq-1', expiresAtMs: NOW_MS + 60_000, usedByPaymentId: null },
};

const payBill = (quote: Partial<PaymentQuote> = {}): PayBill => ({
  type: 'PayBill',
  paymentId: 'pay-1',
  refId: 'ref-1',
  quote: { ...postpaidQuote, ...quote },
  tellerId: 'teller-siti',
  nowMs: NOW_MS,
});

const deposit = (balanceRp: number, reservedRp = 0): DepositState => ({ balanceRp, reservedRp });

function requested(): { state: PaymentState; event: BillPaymentRequested } {
  const decision = decidePayBill(payBill(), { payment: noPayment, deposit: deposit(1_000_000) });
  if (!decision.ok) throw new Error(decision.error.message);
  const event = decision.events[0];
  return { state: evolvePayment(noPayment, event), event };
}

function after(...events: PaymentEvent[]): PaymentState {
  return events.reduce(evolvePayment, noPayment);
}

describe('billpay decider', () => {
  describe('paying a bill', () => {
    it('given a deposit that covers the price, when paying, then the customer pays bill + admin and the ref_id is fixed', () => {
      const decision = decidePayBill(payBill(), { payment: noPayment, deposit: deposit(500_000) });
      expect(decision).toEqual({
        ok: true,
        events: [
          {
            type: 'BillPaymentRequested',
            schemaVersion: 1,
            data: expect.objectContaining({
              refId: 'ref-1',
              billAmountRp: 300_000,
              adminFeeRp: 2_500,
              totalAmountRp: 302_500,
              priceRp: 301_800,
            }),
          },
        ],
      });
    });

    it('given a bill paid late, when paying, then the penalty is in the event and in the total the customer pays', () => {
      const details = {
        customerName: 'RUDI HARTONO',
        period: '202610',
        segmentPower: 'R1/900VA',
        subscriberId: '512345678902',
      };
      const quote = { billAmountRp: 250_000, penaltyRp: 5_000, priceRp: 256_800, details };
      const decision = decidePayBill(payBill(quote), {
        payment: noPayment,
        deposit: deposit(500_000),
      });
      if (!decision.ok) throw new Error(decision.error.message);
      expect(decision.events[0].data).toMatchObject({
        billAmountRp: 250_000,
        penaltyRp: 5_000,
        adminFeeRp: 2_500,
        totalAmountRp: 257_500,
        ...details,
      });
      const state = evolvePayment(noPayment, decision.events[0]);
      expect(state.totalAmountRp).toBe(257_500);
      // The fee is what the customer paid beyond the aggregator's price: the penalty passes through.
      expect(
        decideOutcome(state, {
          kind: 'SUCCESS',
          priceRp: 256_800,
          serialNo: null,
          resolvedBy: 'RESPONSE',
        }),
      ).toMatchObject({
        kind: 'APPLY',
        events: [{ data: { totalAmountRp: 257_500, priceRp: 256_800, feeRp: 700 } }],
      });
    });

    it('given no penalty and no details, when paying, then the event carries none of the new fields (as events did before)', () => {
      const decision = decidePayBill(payBill({ penaltyRp: 0 }), {
        payment: noPayment,
        deposit: deposit(500_000),
      });
      if (!decision.ok) throw new Error(decision.error.message);
      expect(Object.keys(decision.events[0].data).sort()).toEqual([
        'adminFeeRp',
        'billAmountRp',
        'biller',
        'customerNo',
        'paymentId',
        'priceRp',
        'productCode',
        'productKind',
        'refId',
        'tellerId',
        'totalAmountRp',
      ]);
    });

    it('given a negative or fractional penalty, when paying, then INVALID_AMOUNT', () => {
      for (const penaltyRp of [-1, 0.5]) {
        expect(
          decidePayBill(payBill({ penaltyRp }), { payment: noPayment, deposit: deposit(1e6) }),
        ).toMatchObject({ error: { code: 'INVALID_AMOUNT' } });
      }
    });

    it('given a deposit with less available than the price, when paying, then DEPOSIT_TOO_LOW', () => {
      const decision = decidePayBill(payBill(), {
        payment: noPayment,
        deposit: deposit(400_000, 100_000),
      });
      expect(decision).toMatchObject({ ok: false, error: { code: 'DEPOSIT_TOO_LOW' } });
      expect(decision.ok ? '' : decision.error.message).toContain('Rp300.000 available');
    });

    it('given exactly the price available, when paying, then it is taken', () => {
      expect(decidePayBill(payBill(), { payment: noPayment, deposit: deposit(301_800) }).ok).toBe(
        true,
      );
    });

    it('given an expired inquiry, when paying, then INQUIRY_EXPIRED', () => {
      const quote = { inquiry: { inquiryId: 'inq-1', expiresAtMs: NOW_MS, usedByPaymentId: null } };
      expect(
        decidePayBill(payBill(quote), { payment: noPayment, deposit: deposit(1e6) }),
      ).toMatchObject({ error: { code: 'INQUIRY_EXPIRED' } });
    });

    it('given an inquiry already paid, when paying again, then INQUIRY_ALREADY_USED', () => {
      const quote = {
        inquiry: { inquiryId: 'inq-1', expiresAtMs: NOW_MS + 1, usedByPaymentId: 'pay-0' },
      };
      expect(
        decidePayBill(payBill(quote), { payment: noPayment, deposit: deposit(1e6) }),
      ).toMatchObject({
        error: { code: 'INQUIRY_ALREADY_USED' },
      });
    });

    it('given a prepaid product without a price list row, when paying, then PRICE_UNKNOWN', () => {
      const quote = { productKind: 'PREPAID' as const, priceRp: null, inquiry: null };
      expect(
        decidePayBill(payBill(quote), { payment: noPayment, deposit: deposit(1e6) }),
      ).toMatchObject({ error: { code: 'PRICE_UNKNOWN' } });
    });

    it('given no teller, when paying, then TELLER_REQUIRED', () => {
      expect(
        decidePayBill(
          { ...payBill(), tellerId: ' ' },
          { payment: noPayment, deposit: deposit(1e6) },
        ),
      ).toMatchObject({
        error: { code: 'TELLER_REQUIRED' },
      });
    });
  });

  describe('the aggregator answers', () => {
    it('given a processing payment, when the aggregator says success at a lower price, then the fee is total minus that price', () => {
      const { state } = requested();
      const decision = decideOutcome(state, {
        kind: 'SUCCESS',
        priceRp: 301_700,
        serialNo: 'SN1',
        resolvedBy: 'RESPONSE',
      });
      expect(decision).toEqual({
        kind: 'APPLY',
        events: [
          expect.objectContaining({
            type: 'BillPaymentSucceeded',
            data: expect.objectContaining({ priceRp: 301_700, feeRp: 800 }),
          }),
        ],
      });
    });

    it('given a success without a price, then the quoted price is what was debited', () => {
      const decision = decideOutcome(requested().state, {
        kind: 'SUCCESS',
        priceRp: null,
        serialNo: null,
        resolvedBy: 'CALLBACK',
      });
      expect(decision).toMatchObject({
        kind: 'APPLY',
        events: [{ data: { priceRp: 301_800, feeRp: 700 } }],
      });
    });

    it('given a success with the details of the struk, then the event keeps the partner reference, name, IDPEL, tariff and kWh', () => {
      const details = {
        partnerRef: 'TRX480213957712',
        customerName: 'BUDI SANTOSO',
        subscriberId: '523010012345',
        segmentPower: 'R1/1300VA',
        kwh: '33.6',
      };
      const decision = decideOutcome(requested().state, {
        kind: 'SUCCESS',
        priceRp: 301_800,
        serialNo: '1'.repeat(20),
        resolvedBy: 'RESPONSE',
        details,
      });
      expect(decision).toMatchObject({
        kind: 'APPLY',
        events: [{ type: 'BillPaymentSucceeded', data: details }],
      });
      const bare = decideOutcome(requested().state, {
        kind: 'SUCCESS',
        priceRp: 301_800,
        serialNo: null,
        resolvedBy: 'CALLBACK',
      });
      expect(bare.kind === 'APPLY' && Object.keys(bare.events[0].data).sort()).toEqual([
        'feeRp',
        'paymentId',
        'priceRp',
        'productCode',
        'refId',
        'resolvedBy',
        'serialNo',
        'totalAmountRp',
      ]);
    });

    it('given a processing payment, when the aggregator says pending twice, then one BillPaymentPending only', () => {
      const { state, event } = requested();
      const first = decideOutcome(state, { kind: 'PENDING', reason: 'rc 03' });
      expect(first).toMatchObject({ kind: 'APPLY', events: [{ type: 'BillPaymentPending' }] });
      const pending = after(event, ...(first.kind === 'APPLY' ? first.events : []));
      expect(decideOutcome(pending, { kind: 'PENDING', reason: 'rc 03' })).toEqual({
        kind: 'UNCHANGED',
      });
    });

    it('given a pending payment, when a failure arrives, then BillPaymentFailed and a refund is owed', () => {
      const { event } = requested();
      const pending = after(event, {
        type: 'BillPaymentPending',
        schemaVersion: 1,
        data: { paymentId: 'pay-1', refId: 'ref-1', reason: 'x' },
      });
      const decision = decideOutcome(pending, {
        kind: 'FAILED',
        rc: '02',
        reason: 'gagal',
        resolvedBy: 'STATUS_CHECK',
      });
      expect(decision).toMatchObject({
        kind: 'APPLY',
        events: [{ type: 'BillPaymentFailed', data: { totalAmountRp: 302_500, rc: '02' } }],
      });
      if (decision.kind !== 'APPLY') throw new Error('expected events');
      expect(evolvePayment(pending, decision.events[0])).toMatchObject({
        status: 'FAILED',
        refund: 'OWED',
      });
    });

    it('given a succeeded payment, when the same success arrives again, then nothing changes', () => {
      const { state } = requested();
      const success = { ...state, status: 'SUCCESS' as const };
      expect(
        decideOutcome(success, {
          kind: 'SUCCESS',
          priceRp: 1,
          serialNo: null,
          resolvedBy: 'CALLBACK',
        }),
      ).toEqual({ kind: 'UNCHANGED' });
      expect(decideOutcome(success, { kind: 'PENDING', reason: 'late' })).toEqual({
        kind: 'UNCHANGED',
      });
    });

    it('given a succeeded payment, when a failure arrives, then it contradicts and is not applied', () => {
      const success = { ...requested().state, status: 'SUCCESS' as const };
      expect(
        decideOutcome(success, { kind: 'FAILED', rc: '02', reason: 'x', resolvedBy: 'CALLBACK' }),
      ).toMatchObject({ kind: 'CONTRADICTS' });
    });
  });

  describe('reading aggregator answers', () => {
    const result = (fields: Partial<TransactionResult>): Partial<TransactionResult> => ({
      ref_id: 'r',
      price_rp: 20_150,
      sn: '1',
      ...fields,
    });

    it.each([
      [{ status: 'Sukses', rc: '00' }, 'SUCCESS'],
      [{ status: 'Gagal', rc: '02' }, 'FAILED'],
      [{ status: 'Gagal', rc: '54' }, 'FAILED'],
      [{ status: 'Gagal', rc: '44' }, 'FAILED'],
      [{ status: 'Pending', rc: '03' }, 'PENDING'],
      [{ status: 'Gagal', rc: '01' }, 'PENDING'],
      [{ status: 'Gagal', rc: '99' }, 'PENDING'],
      [{ status: 'Sukses', rc: '03' }, 'PENDING'],
      [{ status: 'Gagal', rc: '43' }, 'NOT_FOUND'],
      [{ status: 'Gagal', rc: '49' }, 'DUPLICATE_REF'],
    ] as const)('%j is %s', (fields, kind) => {
      expect(outcomeOf(result(fields), 'RESPONSE').kind).toBe(kind);
    });

    it('reads the struk details of a success, and leaves out what is missing or makes no sense', () => {
      const answer = outcomeOf(
        result({
          status: 'Sukses',
          rc: '00',
          trx_id: 'TRX1',
          customer_name: ' BUDI ',
          subscriber_id: '523010012345',
          segment_power: 'R1/1300VA',
          kwh: '33.6',
        }),
        'RESPONSE',
      );
      expect(answer).toMatchObject({
        kind: 'SUCCESS',
        details: {
          partnerRef: 'TRX1',
          customerName: 'BUDI',
          subscriberId: '523010012345',
          segmentPower: 'R1/1300VA',
          kwh: '33.6',
        },
      });
      const odd = outcomeOf(
        result({ status: 'Sukses', rc: '00', kwh: 'lots', customer_name: '' }),
        'RESPONSE',
      );
      expect(odd).toMatchObject({ details: { partnerRef: null, customerName: null, kwh: null } });
    });

    it('treats an answer without a result code as unknown, never as failed', () => {
      expect(outcomeOf(null, 'RESPONSE').kind).toBe('PENDING');
      expect(outcomeOf({ status: 'Gagal' } as Partial<TransactionResult>, 'RESPONSE').kind).toBe(
        'PENDING',
      );
    });
  });

  describe('refunds', () => {
    const failed = (): PaymentState => ({ ...requested().state, status: 'FAILED', refund: 'OWED' });

    it('given a failed payment with the refund owed, when a supervisor refunds, then the whole amount goes back from the teller drawer', () => {
      expect(
        decideRefund({ type: 'RefundPayment', supervisorId: 'sup-1' }, failed()),
      ).toMatchObject({
        ok: true,
        events: [
          {
            type: 'BillPaymentRefunded',
            data: { amountRp: 302_500, supervisorId: 'sup-1', tellerId: 'teller-siti' },
          },
        ],
      });
    });

    it('given a pending payment, when refunding, then PAYMENT_NOT_FAILED: unknown is never refunded', () => {
      expect(
        decideRefund(
          { type: 'RefundPayment', supervisorId: 's' },
          { ...failed(), status: 'PENDING', refund: null },
        ),
      ).toMatchObject({
        error: { code: 'PAYMENT_NOT_FAILED' },
      });
    });

    it('given a refund already paid, when refunding again, then REFUND_ALREADY_PAID', () => {
      expect(
        decideRefund({ type: 'RefundPayment', supervisorId: 's' }, { ...failed(), refund: 'PAID' }),
      ).toMatchObject({
        error: { code: 'REFUND_ALREADY_PAID' },
      });
    });
  });

  describe('the deposit', () => {
    it('reserves the quoted price, then debits the actual price and releases the reservation on success', () => {
      const { state, event } = requested();
      let booked = evolveDeposit(deposit(1_000_000), noPayment, event);
      expect(booked).toEqual({ balanceRp: 1_000_000, reservedRp: 301_800 });
      booked = evolveDeposit(booked, state, {
        type: 'BillPaymentSucceeded',
        schemaVersion: 1,
        data: {
          paymentId: 'pay-1',
          refId: 'ref-1',
          productCode: 'PLNPOST',
          totalAmountRp: 302_500,
          priceRp: 301_700,
          feeRp: 800,
          serialNo: null,
          resolvedBy: 'RESPONSE',
        },
      });
      expect(booked).toEqual({ balanceRp: 698_300, reservedRp: 0 });
    });

    it('releases the reservation on failure without debiting', () => {
      const { state, event } = requested();
      const reserved = evolveDeposit(deposit(1_000_000), noPayment, event);
      const failed = evolveDeposit(reserved, state, {
        type: 'BillPaymentFailed',
        schemaVersion: 1,
        data: {
          paymentId: 'pay-1',
          refId: 'ref-1',
          totalAmountRp: 302_500,
          rc: '02',
          reason: 'x',
          resolvedBy: 'RESPONSE',
        },
      });
      expect(failed).toEqual({ balanceRp: 1_000_000, reservedRp: 0 });
    });

    it('refuses a top-up of zero rupiah or without a transfer reference', () => {
      const topUp = {
        type: 'TopUpDeposit' as const,
        topupId: 't',
        amountRp: 1_000_000,
        bankTransferRef: 'BRI-123',
        supervisorId: 's',
      };
      expect(decideTopUp(topUp).ok).toBe(true);
      expect(decideTopUp({ ...topUp, amountRp: 0 })).toMatchObject({
        error: { code: 'INVALID_AMOUNT' },
      });
      expect(decideTopUp({ ...topUp, amountRp: 10.5 })).toMatchObject({
        error: { code: 'INVALID_AMOUNT' },
      });
      expect(decideTopUp({ ...topUp, bankTransferRef: '' })).toMatchObject({
        error: { code: 'INVALID_TRANSFER_REF' },
      });
    });
  });

  describe('rules', () => {
    it.each([
      ['PLN_METER', '14012345678', null],
      ['PLN_METER', '1401234567', 'a PLN meter number is 11 digits'],
      ['PLN_IDPEL', '512345678901', null],
      ['PDAM', '2001234567', null],
      ['BPJS', '8888801234567890', null],
      ['BPJS', '7777701234567890', 'a BPJS Kesehatan number is 16 digits starting 88888'],
      ['PHONE', '081234567890', null],
      ['PHONE', '0812345', 'a phone number is 08 followed by 8 to 11 digits'],
      ['PHONE', '6281234567890', 'a phone number is 08 followed by 8 to 11 digits'],
    ] as const)('%s %s -> %s', (rule, customerNo, problem) => {
      expect(customerNoProblem(rule, customerNo)).toBe(problem);
    });

    it('prints a PLN token as five groups of four and ignores what follows the token', () => {
      expect(plnTokenOf('12345678901234567890/BUDI/R1/1300/32.1')).toBe('1234-5678-9012-3456-7890');
      expect(plnTokenOf('1234-5678-9012-3456-7890')).toBe('1234-5678-9012-3456-7890');
      expect(plnTokenOf('SN-TSEL-1')).toBeNull();
      expect(plnTokenOf(null)).toBeNull();
    });

    it('lets an inquiry live 15 minutes, but never past midnight WIB', () => {
      expect(inquiryExpiresAtMs(NOW_MS)).toBe(NOW_MS + 15 * 60_000);
      const lateMs = Date.parse('2026-03-02T16:55:00Z'); // 23:55 WIB
      expect(new Date(inquiryExpiresAtMs(lateMs)).toISOString()).toBe('2026-03-02T17:00:00.000Z');
    });
  });
});
