import type { LoanAccountView } from '@koperasi/contracts';
import { DEFAULT_AGREEMENTS, type CollectionAgreement } from './collection-agreement.js';
import type { CollectInstallment } from './collect-installment.js';
import { decideCollectInstallment } from './decide-collect-installment.js';

const NOW = '2026-11-20T09:00:00.000Z';

const current: LoanAccountView = {
  loanNo: '000101000001001',
  borrowerName: 'WARSITO',
  product: 'KUR',
  status: 'ACTIVE',
  period: '2026-11',
  installmentDueRp: 1_250_000,
  installmentsInArrears: 0,
  penaltyRp: 0,
  maxPaymentRp: 1_250_000,
  viewedAt: '2026-11-20T08:59:58.000Z',
};

const inArrears: LoanAccountView = {
  loanNo: '000101000002002',
  borrowerName: 'SRI WAHYUNI',
  product: 'KUPEDES',
  status: 'ACTIVE',
  period: '2026-09',
  installmentDueRp: 750_000,
  installmentsInArrears: 2,
  penaltyRp: 45_000,
  maxPaymentRp: 2_295_000,
  viewedAt: '2026-11-20T08:59:58.000Z',
};

function collect(
  loan: LoanAccountView,
  amountRp: number,
  overrides: Partial<CollectInstallment> = {},
): CollectInstallment {
  return {
    type: 'CollectInstallment',
    collectionId: 'col-1',
    loanNo: loan.loanNo,
    amountRp,
    loan,
    agreement: DEFAULT_AGREEMENTS[loan.product],
    notYetAtBankRp: 0,
    tellerId: 'teller-siti',
    now: NOW,
    ...overrides,
  };
}

