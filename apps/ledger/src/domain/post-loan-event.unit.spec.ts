import type { EventEnvelope } from '@koperasi/contracts';
import { balanceCheck, type JournalEntry } from './journal-entry.js';
import { postLoanEvent } from './post-loan-event.js';

const envelope = (type: string, data: unknown, schemaVersion = 1): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion,
  streamId: 'collection-col-1',
  streamVersion: 1,
  koperasiId: 'kop-bendan-kergon',
  occurredAt: '2025-07-21T11:00:00+07:00',
  actor: 'user-teller-siti',
  correlationId: 'corr-3',
  causationId: 'cmd-7',
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const collected = (feeMode: 'BANK_PAYS' | 'NETTED', feeRp: number, amountRp = 1_250_000) => ({
  collectionId: 'col-1',
  loanNo: '0123-01-000123-50-1',
  product: 'KUR',
  borrowerName: 'Budi Santoso',
  period: '2025-07',
  amountRp,
  feeRp,
  feeMode,
  tellerId: 'teller-siti',
});
const confirmed = (
  collectedRp: number,
  feeNettedRp: number,
  remitRp = collectedRp - feeNettedRp,
) => ({
  remittanceId: 'rem-1',
  collectedRp,
  feeNettedRp,
  remitRp,
  bankRef: 'BRI-REM-1',
});

function whenPosted(type: string, data: unknown): JournalEntry {
  const entry = postLoanEvent(envelope(type, data));
  if (!entry) throw new Error(`${type} posted nothing`);
  expect(balanceCheck(entry).ok).toBe(true);
  return entry;
}

const netOf = (entries: JournalEntry[], code: string) =>
  entries
    .flatMap((entry) => entry.lines)
    .filter((line) => line.accountCode === code)
    .reduce((sum, line) => sum + line.debitRp - line.creditRp, 0);

describe('postLoanEvent', () => {
  it('given an installment collected with the fee paid by the bank, then cash is owed to the bank and the fee is receivable income', () => {
    const entry = whenPosted('InstallmentCollected', collected('BANK_PAYS', 2_500));
    expect(entry.lines).toEqual([
      { accountCode: '111000', debitRp: 1_250_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '212000', debitRp: 0, creditRp: 1_250_000 },
      { accountCode: '114100', debitRp: 2_500, creditRp: 0 },
      {
        accountCode: '420000',
        debitRp: 0,
        creditRp: 2_500,
        fee: { source: 'LOANS', productCode: 'KUR' },
      },
    ]);
    expect(entry.trace).toMatchObject({
      service: 'loans',
      eventType: 'InstallmentCollected',
      causationId: 'cmd-7',
    });
  });

  it('given an installment collected with the fee netted, then the fee is kept back from what is owed to the bank', () => {
    expect(whenPosted('InstallmentCollected', collected('NETTED', 2_500)).lines).toEqual([
      { accountCode: '111000', debitRp: 1_250_000, creditRp: 0, tellerId: 'teller-siti' },
      { accountCode: '212000', debitRp: 0, creditRp: 1_250_000 },
      { accountCode: '212000', debitRp: 2_500, creditRp: 0 },
      {
        accountCode: '420000',
        debitRp: 0,
        creditRp: 2_500,
        fee: { source: 'LOANS', productCode: 'KUR' },
      },
    ]);
  });

  it.each(['BANK_PAYS', 'NETTED'] as const)(
    'given a %s installment with no fee, then there are no fee lines',
    (feeMode) => {
      expect(whenPosted('InstallmentCollected', collected(feeMode, 0)).lines).toEqual([
        { accountCode: '111000', debitRp: 1_250_000, creditRp: 0, tellerId: 'teller-siti' },
        { accountCode: '212000', debitRp: 0, creditRp: 1_250_000 },
      ]);
    },
  );

  it('given a remittance confirmed, then the bank account pays off the liability with the amount remitted', () => {
    expect(whenPosted('RemittanceConfirmed', confirmed(2_500_000, 5_000)).lines).toEqual([
      { accountCode: '212000', debitRp: 2_495_000, creditRp: 0 },
      { accountCode: '112100', debitRp: 0, creditRp: 2_495_000 },
    ]);
  });

  it.each([
    ['BANK_PAYS', 0],
    ['NETTED', 5_000],
  ] as const)(
    'given two %s collections and their confirmed remittance, then nothing is owed to the bank',
    (feeMode, feeNettedRp) => {
      const entries = [
        whenPosted('InstallmentCollected', collected(feeMode, 2_500)),
        whenPosted('InstallmentCollected', collected(feeMode, 2_500)),
        whenPosted('RemittanceConfirmed', confirmed(2_500_000, feeNettedRp)),
      ];
      expect(netOf(entries, '212000')).toBe(0);
      expect(netOf(entries, '420000')).toBe(-5_000);
    },
  );

  it.each([
    'CollectionNoticeAcknowledged',
    'RemittanceClosed',
    'RemittanceRejected',
    'SomethingNew',
  ])('given %s, which moves no money, then nothing is posted', (type) => {
    expect(postLoanEvent(envelope(type, { remittanceId: 'rem-1' }))).toBeNull();
  });

  it('given a remittance in which every fee was netted away, then nothing is posted', () => {
    expect(postLoanEvent(envelope('RemittanceConfirmed', confirmed(5_000, 5_000)))).toBeNull();
  });

  describe('given a money event that does not hold together, then it throws for the dead-letter topic', () => {
    it.each([
      ['a negative fee', 'InstallmentCollected', collected('BANK_PAYS', -1), /feeRp -1/],
      [
        'an unknown fee mode',
        'InstallmentCollected',
        { ...collected('BANK_PAYS', 1), feeMode: 'LATER' },
        /feeMode LATER/,
      ],
      [
        'an unknown product',
        'InstallmentCollected',
        { ...collected('BANK_PAYS', 1), product: 'KPR' },
        /product KPR/,
      ],
      ['a zero installment', 'InstallmentCollected', collected('BANK_PAYS', 0, 0), /amountRp 0/],
      [
        'a netted fee above the installment',
        'InstallmentCollected',
        collected('NETTED', 2_000, 1_000),
        /more than amountRp/,
      ],
      [
        'no teller',
        'InstallmentCollected',
        { ...collected('NETTED', 1), tellerId: '' },
        /tellerId is missing/,
      ],
      [
        'a remittance that does not add up',
        'RemittanceConfirmed',
        confirmed(2_500_000, 5_000, 2_500_000),
        /not collectedRp 2500000 less/,
      ],
      [
        'a fractional remittance',
        'RemittanceConfirmed',
        confirmed(1_000.5, 0),
        /collectedRp 1000.5/,
      ],
    ])('%s', (_, type, data, message) => {
      expect(() => postLoanEvent(envelope(type, data))).toThrow(message);
    });
  });
});

