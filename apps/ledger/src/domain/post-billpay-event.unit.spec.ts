import type { EventEnvelope } from '@koperasi/contracts';
import { balanceCheck, type JournalEntry } from './journal-entry.js';
import { postBillpayEvent } from './post-billpay-event.js';

const envelope = (type: string, data: unknown, schemaVersion = 1): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion,
  streamId: 'payment-pay-1',
  streamVersion: 3,
  koperasiId: 'kop-bendan-kergon',
  occurredAt: '2025-07-21T10:05:00+07:00',
  actor: 'user-teller-siti',
  correlationId: 'corr-9',
  causationId: 'cmd-42',
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const requested = {
  paymentId: 'pay-1',
  refId: 'KOP-REF-1',
  productCode: 'PLNPOST',
  productKind: 'POSTPAID',
  biller: 'PLN',
  customerNo: '532110000001',
  billAmountRp: 300_000,
  adminFeeRp: 2_500,
  totalAmountRp: 302_500,
  priceRp: 301_800,
  tellerId: 'teller-siti',
};
const succeeded = (priceRp: number, feeRp: number, totalAmountRp = priceRp + feeRp) => ({
  paymentId: 'pay-1',
  refId: 'KOP-REF-1',
  productCode: 'PLNPOST',
  totalAmountRp,
  priceRp,
  feeRp,
  serialNo: 'SN-1',
  resolvedBy: 'RESPONSE',
});
const failed = {
  paymentId: 'pay-1',
  refId: 'KOP-REF-1',
  totalAmountRp: 302_500,
  rc: '02',
  reason: 'failed',
  resolvedBy: 'CALLBACK',
};
const refunded = {
  paymentId: 'pay-1',
  amountRp: 302_500,
  supervisorId: 'sup-1',
  tellerId: 'teller-ani',
};
const toppedUp = {
  topupId: 'top-1',
  amountRp: 5_000_000,
  bankTransferRef: 'BRI-TRF-778',
  supervisorId: 'sup-1',
};

function whenPosted(type: string, data: unknown): JournalEntry {
  const entry = postBillpayEvent(envelope(type, data));
  if (!entry) throw new Error(`${type} posted nothing`);
  expect(balanceCheck(entry).ok).toBe(true);
  return entry;
}