function refusalOf(command: CollectInstallment): string {
  const decision = decideCollectInstallment(command);
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.events)}`);
  return decision.error.code;
}

describe('decideCollectInstallment', () => {
  it('given a current KUR loan, when the whole installment is paid, then it is collected with the flat Rp2.500 fee the bank pays', () => {
    const decision = decideCollectInstallment(collect(current, 1_250_000));
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'InstallmentCollected',
          schemaVersion: 1,
          data: {
            collectionId: 'col-1',
            loanNo: '000101000001001',
            product: 'KUR',
            borrowerName: 'WARSITO',
            period: '2026-11',
            amountRp: 1_250_000,
            feeRp: 2_500,
            feeMode: 'BANK_PAYS',
            tellerId: 'teller-siti',
            allocation: {
              arrearsRp: 0,
              arrearsPeriods: [],
              penaltyRp: 0,
              currentRp: 1_250_000,
              currentPeriod: '2026-11',
              aheadRp: 0,
            },
          },
        },
      ],
    });
  });

  it('given a Kupedes loan in arrears, when everything owed is paid, then the fee is 0.50% netted', () => {
    const decision = decideCollectInstallment(collect(inArrears, 2_295_000));
    expect(decision.ok && decision.events[0].data).toMatchObject({
      amountRp: 2_295_000,
      feeRp: 11_475,
      feeMode: 'NETTED',
    });
  });

  it('given a loan in arrears, when everything owed is paid, then the event keeps what it paid: the arrears months, the penalty and the current month', () => {
    const decision = decideCollectInstallment(collect(inArrears, 2_295_000));
    expect(decision.ok && decision.events[0].data.allocation).toEqual({
      arrearsRp: 1_500_000,
      arrearsPeriods: ['2026-07', '2026-08'],
      penaltyRp: 45_000,
      currentRp: 750_000,
      currentPeriod: '2026-09',
      aheadRp: 0,
    });
  });

  it('given arrears already paid here and not yet at the bank, when the next payment is taken, then it pays the penalty and the current month', () => {
    const decision = decideCollectInstallment(
      collect(inArrears, 795_000, { notYetAtBankRp: 1_500_000 }),
    );
    expect(decision.ok && decision.events[0].data.allocation).toMatchObject({
      arrearsRp: 0,
      arrearsPeriods: [],
      penaltyRp: 45_000,
      currentRp: 750_000,
    });
  });

  it('given partial payments allowed, when less than one installment is paid, then it is collected and the fee rounds half up', () => {
    // 0.50% of 100.100 = 500,5: half up to 501.
    const decision = decideCollectInstallment(collect(inArrears, 100_100));
    expect(decision.ok && decision.events[0].data).toMatchObject({ amountRp: 100_100, feeRp: 501 });
  });

  it('given partial payments not allowed, when less than one installment is paid, then it is refused', () => {
    expect(refusalOf(collect(current, 1_249_999))).toBe('PARTIAL_NOT_ALLOWED');
  });

  it('given partial payments not allowed, when the final installment is smaller than the regular one, then paying all of it is accepted', () => {
    const last = { ...current, maxPaymentRp: 400_000 };
    expect(decideCollectInstallment(collect(last, 400_000)).ok).toBe(true);
    expect(refusalOf(collect(last, 399_999))).toBe('PARTIAL_NOT_ALLOWED');
  });

  it('given a koperasi that allows partial KUR payments, when less than one installment is paid, then it is collected', () => {
    const agreement: CollectionAgreement = { ...DEFAULT_AGREEMENTS.KUR, partialAllowed: true };
    expect(decideCollectInstallment(collect(current, 500_000, { agreement })).ok).toBe(true);
  });

  it('given any loan, when more than the bank accepts is paid, then it is refused as overpayment', () => {
    expect(refusalOf(collect(inArrears, 2_295_001))).toBe('OVERPAYMENT');
    expect(refusalOf(collect(current, 1_250_001))).toBe('OVERPAYMENT');
  });

  it("given collections here the bank has not seen yet, then they count against the bank's maximum", () => {
    expect(refusalOf(collect(inArrears, 1_545_001, { notYetAtBankRp: 750_000 }))).toBe(
      'OVERPAYMENT',
    );
    expect(
      decideCollectInstallment(collect(inArrears, 1_545_000, { notYetAtBankRp: 750_000 })).ok,
    ).toBe(true);
    // KUR with the whole installment already taken and not yet acknowledged: a second one is too much.
    expect(refusalOf(collect(current, 1_250_000, { notYetAtBankRp: 1_250_000 }))).toBe(
      'OVERPAYMENT',
    );
  });

  it('given a closed loan, when anything is paid, then it is refused', () => {
    expect(refusalOf(collect({ ...current, status: 'CLOSED', maxPaymentRp: 0 }, 1_250_000))).toBe(
      'LOAN_CLOSED',
    );
  });

  it.each([0, -5_000, 1_000.5, Number.NaN, 2 ** 53])(
    'when the amount is %p, then it is refused as invalid',
    (amountRp) => {
      expect(refusalOf(collect(current, amountRp))).toBe('INVALID_AMOUNT');
    },
  );

  it('given a view of another loan, then it is refused', () => {
    expect(refusalOf(collect(current, 1_250_000, { loanNo: '000101000002002' }))).toBe(
      'LOAN_VIEW_MISMATCH',
    );
  });

  it('given a view older than a minute, or from the future, then the teller is asked to look the loan up again', () => {
    expect(refusalOf(collect(current, 1_250_000, { now: '2026-11-20T09:01:00.000Z' }))).toBe(
      'LOAN_VIEW_STALE',
    );
    expect(refusalOf(collect(current, 1_250_000, { now: '2026-11-20T08:59:50.000Z' }))).toBe(
      'LOAN_VIEW_STALE',
    );
    expect(refusalOf(collect({ ...current, viewedAt: 'yesterday' }, 1_250_000))).toBe(
      'LOAN_VIEW_STALE',
    );
  });

  it('given no teller, then it is refused', () => {
    expect(refusalOf(collect(current, 1_250_000, { tellerId: ' ' }))).toBe('TELLER_REQUIRED');
  });

  it('given a fixed fee above a tiny partial amount, then the fee is capped at the amount', () => {
    const agreement: CollectionAgreement = {
      ...DEFAULT_AGREEMENTS.KUR,
      partialAllowed: true,
      feeMode: 'NETTED',
    };
    const decision = decideCollectInstallment(collect(current, 1_000, { agreement }));
    expect(decision.ok && decision.events[0].data.feeRp).toBe(1_000);
  });
});