describe('a collection the bank refused, and its paying back', () => {
  const refusalEnvelope = (type: string, data: unknown): EventEnvelope => ({
    eventId: `evt-${type}`,
    type,
    schemaVersion: 1,
    streamId: 'collection-c9',
    streamVersion: 2,
    koperasiId: 'kop-1',
    occurredAt: '2026-12-01T10:00:00+07:00',
    actor: 'loans-notice-dispatcher',
    correlationId: 'c9',
    causationId: 'evt-collected',
    data,
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  });
  const refused = (feeMode: 'BANK_PAYS' | 'NETTED') =>
    postLoanEvent(
      refusalEnvelope('CollectionRefusedByBank', {
        collectionId: 'c9',
        loanNo: '000101000003003',
        product: 'KUR',
        amountRp: 500_000,
        feeRp: 2_500,
        feeMode,
        code: 'LOAN_CLOSED',
        reason: 'Loan is closed',
      }),
    )!;

  it('given a bank-pays fee, then the installment is owed back to the customer and the fee and its receivable are undone', () => {
    const entry = refused('BANK_PAYS');
    expect(balanceCheck(entry).ok).toBe(true);
    expect(entry.lines).toEqual([
      { accountCode: '212000', debitRp: 500_000, creditRp: 0 },
      { accountCode: '215000', debitRp: 0, creditRp: 500_000 },
      {
        accountCode: '420000',
        debitRp: 2_500,
        creditRp: 0,
        fee: { source: 'LOANS', productCode: 'KUR' },
      },
      { accountCode: '114100', debitRp: 0, creditRp: 2_500 },
    ]);
    expect(entry.description).toContain('ditolak bank: Loan is closed');
  });

  it('given a netted fee, then only what was still owed to the bank leaves 212000 and the fee comes off income', () => {
    const entry = refused('NETTED');
    expect(balanceCheck(entry).ok).toBe(true);
    expect(entry.lines).toEqual([
      { accountCode: '212000', debitRp: 497_500, creditRp: 0 },
      { accountCode: '215000', debitRp: 0, creditRp: 500_000 },
      {
        accountCode: '420000',
        debitRp: 2_500,
        creditRp: 0,
        fee: { source: 'LOANS', productCode: 'KUR' },
      },
    ]);
  });

  it('given the supervisor paying it back, then the liability is cleared from the named drawer', () => {
    const entry = postLoanEvent(
      refusalEnvelope('RefusedCollectionPaidBack', {
        collectionId: 'c9',
        loanNo: '000101000003003',
        amountRp: 500_000,
        tellerId: 'teller-siti',
        paidBy: 'spv-budi',
        paidByName: 'Budi Santoso',
      }),
    )!;
    expect(entry.lines).toEqual([
      { accountCode: '215000', debitRp: 500_000, creditRp: 0 },
      { accountCode: '111000', debitRp: 0, creditRp: 500_000, tellerId: 'teller-siti' },
    ]);
  });
});