describe('postBillpayEvent', () => {
  it('given a deposit top-up, then Dr deposit PPOB / Cr Bank BRI with the amount', () => {
    const entry = whenPosted('DepositToppedUp', toppedUp);
    expect(entry.lines).toEqual([
      { accountCode: '113100', debitRp: 5_000_000, creditRp: 0 },
      { accountCode: '112100', debitRp: 0, creditRp: 5_000_000 },
    ]);
    expect(entry.description).toContain('BRI-TRF-778');
  });

  it('given a payment requested, then the cash goes into the teller drawer and into suspense, total amount', () => {
    expect(whenPosted('BillPaymentRequested', requested).lines).toEqual([
      { accountCode: '111000', debitRp: 302_500, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '213000', debitRp: 0, creditRp: 302_500 },
    ]);
  });

  it('given a payment pending, then nothing is posted: the money stays in suspense', () => {
    expect(
      postBillpayEvent(
        envelope('BillPaymentPending', { paymentId: 'pay-1', refId: 'KOP-REF-1', reason: 'rc 03' }),
      ),
    ).toBeNull();
  });

  it('given a payment succeeded, then suspense clears against the deposit price and exactly the fee is income of the product', () => {
    expect(whenPosted('BillPaymentSucceeded', succeeded(301_800, 700)).lines).toEqual([
      { accountCode: '213000', debitRp: 302_500, creditRp: 0 },
      { accountCode: '113100', debitRp: 0, creditRp: 301_800 },
      {
        accountCode: '410000',
        debitRp: 0,
        creditRp: 700,
        fee: { source: 'PPOB', productCode: 'PLNPOST' },
      },
    ]);
  });

  it('given a payment succeeded with no margin, then there is no fee line', () => {
    expect(whenPosted('BillPaymentSucceeded', succeeded(302_500, 0)).lines).toEqual([
      { accountCode: '213000', debitRp: 302_500, creditRp: 0 },
      { accountCode: '113100', debitRp: 0, creditRp: 302_500 },
    ]);
  });

  it('given the aggregator charged more than was collected, then the difference is booked as a PPOB loss of the product', () => {
    expect(whenPosted('BillPaymentSucceeded', succeeded(302_600, -100)).lines).toEqual([
      { accountCode: '213000', debitRp: 302_500, creditRp: 0 },
      {
        accountCode: '510000',
        debitRp: 100,
        creditRp: 0,
        fee: { source: 'PPOB', productCode: 'PLNPOST' },
      },
      { accountCode: '113100', debitRp: 0, creditRp: 302_600 },
    ]);
  });

  it('given a payment failed, then suspense becomes a refund owed to the customer', () => {
    expect(whenPosted('BillPaymentFailed', failed).lines).toEqual([
      { accountCode: '213000', debitRp: 302_500, creditRp: 0 },
      { accountCode: '214000', debitRp: 0, creditRp: 302_500 },
    ]);
  });

  it("given a refund paid out, then the refund owed clears against the paying teller's drawer", () => {
    expect(whenPosted('BillPaymentRefunded', refunded).lines).toEqual([
      { accountCode: '214000', debitRp: 302_500, creditRp: 0 },
      { accountCode: '111000', debitRp: 0, creditRp: 302_500, tellerId: 'teller-ani' },
    ]);
  });

  it('given any posted event, then the entry cites the event, its stream, the command and the user', () => {
    expect(whenPosted('BillPaymentRequested', requested)).toMatchObject({
      sourceEventId: 'evt-BillPaymentRequested',
      koperasiId: 'kop-bendan-kergon',
      occurredAt: '2025-07-21T10:05:00+07:00',
      trace: {
        service: 'billpay',
        eventType: 'BillPaymentRequested',
        streamId: 'payment-pay-1',
        streamVersion: 3,
        actor: 'user-teller-siti',
        correlationId: 'corr-9',
        causationId: 'cmd-42',
      },
    });
  });

  it('given the whole life of a failed payment, then suspense and refunds owed both end at zero', () => {
    const entries = [
      whenPosted('BillPaymentRequested', requested),
      whenPosted('BillPaymentFailed', failed),
      whenPosted('BillPaymentRefunded', refunded),
    ];
    const net = (code: string) =>
      entries
        .flatMap((entry) => entry.lines)
        .filter((line) => line.accountCode === code)
        .reduce((sum, line) => sum + line.debitRp - line.creditRp, 0);
    expect([net('213000'), net('214000'), net('111000')]).toEqual([0, 0, 0]);
  });

  describe('given a money event that does not hold together, then it throws for the dead-letter topic', () => {
    it.each([
      [
        'a success whose total is not price plus fee',
        'BillPaymentSucceeded',
        succeeded(301_800, 700, 302_000),
        /not priceRp 301800 plus feeRp 700/,
      ],
      [
        'a success with a fractional fee',
        'BillPaymentSucceeded',
        succeeded(301_800, 0.5, 301_800.5),
        /totalAmountRp 301800.5/,
      ],
      [
        'a success with the fee as text',
        'BillPaymentSucceeded',
        { ...succeeded(301_800, 700), feeRp: '700' },
        /feeRp 700 is not whole rupiah/,
      ],
      [
        'a success without a product',
        'BillPaymentSucceeded',
        { ...succeeded(301_800, 700), productCode: '' },
        /productCode is missing/,
      ],
      [
        'a request with a zero total',
        'BillPaymentRequested',
        { ...requested, totalAmountRp: 0 },
        /totalAmountRp 0/,
      ],
      [
        'a request without a teller',
        'BillPaymentRequested',
        { ...requested, tellerId: undefined },
        /tellerId is missing/,
      ],
      [
        'a failure with a negative total',
        'BillPaymentFailed',
        { ...failed, totalAmountRp: -302_500 },
        /totalAmountRp -302500/,
      ],
      [
        'a refund without a teller',
        'BillPaymentRefunded',
        { ...refunded, tellerId: null },
        /tellerId is missing/,
      ],
      [
        'a top-up of text',
        'DepositToppedUp',
        { ...toppedUp, amountRp: '5000000' },
        /amountRp 5000000/,
      ],
      ['no data', 'BillPaymentSucceeded', null, /data is not an object/],
    ])('%s', (_, type, data, message) => {
      expect(() => postBillpayEvent(envelope(type, data))).toThrow(message);
    });

    it('an unknown schema version', () => {
      expect(() => postBillpayEvent(envelope('BillPaymentRequested', requested, 2))).toThrow(
        /schema version 2/,
      );
    });

    it('an event with no koperasi', () => {
      expect(() =>
        postBillpayEvent({ ...envelope('BillPaymentRequested', requested), koperasiId: '' }),
      ).toThrow(/koperasiId is missing/);
    });
  });
});
